import { addChainTemplate, type ChainTemplate, type GraphBatch } from '../../engine/index.ts';
import { loadChainTemplates } from '../chains/index.ts';
import { addDistrict, loadDistrictSeed } from './district.ts';
import { addFirmNodes } from './firmRows.ts';
import { addAllianceMembers, addPartyOrganisations, assignParks } from './organisations.ts';
import { addLocalFirms, addOutsidePool, addServiceFirms, assignLocalTags, assignTechLoans } from './enterprises.ts';
import { GraphBuilder } from './graphBuilder.ts';
import { FirmNamer } from './names.ts';
import { Random } from './random.ts';
import { addCooperation, addResearchUnits, addSyntheticPairings, addTalent, addTechnicalNeeds } from './research.ts';
import { addResources } from './resources.ts';
import { hashString } from './uscc.ts';
import { addMemberships, addSupplyTies } from './supply.ts';
import type { World } from './world.ts';

export interface SeedOptions {
  /** 1 = the calibrated district; larger values grow every generated count proportionally. */
  scale?: number;
  /** PRNG seed; the same seed and scale give exactly the same graph. */
  seed?: number;
}

/** Any fixed number would do; this one is the month the district's first chain alliance was founded. */
export const defaultSeed = 201412;

/**
 * Builds the whole seed graph in memory: the hand-written chain templates and district, then the
 * calibrated synthetic rest. Deterministic for a given seed and scale.
 */
export function buildSeed(options: SeedOptions = {}): GraphBatch {
  const seed = options.seed ?? defaultSeed;
  const random = new Random(seed);
  const templates = loadChainTemplates();
  const g = new GraphBuilder();
  for (const t of templates) addChainTemplate(g, t, t.assumed ? 'synthetic' : 'article');
  const world: World = {
    random,
    g,
    scale: options.scale ?? 1,
    templates,
    segments: segmentIndex(templates),
    district: addDistrict(g, loadDistrictSeed()),
    firms: [],
  };
  const namer = new FirmNamer(new Random(hashString(`names:${seed}`)));
  addLocalFirms(world, namer);
  addOutsidePool(world, namer);
  addServiceFirms(world, namer);
  assignLocalTags(world);
  assignTechLoans(world);
  assignParks(world);
  addFirmNodes(world);
  addMemberships(world);
  addSupplyTies(world);
  addPartyOrganisations(world);
  addAllianceMembers(world);
  const units = addResearchUnits(world);
  addTechnicalNeeds(world);
  addTalent(world, units);
  addCooperation(world, units);
  addSyntheticPairings(world);
  addResources(world);
  return g.batch('seed');
}

function segmentIndex(templates: ChainTemplate[]): World['segments'] {
  return new Map(templates.flatMap((t) => t.segments.map((s) => [s.id, { ...s, chainId: t.id }] as const)));
}

/** Enterprise count of the calibrated seed, to turn `--scale N enterprises` into a factor. */
export function seedEnterpriseCount(): number {
  return buildSeed().nodes.find((n) => n.label === 'Enterprise')!.rows.length;
}
