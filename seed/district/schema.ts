import { z } from 'zod';
import { enterpriseSizeSchema, enterpriseTagSchema, sourceSchema } from '../../engine/index.ts';

/**
 * The hand-written part of the seed: the district and the entities the source article names,
 * with the figures it publishes. Everything here is either stated by the article
 * (`source: "article"`) or marked `source: "synthetic"`; the generator adds the rest.
 * Entities refer to each other by `key` (a readable slug); the builder turns enterprise keys
 * into USCC ids.
 */
const key = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/);

export const districtSeedSchema = z.strictObject({
  district: z.strictObject({ key, name: z.string(), city: z.string(), description: z.string() }),
  sectors: z.array(z.strictObject({ key, name: z.string(), nameEn: z.string(), description: z.string() })).length(3),
  parks: z.array(z.strictObject({ key, name: z.string(), sector: key, description: z.string(), source: sourceSchema })).min(3),
  /** One functional party branch per chain, led by the district leader acting as 链长. */
  chainBranches: z.array(z.strictObject({ chain: z.string(), partyOrgName: z.string(), secretaryRole: z.string(), deputyRole: z.string() })).length(7),
  alliances: z.array(
    z.strictObject({
      key,
      name: z.string(),
      kind: z.enum(['party-building', 'tech-transfer', 'industry']),
      chains: z.array(z.string()),
      park: key.optional(),
      founded: z.string().optional(),
      /** Published figures, e.g. { "memberFirms": 43, "employees": 30000, "partyMembers": 600 } */
      figures: z.record(z.string(), z.number()).default({}),
      /** The "1314" roles, e.g. { "挂钩联系": "园区党工委领导", "盟主": "<enterprise key>" } */
      roles: z.record(z.string(), z.string()).default({}),
      description: z.string(),
      source: sourceSchema,
    }),
  ),
  enterprises: z.array(
    z.strictObject({
      key,
      name: z.string(),
      chain: z.string(),
      segments: z.array(z.string()).min(1),
      park: key,
      size: enterpriseSizeSchema,
      tags: z.array(enterpriseTagSchema),
      description: z.string(),
      /** Sentences of the article about this firm, verbatim. */
      facts: z.array(z.string()).default([]),
      alliances: z.array(key).default([]),
      source: sourceSchema,
    }),
  ),
  universities: z.array(
    z.strictObject({
      key,
      name: z.string(),
      nameEn: z.string(),
      city: z.string(),
      inXianlin: z.boolean(),
      techTransferAlliance: z.boolean(),
      /** The university's profile: its disciplines (names in seed/generate/disciplines.ts); its labs and researchers draw topics only from them. */
      disciplines: z.array(z.string()).min(1),
      source: sourceSchema,
    }),
  ),
  researchUnits: z.array(
    z.strictObject({
      key,
      name: z.string(),
      university: key.optional(),
      park: key.optional(),
      topics: z.array(z.string()).min(1),
      description: z.string(),
      source: sourceSchema,
    }),
  ),
  partyOrgs: z.array(z.strictObject({ key, name: z.string(), of: key, source: sourceSchema })),
  /** 结对共建: pairs of party-organisation keys. */
  pairings: z.array(z.strictObject({ a: key, b: key, source: sourceSchema })),
  /** Published aggregate figures the generator is calibrated to (name → value), with the sentence. */
  figures: z.array(z.strictObject({ name: z.string(), value: z.number(), unit: z.string(), quote: z.string() })),
});

export type DistrictSeed = z.infer<typeof districtSeedSchema>;
