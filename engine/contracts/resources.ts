import { z } from 'zod';
import { eventDefaults } from '../config/scoring.ts';
import { resourceKindSchema } from '../model/nodes.ts';
import { blockText, lineText } from './text.ts';

/**
 * Request shapes of resource supply–demand matching (docs/design.md §4); the API validates with these and
 * nothing else. Offers and demands are validated per kind: a site needs an area and a park, a loan
 * an amount, rate and term; an attribute another kind uses is refused by name.
 */
const nodeId = z.string().min(1).max(120);
const resourceId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'letters, digits and . _ : - (at most 100)');
/** A calendar date, YYYY-MM-DD (format: date in the contract). */
const isoDate = z.iso.date();
const area = z.number().positive().max(10_000_000);
const certifications = z.array(lineText(40)).max(20);
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const offerCommon = {
  id: resourceId.optional(),
  /** The enterprise, university, research unit or park that OFFERS it. */
  ownerId: nodeId,
  title: lineText(200),
  description: blockText(4000).default(''),
  /** How many demands it can serve at once. */
  capacity: z.number().int().min(1).max(100_000).default(1),
  status: z.enum(['open', 'closed']).default('open'),
};
const availability = { availableFrom: optional(isoDate), availableUntil: optional(isoDate) };

/** Per kind, the attributes an offer of that kind carries (docs/resources.md §3). */
export const offerKindSchemas = {
  site: z.strictObject({
    ...offerCommon,
    kind: z.literal('site'),
    areaM2: area,
    floorLoadKnM2: optional(z.number().positive().max(1000)),
    certifications: certifications.default([]),
    /** 元/m²/月 */
    price: optional(z.number().min(0).max(10_000)),
    parkId: nodeId,
    ...availability,
  }),
  land: z.strictObject({
    ...offerCommon,
    kind: z.literal('land'),
    areaM2: area,
    /** 万元/亩 */ price: optional(z.number().min(0).max(100_000)),
    parkId: nodeId,
    ...availability,
  }),
  loan: z.strictObject({
    ...offerCommon,
    kind: z.literal('loan'),
    amountWan: z.number().positive().max(10_000_000),
    ratePct: z.number().min(0).max(36),
    termMonths: z.number().int().min(1).max(600),
    ...availability,
  }),
  equipment: z.strictObject({
    ...offerCommon,
    kind: z.literal('equipment'),
    /** 万元 */ price: optional(z.number().min(0).max(1_000_000)),
    certifications: certifications.default([]),
    parkId: optional(nodeId),
    ...availability,
  }),
  talent: z.strictObject({ ...offerCommon, kind: z.literal('talent'), ...availability }),
  service: z.strictObject({
    ...offerCommon,
    kind: z.literal('service'),
    price: optional(z.number().min(0).max(1_000_000)),
    certifications: certifications.default([]),
    ...availability,
  }),
  policy: z.strictObject({
    ...offerCommon,
    kind: z.literal('policy'),
    /** the subsidy's ceiling */ amountWan: optional(z.number().positive().max(10_000_000)),
    parkId: optional(nodeId),
    ...availability,
  }),
};

const demandCommon = {
  id: resourceId.optional(),
  /** The enterprise, university or research unit that HAS_DEMAND. */
  ownerId: nodeId,
  title: lineText(200),
  description: blockText(4000).default(''),
  status: z.enum(['open', 'met', 'closed']).default('open'),
};
const need = { neededFrom: optional(isoDate), neededUntil: optional(isoDate) };
const parkAllowList = z.array(nodeId).max(50).default([]);

export const demandKindSchemas = {
  site: z.strictObject({
    ...demandCommon,
    kind: z.literal('site'),
    minAreaM2: area,
    idealAreaM2: optional(area),
    minFloorLoadKnM2: optional(z.number().positive().max(1000)),
    requiredCertifications: certifications.default([]),
    maxPrice: optional(z.number().min(0).max(10_000)),
    parkAllowList,
    ...need,
  }),
  land: z.strictObject({
    ...demandCommon,
    kind: z.literal('land'),
    minAreaM2: area,
    idealAreaM2: optional(area),
    maxPrice: optional(z.number().min(0).max(100_000)),
    parkAllowList,
    ...need,
  }),
  loan: z.strictObject({
    ...demandCommon,
    kind: z.literal('loan'),
    amountWan: z.number().positive().max(10_000_000),
    maxRatePct: optional(z.number().min(0).max(36)),
    minTermMonths: optional(z.number().int().min(1).max(600)),
    ...need,
  }),
  equipment: z.strictObject({
    ...demandCommon,
    kind: z.literal('equipment'),
    maxPrice: optional(z.number().min(0).max(1_000_000)),
    requiredCertifications: certifications.default([]),
    quantity: z.number().int().min(1).max(1000).default(1),
    parkAllowList,
    ...need,
  }),
  talent: z.strictObject({ ...demandCommon, kind: z.literal('talent'), quantity: z.number().int().min(1).max(1000).default(1), ...need }),
  service: z.strictObject({
    ...demandCommon,
    kind: z.literal('service'),
    maxPrice: optional(z.number().min(0).max(1_000_000)),
    requiredCertifications: certifications.default([]),
    ...need,
  }),
  policy: z.strictObject({ ...demandCommon, kind: z.literal('policy'), amountWan: optional(z.number().positive().max(10_000_000)), parkAllowList, ...need }),
};

/**
 * Names every attribute the body's kind does not have as its own field error (zod's strict objects
 * report them all at the root), then validates against that kind's schema.
 */
function byKind<U extends z.ZodType>(union: U, schemas: Record<string, z.ZodObject>, what: string) {
  return z
    .preprocess((value, ctx) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        const kind = (value as { kind?: unknown }).kind;
        const schema = typeof kind === 'string' && Object.hasOwn(schemas, kind) ? schemas[kind] : undefined;
        if (schema) {
          for (const key of Object.keys(value)) {
            if (!(key in schema.shape))
              ctx.addIssue({ code: 'custom', path: [key], message: `not an attribute of a ${kind} ${what}; allowed: ${Object.keys(schema.shape).join(', ')}` });
          }
        }
      }
      return value;
    }, union)
    .superRefine((v, ctx) => {
      const r = v as Record<string, unknown>;
      const order = (from: string, until: string) => {
        if (typeof r[from] === 'string' && typeof r[until] === 'string' && (r[until] as string) < (r[from] as string))
          ctx.addIssue({ code: 'custom', path: [until], message: `must not be before ${from}` });
      };
      order('availableFrom', 'availableUntil');
      order('neededFrom', 'neededUntil');
      if (typeof r.minAreaM2 === 'number' && typeof r.idealAreaM2 === 'number' && r.idealAreaM2 < r.minAreaM2)
        ctx.addIssue({ code: 'custom', path: ['idealAreaM2'], message: 'must not be below minAreaM2' });
    });
}

const o = offerKindSchemas;
const d = demandKindSchemas;
export const createOfferRequest = byKind(z.discriminatedUnion('kind', [o.site, o.land, o.loan, o.equipment, o.talent, o.service, o.policy]), o, 'offer');
export const createDemandRequest = byKind(z.discriminatedUnion('kind', [d.site, d.land, d.loan, d.equipment, d.talent, d.service, d.policy]), d, 'demand');
export type CreateOfferRequest = z.infer<typeof createOfferRequest>;
export type CreateDemandRequest = z.infer<typeof createDemandRequest>;

/** A partial update: any attribute of the stored row's kind except id, kind and owner; null clears an optional one. */
export const updateResourceRequest = z
  .record(z.string(), z.unknown())
  .superRefine((body, ctx) => {
    for (const key of ['id', 'kind', 'ownerId'])
      if (key in body) ctx.addIssue({ code: 'custom', path: [key], message: `${key} cannot change; delete and create instead` });
    if (Object.keys(body).length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'name at least one attribute to change' });
  })
  // The same two rules, stated in the contract so clients (and schemathesis) see them.
  .meta({ minProperties: 1, not: { anyOf: [{ required: ['id'] }, { required: ['kind'] }, { required: ['ownerId'] }] } });

export const listResourcesQuery = z.strictObject({
  kind: resourceKindSchema.optional(),
  status: z.enum(['open', 'closed', 'met']).optional(),
  ownerId: nodeId.optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{2,200}$/, 'the nextCursor of the previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListResourcesQuery = z.infer<typeof listResourcesQuery>;

export const resourceIdParam = z.strictObject({ id: nodeId });

const resourceMatchOptions = {
  limit: z.number().int().min(1).max(100).default(10),
  /** Show pairs somebody declined before (hidden by default). */
  includeDeclined: z.boolean().default(false),
  /** Weigh the signals with the weights outcome learning suggests (GET /matches/stats). */
  useOutcomes: z.boolean().default(false),
};
/** Offers for a demand, or demands for an offer: one branch each, so the contract says "exactly one". */
export const resourceMatchRequest = z.union([
  z.strictObject({ demandId: nodeId, ...resourceMatchOptions }),
  z.strictObject({ offerId: nodeId, ...resourceMatchOptions }),
]);
export type ResourceMatchRequest = z.infer<typeof resourceMatchRequest>;

export const resourceAssignRequest = z.strictObject({
  /** Default: every open demand. */
  demandIds: z.array(nodeId).min(1).max(20_000).optional(),
  kinds: z.array(resourceKindSchema).min(1).max(7).optional(),
  /** total-fit maximises Σ fit; coverage serves as many units as possible first, then maximises fit. */
  objective: z.enum(['total-fit', 'coverage']).default('total-fit'),
  includeDeclined: z.boolean().default(false),
  useOutcomes: z.boolean().default(false),
});
export type ResourceAssignRequest = z.infer<typeof resourceAssignRequest>;

const slots = z.number().int().min(1).max(20).default(3);
export const eventPlanRequest = z
  .strictObject({
    enterprises: z
      .array(z.strictObject({ id: nodeId, slots }))
      .min(1)
      .max(eventDefaults.maxParticipants),
    researchUnits: z
      .array(z.strictObject({ id: nodeId, slots }))
      .min(1)
      .max(eventDefaults.maxParticipants),
    /** Pairs below this fit are not scheduled. */
    minFit: z.number().min(0).max(1).optional(),
    objective: z.enum(['total-fit', 'coverage']).default('total-fit'),
  })
  .superRefine((r, ctx) => {
    for (const side of ['enterprises', 'researchUnits'] as const) {
      const seen = new Set<string>();
      r[side].forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [side, i, 'id'], message: `"${p.id}" is listed twice` });
        seen.add(p.id);
      });
    }
  });
export type EventPlanRequest = z.infer<typeof eventPlanRequest>;
