import { z } from 'zod';
import { talentLevelSchema } from '../../model/nodes.ts';
import { demoFlag, explanationResponse, nextCursor } from './shared.ts';

/** What the API sends for pairing, talent, search and exploring (docs/design.md §3, §5). */

/** Why a pairing or talent list is empty: no candidate reached the relevance gate (or none was there to weigh). */
export const noMatchSchema = z
  .strictObject({
    reason: z.enum(['no-relevant-candidate', 'no-candidate']),
    bestSimilarity: z.number().meta({ description: 'the best relevance any candidate reached (topic coverage, 0–1)' }),
    threshold: z.number(),
  })
  .nullable()
  .meta({ id: 'NoMatch' });

/** Pairing and talent also answer 'hybrid': a need in words ranked by words and meaning (lexical + dense). */
const matchTextProvider = z.enum(['embedding', 'lexical', 'hybrid']);
const matchedByMeaning = z.boolean().meta({ description: 'passed the relevance gate by meaning (dense embedding), with or without matched words' });

const researcher = { id: z.string(), name: z.string(), title: z.string(), level: talentLevelSchema, demo: demoFlag };

export const pairResultSchema = z
  .strictObject({
    enterprise: z
      .strictObject({
        id: z.string(),
        name: z.string(),
        demo: demoFlag,
        needs: z.array(z.string()).meta({ description: 'Topic names it registered as technical needs (NEEDS_TECH)' }),
      })
      .nullable(),
    researchUnit: z.strictObject({ id: z.string(), name: z.string(), university: z.string().nullable(), demo: demoFlag }),
    score: z.number(),
    carriedBy: z
      .strictObject({
        researcher: z.strictObject(researcher).nullable(),
        topic: z.string().nullable(),
        displaced: z
          .strictObject({ researcher: z.string(), cap: z.number().int() })
          .optional()
          .meta({ description: 'set when the list’s cap moved the pair off the researcher who would have carried it' }),
      })
      .meta({ description: 'the researcher and topic that carry the pair' }),
    need: z.string().meta({ description: 'the need the pair answers: the words typed, or the enterprise’s registered needs' }),
    matchedTerms: z.array(z.string()),
    matchedTopics: z.array(z.string()),
    matchedByMeaning,
    explanation: explanationResponse,
  })
  .meta({ id: 'PairResult' });
export const pairingResponse = z
  .strictObject({
    direction: z.enum(['to-research-units', 'to-enterprises']),
    items: z.array(pairResultSchema),
    textProvider: matchTextProvider,
    relevanceThreshold: z.number(),
    noMatch: noMatchSchema,
  })
  .meta({ id: 'PairingResult' });

export const talentMatchSchema = z
  .strictObject({
    talent: z.strictObject({
      ...researcher,
      honours: z.array(z.string()),
      expertise: z.array(z.string()),
      affiliation: z.strictObject({ id: z.string(), label: z.string(), name: z.string() }).nullable(),
    }),
    score: z.number(),
    topic: z.string().nullable().meta({ description: 'the expertise topic that best matches the need' }),
    matchedTerms: z.array(z.string()),
    matchedTopics: z.array(z.string()),
    matchedByMeaning,
    explanation: explanationResponse,
  })
  .meta({ id: 'TalentMatch' });
export const talentResponse = z
  .strictObject({
    items: z.array(talentMatchSchema),
    textProvider: matchTextProvider,
    need: z.string(),
    relevanceThreshold: z.number(),
    noMatch: noMatchSchema,
    capped: z.strictObject({ perAffiliation: z.number().int(), omitted: z.array(z.strictObject({ affiliation: z.string(), count: z.number().int() })) }),
  })
  .meta({ id: 'TalentResult' });

export const searchHitSchema = z
  .strictObject({
    id: z.string(),
    type: z.string().meta({ description: 'the node label' }),
    name: z.string(),
    description: z.string(),
    score: z.number(),
    highlight: z.array(z.strictObject({ text: z.string(), hit: z.boolean() })),
    demo: demoFlag,
    matchedByMeaning: z.boolean().meta({ description: 'found by meaning: its stored passage is among the closest to the query (dense embedding)' }),
  })
  .meta({ id: 'SearchHit' });
export const searchResponse = z
  .strictObject({
    items: z.array(searchHitSchema),
    groups: z
      .array(z.strictObject({ type: z.string(), items: z.array(searchHitSchema) }))
      .meta({ description: 'the same page grouped by type, in order of each type’s best hit' }),
    nextCursor,
    textProvider: matchTextProvider,
  })
  .meta({ id: 'SearchResult' });

/** One node with its stored properties: they differ per label, so they are an open record. */
export const entityResponse = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    name: z.string(),
    properties: z.record(z.string(), z.unknown()),
    demo: demoFlag,
    degree: z.number().int(),
  })
  .meta({ id: 'Entity' });
export const neighbourNodeSchema = z.strictObject({ id: z.string(), label: z.string(), name: z.string(), demo: demoFlag }).meta({ id: 'NeighbourNode' });
export const neighbourRelationshipSchema = z.strictObject({ type: z.string(), from: z.string(), to: z.string() }).meta({ id: 'NeighbourRelationship' });
export const neighbourhoodResponse = z
  .strictObject({
    center: neighbourNodeSchema,
    nodes: z.array(neighbourNodeSchema),
    relationships: z.array(neighbourRelationshipSchema),
    truncated: z.boolean(),
  })
  .meta({ id: 'Neighbourhood' });

export type PairResult = z.infer<typeof pairResultSchema>;
export type PairingResponse = z.infer<typeof pairingResponse>;
export type TalentMatch = z.infer<typeof talentMatchSchema>;
export type TalentResponse = z.infer<typeof talentResponse>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResponse = z.infer<typeof searchResponse>;
export type EntityDetail = z.infer<typeof entityResponse>;
export type Neighbourhood = z.infer<typeof neighbourhoodResponse>;
export type NeighbourNode = z.infer<typeof neighbourNodeSchema>;
export type NeighbourRelationship = z.infer<typeof neighbourRelationshipSchema>;
