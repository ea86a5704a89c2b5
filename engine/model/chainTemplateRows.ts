import type { ChainTemplate } from './chainTemplate.ts';
import type { NodeLabel, RelationshipType } from './graphModel.ts';
import type { sourceSchema } from './enterprise.ts';
import { topicId } from './topic.ts';
import type { z } from 'zod';

/** Where rows go: the seed's GraphBuilder, or the importer's batch. */
export interface GraphSink {
  node(label: NodeLabel, row: Record<string, unknown> & { id: string }): unknown;
  rel(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props?: Record<string, unknown>): void;
}

/**
 * How a chain template becomes graph rows: Chain, Segments, Products, Topics and the flows between
 * them (HAS_SEGMENT, INCLUDES, FEEDS, INPUT_TO). The seed and the chain import both write through this.
 */
export function addChainTemplate(g: GraphSink, t: ChainTemplate, source: z.infer<typeof sourceSchema>): void {
  g.node('Chain', { id: t.id, name: t.name, nameEn: t.nameEn, assumed: t.assumed, description: t.description, source });
  for (const s of t.segments) {
    g.node('Segment', {
      id: s.id,
      chainId: t.id,
      name: s.name,
      nameEn: s.nameEn,
      stage: s.stage,
      order: s.order,
      description: s.description,
      keywords: s.keywords,
    });
    g.rel('HAS_SEGMENT', 'Chain', t.id, 'Segment', s.id);
    for (const p of s.products) {
      g.node('Product', { id: p.id, chainId: t.id, segmentId: s.id, name: p.name, nameEn: p.nameEn, description: p.description });
      g.rel('INCLUDES', 'Segment', s.id, 'Product', p.id);
    }
    for (const name of s.topics) g.node('Topic', { id: topicId(name), name });
  }
  for (const [from, to] of t.feeds) g.rel('FEEDS', 'Segment', from, 'Segment', to);
  for (const [from, to] of t.inputTo) g.rel('INPUT_TO', 'Product', from, 'Product', to);
}
