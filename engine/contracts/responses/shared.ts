import { z } from 'zod';
import { confidenceLevels } from '../../config/scoring/confidence.ts';
import { messageSchema } from '../messages/message.ts';

/**
 * Pieces every response contract shares. Response schemas describe what the API sends, so the API
 * checks its answers against them in tests and the viewer takes its types from them (issue 14 item 2).
 */

/** Every record a response shows says whether the seed generator invented it. */
export const demoFlag = z.boolean().meta({
  description:
    '演示数据 demo data: true when the record was invented by the seed generator (`source: synthetic`), not a real organisation; clients must show it as such and never report it as a real lead',
});

/** A page of a list: the cursor of the next page, null on the last. */
export const nextCursor = z.string().nullable();

/** Which text similarity answered: the embeddings model, or the lexical (character n-gram) fallback. */
export const textProviderSchema = z.enum(['embedding', 'lexical']);

export const signalScoreSchema = z
  .strictObject({
    signal: z.string(),
    value: z.number().meta({ description: 'normalised to 0–1' }),
    weight: z.number(),
    contribution: z.number().meta({ description: 'value × weight: the signal’s share of the total score' }),
    detail: z.string().meta({ description: 'what was counted, in words (Chinese)' }),
    detailParts: z
      .array(messageSchema)
      .max(8)
      .optional()
      .meta({ description: '`detail` as messages, to render in the user’s language; absent on snapshots recorded before it existed' }),
  })
  .meta({ id: 'SignalScore' });
export const pathNodeSchema = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    name: z.string(),
    nameEn: z.string().optional().meta({ description: 'the English name, where the data has one (segments)' }),
  })
  .meta({ id: 'PathNode' });
export const pathRelationshipSchema = z.strictObject({ type: z.string(), from: z.string(), to: z.string() }).meta({ id: 'PathRelationship' });
export const graphPathSchema = z
  .strictObject({ signal: z.string(), nodes: z.array(pathNodeSchema), relationships: z.array(pathRelationshipSchema) })
  .meta({ id: 'GraphPath' });

/** Every recommendation's explanation (engine/match/explanation.ts): score per signal and the graph paths behind it. */
export const explanationResponse = z
  .strictObject({
    signals: z.array(signalScoreSchema),
    paths: z.array(graphPathSchema),
    confidence: z.enum(confidenceLevels),
    reason: z.string().meta({ description: 'one line in Chinese' }),
    reasonParts: z.array(messageSchema).max(16).optional().meta({ description: '`reason` as messages (clauses), to render in the user’s language' }),
  })
  .meta({ id: 'Explanation' });

export type Explanation = z.infer<typeof explanationResponse>;
export type SignalScore = z.infer<typeof signalScoreSchema>;
export type GraphPath = z.infer<typeof graphPathSchema>;
export type PathNode = z.infer<typeof pathNodeSchema>;
export type PathRelationship = z.infer<typeof pathRelationshipSchema>;
