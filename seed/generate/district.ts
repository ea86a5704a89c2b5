import { readFileSync } from 'node:fs';
import { topicId } from '../../engine/index.ts';
import { districtSeedSchema, type DistrictSeed } from '../district/schema.ts';
import type { GraphBuilder } from './graphBuilder.ts';
import { usccForKey } from './uscc.ts';

const districtFile = new URL('../district/qixia.json', import.meta.url).pathname;

export function loadDistrictSeed(): DistrictSeed {
  return districtSeedSchema.parse(JSON.parse(readFileSync(districtFile, 'utf8')));
}

/** What the later steps need to know about the named entities. */
export interface DistrictIndex {
  seed: DistrictSeed;
  /** enterprise key → USCC */
  enterpriseIds: Map<string, string>;
  /** any key → [label, id] for party-organisation owners and members */
  owners: Map<string, ['Enterprise' | 'University' | 'ResearchUnit', string]>;
}

const orgKind = { Enterprise: 'enterprise', University: 'university', ResearchUnit: 'research-unit' } as const;

/**
 * Writes the district and every entity the article names: sectors, parks, the chains' functional
 * party branches, alliances with their published figures and 1314 roles, named firms, universities,
 * research units, party organisations and their 结对共建 pairings.
 */
export function addDistrict(g: GraphBuilder, seed: DistrictSeed): DistrictIndex {
  const d = seed.district;
  g.node('District', { id: d.key, name: d.name, city: d.city, description: d.description });
  for (const s of seed.sectors) {
    g.node('Sector', { id: s.key, name: s.name, nameEn: s.nameEn, description: s.description });
    g.rel('PART_OF', 'Sector', s.key, 'District', d.key);
  }
  for (const p of seed.parks) {
    g.node('Park', { id: p.key, name: p.name, sectorId: p.sector, description: p.description, source: p.source });
    g.rel('IN_SECTOR', 'Park', p.key, 'Sector', p.sector);
  }
  for (const b of seed.chainBranches) {
    const id = `po.chain.${b.chain}`;
    g.node('PartyOrg', { id, name: b.partyOrgName, kind: 'functional-branch', source: 'article' });
    g.rel('HAS_PARTY_ORG', 'Chain', b.chain, 'PartyOrg', id);
  }

  const enterpriseIds = new Map(seed.enterprises.map((e) => [e.key, usccForKey(e.key)]));
  const owners: DistrictIndex['owners'] = new Map();
  const nameOf = new Map<string, string>();
  for (const e of seed.enterprises) {
    owners.set(e.key, ['Enterprise', enterpriseIds.get(e.key)!]);
    nameOf.set(e.key, e.name);
  }
  for (const u of seed.universities) owners.set(u.key, ['University', u.key]);
  for (const r of seed.researchUnits) owners.set(r.key, ['ResearchUnit', r.key]);

  for (const a of seed.alliances) {
    g.node('Alliance', {
      id: a.key,
      name: a.name,
      kind: a.kind,
      founded: a.founded ?? null,
      description: a.description,
      publishedFigures: JSON.stringify(a.figures),
      roles: Object.entries(a.roles).map(([role, holder]) => `${role}：${nameOf.get(holder) ?? holder}`),
      source: a.source,
    });
    for (const chain of a.chains) g.rel('ALONG', 'Alliance', a.key, 'Chain', chain);
  }

  for (const u of seed.universities) {
    g.node('University', {
      id: u.key,
      name: u.name,
      nameEn: u.nameEn,
      city: u.city,
      inXianlin: u.inXianlin,
      techTransferAlliance: u.techTransferAlliance,
      source: u.source,
    });
  }
  for (const r of seed.researchUnits) {
    g.node('ResearchUnit', { id: r.key, name: r.name, description: r.description, source: r.source });
    if (r.university) g.rel('BELONGS_TO', 'ResearchUnit', r.key, 'University', r.university);
    if (r.park) g.rel('LOCATED_IN', 'ResearchUnit', r.key, 'Park', r.park);
    for (const name of r.topics) {
      g.node('Topic', { id: topicId(name), name });
      g.rel('RESEARCHES', 'ResearchUnit', r.key, 'Topic', topicId(name));
    }
  }

  for (const o of seed.partyOrgs) {
    const owner = owners.get(o.of);
    if (!owner) throw new Error(`party organisation ${o.key} belongs to unknown "${o.of}"`);
    g.node('PartyOrg', { id: o.key, name: o.name, kind: orgKind[owner[0]], source: o.source });
    g.rel('HAS_PARTY_ORG', owner[0], owner[1], 'PartyOrg', o.key);
  }
  for (const p of seed.pairings) g.rel('PAIRED_WITH', 'PartyOrg', p.a, 'PartyOrg', p.b);

  return { seed, enterpriseIds, owners };
}
