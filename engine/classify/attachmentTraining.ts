import neo4j from 'neo4j-driver';
import { attachmentModel } from '../config/attachment.ts';
import type { Graph } from '../graph/graph.ts';
import { UnknownReferenceError } from '../core/errors.ts';
import { passageHash } from '../text/passageVectors.ts';
import { fnv1a } from './firmFolds.ts';
import { embeddingText } from './firmTerms.ts';

export interface ScopeSegment {
  id: string;
  name: string;
  chainId: string;
  chainName: string;
  text: string[];
  products: string[];
  /** Firms attached to it in the graph (the training holds at most attachmentModel.maxFirmsPerSegment of them). */
  attached: number;
}

export interface AttachedFirm {
  id: string;
  name: string;
  description: string;
  products: string[];
  segmentIds: string[];
  /** Its stored embedding (firmVectors.ts), only when it is of the model asked for and of the firm's text as it is now. */
  embedding?: Float32Array;
}

/** What the classifier of one chain scope learns from: its segments and the firms placed in them. */
export interface AttachmentTraining {
  segments: ScopeSegment[];
  firms: AttachedFirm[];
  /** Firms placed in segments of other chains: what "none of this scope's segments" looks like. */
  outsiders: AttachedFirm[];
  /** Changes whenever anything the classifier would learn from changes: same fingerprint, same model. */
  fingerprint: string;
}

/**
 * Loads a scope's training data. A firm is training data when a file or a person placed it in a
 * segment (IN_SEGMENT without `inferred`); the classifier's own past answers are not, so it never
 * learns from itself. A segment is described by its name, description and keywords — not by its
 * included products, which an import may have copied from the very firms being scored.
 */
/**
 * What a firm is known by: its description (or business scope), and its products — the names an
 * import gave it (`productNames`) in the order given, then those it MAKES in a template that the
 * import did not name, without repeats. The order matters: lists put the main business first and two
 * signals read the first lines; the template-matched names first (as before) made the leading lines of
 * training firms more telling than a caller's list, in weights and calibration.
 */
const firmText = `coalesce(nullif(e.description, ''), e.businessScope, '') AS description,
  reduce(names = [], n IN coalesce(e.productNames, []) + [(e)-[:MAKES]->(p:Product) | p.name] |
         CASE WHEN n IN names THEN names ELSE names + n END) AS products,
  CASE WHEN $withVectors THEN e.embedding END AS storedEmbedding, CASE WHEN $withVectors THEN e.embeddingHash END AS storedEmbeddingHash`;

type StoredFirm = AttachedFirm & { storedEmbedding: number[] | null; storedEmbeddingHash: string | null };

/**
 * The firm as training data: with its stored vector when `embeddingModel` is given and the vector is that
 * model's passage of the firm's current text (firmVectors.ts stores them under the same hash).
 */
function asTrainingFirm({ storedEmbedding, storedEmbeddingHash, ...firm }: StoredFirm, embeddingModel: string | undefined): AttachedFirm {
  if (!embeddingModel || !storedEmbedding || storedEmbeddingHash !== passageHash(embeddingModel, 'passage', embeddingText(firm))) return firm;
  return { ...firm, embedding: Float32Array.from(storedEmbedding) };
}

/** Whether every training firm has a vector: the dense signals are fit only then (denseSignals.ts). */
export function hasFirmEmbeddings(training: Pick<AttachmentTraining, 'firms'>): boolean {
  return training.firms.length > 0 && training.firms.every((f) => f.embedding);
}

export async function loadAttachmentTraining(graph: Graph, chainIds?: string[], embeddingModel?: string): Promise<AttachmentTraining> {
  if (chainIds?.length) {
    const known = new Set((await graph.query<{ id: string }>('MATCH (c:Chain) WHERE c.id IN $ids RETURN c.id AS id', { ids: chainIds })).map((r) => r.id));
    const unknown = chainIds.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    if (unknown.length)
      throw new UnknownReferenceError(
        `Unknown chain ${unknown.map((u) => `"${u.id}"`).join(', ')}`,
        unknown.map(({ id, i }) => ({ path: `chainIds.${i}`, message: `no chain with id "${id}"` })),
      );
  }
  const found = await graph.query<ScopeSegment & { sample: string[] }>(
    `MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment) WHERE $all OR c.id IN $chainIds
     CALL (s) {
       OPTIONAL MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s) WHERE NOT coalesce(r.inferred, false)
       WITH e ORDER BY e.id
       RETURN count(e) AS attached, collect(e.id)[..$cap] AS sample
     }
     RETURN s.id AS id, s.name AS name, c.id AS chainId, c.name AS chainName,
            [s.name, coalesce(s.description, '')] + coalesce(s.keywords, []) AS text,
            [(s)-[:INCLUDES]->(p:Product) | p.name] AS products, attached, sample
     ORDER BY s.id`,
    { all: !chainIds?.length, chainIds: chainIds ?? [], cap: neo4j.int(attachmentModel.maxFirmsPerSegment) },
  );
  const segments = found.map(({ sample: _sample, ...segment }) => segment);
  // A capped segment trains on its sample, the others on all their firms; with nothing capped, every
  // attached firm is read exactly as before the cap existed.
  const capped = found.some((s) => s.attached > s.sample.length);
  const withVectors = embeddingModel !== undefined;
  const stored = await graph.query<StoredFirm>(
    `MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment) WHERE NOT coalesce(r.inferred, false) AND s.id IN $segmentIds
     ${capped ? 'AND e.id IN $sampled' : ''}
     WITH e, collect(DISTINCT s.id) AS segmentIds
     RETURN e.id AS id, e.name AS name, ${firmText}, segmentIds
     ORDER BY e.id`,
    { segmentIds: segments.map((s) => s.id), sampled: capped ? [...new Set(found.flatMap((s) => s.sample))] : [], withVectors },
  );
  const firms = stored.map((f) => asTrainingFirm(f, embeddingModel));
  const outsiders = chainIds?.length
    ? await graph
        .query<StoredFirm>(
          `MATCH (e:Enterprise)-[r:IN_SEGMENT]->(s:Segment) WHERE NOT coalesce(r.inferred, false) AND NOT s.id IN $segmentIds
         WITH DISTINCT e WHERE NOT EXISTS { (e)-[:IN_SEGMENT]->(t:Segment) WHERE t.id IN $segmentIds }
         WITH e ORDER BY e.id LIMIT $limit
         RETURN e.id AS id, e.name AS name, ${firmText}, [] AS segmentIds`,
          { segmentIds: segments.map((s) => s.id), limit: neo4j.int(attachmentModel.outsiders), withVectors },
        )
        .then((rows) => rows.map((f) => asTrainingFirm(f, embeddingModel)))
    : [];
  let h = fnv1a(segments.map((s) => `${s.id}|${s.attached}|${s.text.join('|')}|${s.products.join('|')}`).join('\n'));
  for (const f of firms) h = fnv1a(`${h}|${f.id}|${f.name}|${f.description}|${f.products.join('|')}|${f.segmentIds.join('|')}`);
  for (const f of outsiders) h = fnv1a(`${h}|${f.id}|${f.products.join('|')}`);
  // Which firms have vectors (of which model) is part of what the model learns.
  const dense = `${embeddingModel ?? ''}:${[...firms, ...outsiders].filter((f) => f.embedding).length}`;
  return { segments, firms, outsiders, fingerprint: `${segments.length}:${firms.length}:${outsiders.length}:${dense}:${h}` };
}
