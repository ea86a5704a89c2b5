import { z } from 'zod';
import { firmLimits } from '../model/firmLimits.ts';
import { searchableLabels } from '../model/graphModel.ts';
import { chainIdParam } from './chains.ts';
import { talentLevelSchema } from '../model/nodes.ts';
import { cursorSchema } from '../search/cursor.ts';

const id = z.string().min(1).max(120);
const text = z.string().trim().min(1).max(2000);

const pairingCommon = {
  limit: z.number().int().min(1).max(100).default(10),
  filters: z.strictObject({ inXianlin: z.boolean().optional(), universityIds: z.array(id).max(50).optional(), localOnly: z.boolean().optional() }).default({}),
};

/** Exactly one subject: an enterprise, a research unit, or a need/capability in words (one branch each, so the contract says so too). */
export const pairingRequestSchema = z.union([
  z.strictObject({ enterpriseId: id, ...pairingCommon }),
  z.strictObject({ researchUnitId: id, ...pairingCommon }),
  z.strictObject({
    text,
    /** need → research units (default); capability → enterprises */ textRole: z.enum(['need', 'capability']).default('need'),
    ...pairingCommon,
  }),
]);

const talentCommon = {
  limit: z.number().int().min(1).max(100).default(10),
  filters: z.strictObject({ levels: z.array(talentLevelSchema).max(7).optional() }).default({}),
};

export const talentRequestSchema = z.union([z.strictObject({ enterpriseId: id, ...talentCommon }), z.strictObject({ text, ...talentCommon })]);

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  /** Comma-separated labels, e.g. Enterprise,ResearchUnit; the pattern lists exactly the searchable ones. */
  types: z
    .string()
    .max(200)
    .regex(new RegExp(`^(${searchableLabels.join('|')})(,(${searchableLabels.join('|')}))*$`), `comma-separated labels among ${searchableLabels.join(', ')}`)
    .transform((s) => s.split(','))
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorSchema.optional(),
});

export const neighbourhoodQuerySchema = z.strictObject({
  depth: z.coerce.number().int().min(1).max(2).default(1),
  limit: z.coerce.number().int().min(1).max(500).default(150),
});

export const classifyRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  products: z.array(z.string().trim().min(1).max(firmLimits.maxProductChars)).max(firmLimits.maxProducts).optional(),
  description: z.string().max(4000).optional(),
  /** Rank only these chains' segments (an unknown id is a 404 naming it); all chains when absent. */
  chainIds: z.array(chainIdParam).min(1).max(50).optional(),
  limit: z.number().int().min(1).max(20).default(5),
});

export const entityIdParam = z.strictObject({ id });
