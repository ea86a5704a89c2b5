/** Talent matching for an enterprise's needs, and the talent levels as values (also read by pairing). */
import type { z } from 'zod';
import type { talentLevelSchema } from '../../model/nodes.ts';

type TalentLevel = z.infer<typeof talentLevelSchema>;

/** Talent matching for an enterprise's needs. */
export const talentWeights = { text: 0.35, topics: 0.3, level: 0.2, proximity: 0.1, cooperation: 0.05 };

/** Talent levels as a 0–1 value: Nobel/Turing laureate … other researchers. */
export const talentLevelValues: Record<string, number> = {
  laureate: 1,
  academician: 0.95,
  national: 0.8,
  provincial: 0.6,
  municipal: 0.45,
  district: 0.3,
  other: 0.15,
} satisfies Record<TalentLevel, number>;
