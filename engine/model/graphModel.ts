import { z } from 'zod';
import * as rows from './nodes.ts';

/**
 * The graph model in one place: every node label with its row schema, and every relationship
 * type with the labels it may join and its property schema. These tables are the allow-lists:
 * a label or type that is not here never reaches a Cypher string. See docs/graph-model.md.
 */
export const nodeSchemas = {
  District: rows.districtRow,
  Sector: rows.sectorRow,
  Park: rows.parkRow,
  Chain: rows.chainRow,
  Segment: rows.segmentRow,
  Product: rows.productRow,
  Enterprise: rows.enterpriseRow,
  University: rows.universityRow,
  ResearchUnit: rows.researchUnitRow,
  Talent: rows.talentRow,
  Topic: rows.topicRow,
  Alliance: rows.allianceRow,
  PartyOrg: rows.partyOrgRow,
  Offer: rows.offerRow,
  Demand: rows.demandRow,
  Match: rows.matchRow,
  ImportRun: rows.importRunRow,
} as const;

export type NodeLabel = keyof typeof nodeSchemas;
export const nodeLabels = Object.keys(nodeSchemas) as NodeLabel[];
export type NodeRow<L extends NodeLabel> = z.infer<(typeof nodeSchemas)[L]>;

/** Labels whose name/description text the full-text (cjk) index covers. */
export const searchableLabels: NodeLabel[] = [
  'Chain',
  'Segment',
  'Product',
  'Enterprise',
  'University',
  'ResearchUnit',
  'Talent',
  'Topic',
  'Alliance',
  'PartyOrg',
  'Park',
  'Offer',
  'Demand',
];

const none = z.strictObject({});
const partyOrgOwners: NodeLabel[] = ['Enterprise', 'University', 'ResearchUnit', 'Chain'];
const organisations: NodeLabel[] = ['Enterprise', 'University', 'ResearchUnit'];

export const relationshipSpecs = {
  PART_OF: { from: ['Sector'], to: ['District'], props: none },
  IN_SECTOR: { from: ['Park'], to: ['Sector'], props: none },
  HAS_SEGMENT: { from: ['Chain'], to: ['Segment'], props: none },
  /** Upstream segment → downstream segment. */
  FEEDS: { from: ['Segment'], to: ['Segment'], props: none },
  INCLUDES: { from: ['Segment'], to: ['Product'], props: none },
  INPUT_TO: { from: ['Product'], to: ['Product'], props: none },
  /** `inferred` marks an attachment suggested by the classifier rather than stated by the data. */
  IN_SEGMENT: { from: ['Enterprise'], to: ['Segment'], props: z.strictObject({ inferred: z.boolean(), confidence: z.number().min(0).max(1) }) },
  MAKES: { from: ['Enterprise'], to: ['Product'], props: none },
  /** Supplier → customer; `sharePct` is the supplier's share of what the customer buys of it. */
  SUPPLIES: { from: ['Enterprise'], to: ['Enterprise'], props: z.strictObject({ sharePct: z.number().min(0).max(100) }) },
  NEEDS_TECH: { from: ['Enterprise'], to: ['Topic'], props: none },
  RESEARCHES: { from: ['ResearchUnit'], to: ['Topic'], props: none },
  BELONGS_TO: { from: ['ResearchUnit'], to: ['University'], props: none },
  AFFILIATED_WITH: { from: ['Talent'], to: organisations, props: none },
  EXPERT_IN: { from: ['Talent'], to: ['Topic'], props: none },
  MEMBER_OF: { from: organisations, to: ['Alliance'], props: z.strictObject({ role: z.string() }) },
  ALONG: { from: ['Alliance'], to: ['Chain'], props: none },
  HAS_PARTY_ORG: { from: partyOrgOwners, to: ['PartyOrg'], props: none },
  /** 结对共建; stored once, read in both directions. */
  PAIRED_WITH: { from: ['PartyOrg'], to: ['PartyOrg'], props: none },
  COOPERATES_WITH: { from: organisations, to: organisations, props: z.strictObject({ since: z.number().int(), projects: z.number().int().min(1) }) },
  OFFERS: { from: ['Enterprise', 'University', 'ResearchUnit', 'Park'], to: ['Offer'], props: none },
  HAS_DEMAND: { from: ['Enterprise', 'University', 'ResearchUnit'], to: ['Demand'], props: none },
  LOCATED_IN: { from: organisations, to: ['Park'], props: none },
} as const satisfies Record<string, { from: readonly NodeLabel[]; to: readonly NodeLabel[]; props: z.ZodType }>;

export type RelationshipType = keyof typeof relationshipSpecs;
export const relationshipTypes = Object.keys(relationshipSpecs) as RelationshipType[];

export function isNodeLabel(value: string): value is NodeLabel {
  return Object.hasOwn(nodeSchemas, value);
}
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.hasOwn(relationshipSpecs, value);
}
