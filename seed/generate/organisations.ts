import { articleFigures } from './calibration.ts';
import type { Firm, World } from './world.ts';

/** Finds a district entity by a distinctive part of its name (the district file names them). */
function byName<T extends { name: string }>(items: T[], part: string): T | undefined {
  return items.find((x) => x.name.includes(part));
}

/**
 * Parks for local firms: biomedicine in 栖霞高新区, AI in 中国(南京)智谷, Korean-funded and
 * manufacturing firms in the 经开区 parks, the rest spread over the district.
 */
export function assignParks(world: World): void {
  const { random } = world;
  const parks = world.district.seed.parks;
  const hiTech = byName(parks, '高新');
  const zhigu = byName(parks, '智谷');
  const netda = parks.filter((p) => p.sector === 'sector.netda');
  const general = parks.filter((p) => !p.name.includes('人才街区'));
  for (const f of world.firms) {
    if (!f.local || f.parkId) continue;
    if (f.kind !== 'industrial') f.parkId = random.pick(general).key;
    else if (f.tags.includes('korean-funded') && netda.length > 0) f.parkId = random.pick(netda).key;
    else if (f.chainId === 'biomed' && hiTech && random.chance(0.8)) f.parkId = hiTech.key;
    else if (f.chainId === 'ai' && zhigu && random.chance(0.8)) f.parkId = zhigu.key;
    else if (['electronics', 'equipment', 'nev', 'materials'].includes(f.chainId ?? '') && netda.length > 0 && random.chance(0.7))
      f.parkId = random.pick(netda).key;
    else f.parkId = random.pick(general).key;
  }
}

/**
 * 企业党组织覆盖率 93%: named firms keep the party organisations the article gives them; others
 * get one (党委 for large firms, 党支部 otherwise) until the calibrated share is reached.
 */
export function addPartyOrganisations(world: World): void {
  const { random, g } = world;
  const local = world.firms.filter((f) => f.local && f.kind === 'industrial');
  const target = Math.round(local.length * articleFigures.partyCoverage);
  const owned = new Set(world.district.seed.partyOrgs.map((o) => o.of));
  const covered = local.filter((f) => f.key && owned.has(f.key));
  const rest = random.shuffle(local.filter((f) => !covered.includes(f)));
  for (const f of rest.slice(0, Math.max(0, target - covered.length))) {
    const id = `po.${f.id}`;
    g.node('PartyOrg', { id, name: `${f.name}${f.size === 'large' ? '党委' : '党支部'}`, kind: 'enterprise', source: 'synthetic' });
    g.rel('HAS_PARTY_ORG', 'Enterprise', f.id, 'PartyOrg', id);
  }
  for (const u of world.district.seed.universities) {
    const id = `po.${u.key}`;
    if (!world.district.seed.partyOrgs.some((o) => o.of === u.key)) {
      g.node('PartyOrg', { id, name: `${u.name}党委`, kind: 'university', source: 'synthetic' });
      g.rel('HAS_PARTY_ORG', 'University', u.key, 'PartyOrg', id);
    }
  }
}

/**
 * Alliance membership: all Korean-funded firms in the 韩资 alliance, shares of each chain's firms in
 * its chain alliances, the 38 universities in the technology-transfer alliance.
 */
export function addAllianceMembers(world: World): void {
  const { random, g, district } = world;
  const alliances = district.seed.alliances;
  const member = (f: Firm, allianceKey: string, role = '成员单位') => g.rel('MEMBER_OF', 'Enterprise', f.id, 'Alliance', allianceKey, { role });
  const local = world.firms.filter((f) => f.local && f.kind === 'industrial');

  for (const e of district.seed.enterprises) {
    for (const a of e.alliances) {
      const alliance = alliances.find((x) => x.key === a);
      const role = alliance && Object.entries(alliance.roles).find(([, holder]) => holder === e.key)?.[0];
      member(
        world.firms.find((f) => f.key === e.key)!,
        a,
        role ?? '成员单位',
      );
    }
  }
  const korean = byName(alliances, '韩资');
  if (korean) for (const f of local.filter((x) => x.tags.includes('korean-funded'))) member(f, korean.key);

  for (const a of alliances.filter((x) => x.kind !== 'tech-transfer' && x !== korean)) {
    const chains = new Set(a.chains);
    const pool = chains.size > 0 ? local.filter((f) => chains.has(f.chainId ?? '')) : local;
    for (const f of random.sample(pool, Math.round(pool.length * (chains.size > 0 ? 0.3 : 0.05)))) member(f, a.key);
  }
  const transfer = alliances.filter((x) => x.kind === 'tech-transfer');
  for (const u of district.seed.universities.filter((x) => x.techTransferAlliance)) {
    for (const a of transfer) g.rel('MEMBER_OF', 'University', u.key, 'Alliance', a.key, { role: '成员高校' });
  }
}
