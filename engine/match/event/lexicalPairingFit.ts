import { topicId } from '../../model/topic.ts';
import { LexicalScorer, cosine } from '../../text/lexical.ts';
import { round, weighSignals, type GraphPath } from '../explanation.ts';
import { say } from '../../i18n/say.ts';
import { reasonOf } from '../../i18n/signalDetail.ts';
import type { EventEnterprise, EventUnit, PairingFit, ScoredPair } from './pairingFit.ts';

export const enterpriseNeedText = (e: EventEnterprise) => [...e.needs, ...e.products].join(' ') || e.description;
export const unitTopicText = (u: EventUnit) => u.topics.join(' ') || u.description;

/**
 * The fallback fit: lexical similarity (char 1–2-gram TF-IDF cosine, engine/text/lexical.ts) of the
 * enterprise's technical needs and products with the unit's research topics, IDF counted over the
 * event's own participants. Shared topic nodes are shown as paths; they are not scored twice.
 */
export class LexicalPairingFit implements PairingFit {
  readonly name = 'lexical';

  async score(enterprises: EventEnterprise[], units: EventUnit[]): Promise<ScoredPair[]> {
    const scorer = new LexicalScorer([...enterprises.map(enterpriseNeedText), ...units.map(unitTopicText)]);
    const unitVectors = units.map((u) => scorer.vector(unitTopicText(u)));
    const pairs: ScoredPair[] = [];
    for (const e of enterprises) {
      const ev = scorer.vector(enterpriseNeedText(e));
      units.forEach((u, i) => {
        const similarity = cosine(ev, unitVectors[i]);
        if (similarity <= 0) return;
        const shared = e.needs.filter((t) => u.topics.includes(t));
        const { total, signals } = weighSignals(
          {
            text: {
              value: similarity,
              detail: [
                say('event.textSimilarity', { score: round(similarity) }),
                ...(shared.length > 0 ? [say('event.sharedTopics', { topics: shared })] : []),
              ],
            },
          },
          { text: 1 },
        );
        const paths: GraphPath[] = shared.slice(0, 3).map((t) => ({
          signal: 'text',
          nodes: [
            { id: e.id, label: 'Enterprise', name: e.name },
            { id: topicId(t), label: 'Topic', name: t },
            { id: u.id, label: 'ResearchUnit', name: u.name },
          ],
          relationships: [
            { type: 'NEEDS_TECH', from: e.id, to: topicId(t) },
            { type: 'RESEARCHES', from: u.id, to: topicId(t) },
          ],
        }));
        const reason =
          shared.length > 0
            ? say('event.needIsResearch', { firm: e.name, topic: shared[0]!, unit: u.name })
            : say('event.closeText', { firm: e.name, unit: u.name });
        pairs.push({
          enterpriseId: e.id,
          unitId: u.id,
          fit: total,
          explanation: { signals, paths, confidence: shared.length > 0 ? 'medium' : 'weak', ...reasonOf([reason]) },
        });
      });
    }
    return pairs;
  }
}
