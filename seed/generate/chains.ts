import type { ChainTemplate } from '../../engine/model/chainTemplate.ts';
import { topicId } from '../../engine/model/topic.ts';
import type { GraphBuilder } from './graphBuilder.ts';

/** Writes a chain template into the graph: Chain, Segments, Products, Topics and the flows between them. */
export function addChainTemplate(g: GraphBuilder, t: ChainTemplate, source: 'article' | 'synthetic' | 'import'): void {
  g.node('Chain', { id: t.id, name: t.name, nameEn: t.nameEn, assumed: t.assumed, description: t.description, source });
  for (const s of t.segments) {
    g.node('Segment', { id: s.id, chainId: t.id, name: s.name, nameEn: s.nameEn, stage: s.stage, order: s.order, description: s.description, keywords: s.keywords });
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
