import type { Graph } from '../../graph/graph.ts';
import type { Passage } from '../../text/passageVectors.ts';
import { expertisePassage, topicsPassage } from '../../text/researchPassage.ts';
import { topicText } from '../../text/topicContext.ts';
import { loadResearchCatalog } from './researchCatalog.ts';

/**
 * The passages pairing and talent read by meaning, built by the very functions the matchers call (so
 * a stored vector's hash matches the text of a request): every topic name with its segments (as an e5 query), each
 * research unit's "研究方向：<topics>" and each talent's "研究专长：<expertise>". Handed to TextServices by
 * the KnowledgeEngine, so text/ stores them without importing the matchers' catalog.
 */
export async function meaningPassages(graph: Graph): Promise<Passage[]> {
  const catalog = await loadResearchCatalog(graph);
  const topics = await graph.query<{ id: string; name: string }>('MATCH (t:Topic) WHERE t.name IS NOT NULL RETURN t.id AS id, t.name AS name');
  return [
    ...topics.map((t): Passage => ({ label: 'Topic', id: t.id, text: topicText(t.name, catalog.topicContext), role: 'query' })),
    ...catalog.units.map((u): Passage => ({ label: 'ResearchUnit', id: u.id, text: topicsPassage(u, catalog.topicContext).passage, role: 'passage' })),
    ...catalog.talents.map((t): Passage => ({ label: 'Talent', id: t.id, text: expertisePassage(t, catalog.topicContext).passage, role: 'passage' })),
  ];
}
