import type { Graph } from '../graph/graph.ts';
import type { KnowledgeEngine } from '../knowledgeEngine.ts';

export interface AttachmentAccuracy {
  variant: string;
  evaluated: number;
  accuracyAt1: number;
  accuracyAt3: number;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Honest measurement of automatic attachment: hold out the firms whose id hashes into the test
 * bucket (a seeded split, 1 in `buckets`), classify each from its own name, products and
 * description while every held-out firm is hidden from the nearest-neighbour vote, and count how
 * often a true segment is first (accuracy@1) or in the top three (accuracy@3).
 */
export async function evaluateAttachment(graph: Graph, knowledge: KnowledgeEngine, options: { buckets?: number; seed?: number; max?: number } = {}): Promise<AttachmentAccuracy[]> {
  const buckets = options.buckets ?? 10;
  const seed = options.seed ?? 1;
  const firms = (
    await graph.query<{ id: string; name: string; description: string; products: string[]; segments: string[] }>(
      `MATCH (e:Enterprise {kind: 'industrial'})-[r:IN_SEGMENT]->(s:Segment) WHERE NOT r.inferred
       WITH e, collect(s.id) AS segments
       RETURN e.id AS id, e.name AS name, e.description AS description, [(e)-[:MAKES]->(p) | p.name] AS products, segments
       ORDER BY e.id`,
    )
  ).filter((f) => fnv1a(`${seed}:${f.id}`) % buckets === 0).slice(0, options.max ?? 400);
  const hidden = firms.map((f) => f.id);
  const variants: [string, (f: (typeof firms)[number]) => { name: string; products?: string[]; description?: string }][] = [
    ['name + products + description', (f) => ({ name: f.name, products: f.products, description: f.description })],
    ['name + products', (f) => ({ name: f.name, products: f.products })],
    ['name only', (f) => ({ name: f.name })],
  ];
  const results: AttachmentAccuracy[] = [];
  for (const [variant, input] of variants) {
    let at1 = 0;
    let at3 = 0;
    for (const f of firms) {
      const { items } = await knowledge.classify(input(f), { limit: 3, excludeFirmIds: hidden });
      if (items[0] && f.segments.includes(items[0].segmentId)) at1++;
      if (items.some((i) => f.segments.includes(i.segmentId))) at3++;
    }
    const n = Math.max(1, firms.length);
    results.push({ variant, evaluated: firms.length, accuracyAt1: Math.round((at1 / n) * 1000) / 1000, accuracyAt3: Math.round((at3 / n) * 1000) / 1000 });
  }
  return results;
}
