import { ConflictError } from '../../errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { MatchRecord } from '../../tracking/matchStore.ts';
import { demandSize, sizeUnit } from './quantityCapacity.ts';
import { loadOfferContexts } from './resourceQueries.ts';
import { getDemand } from './resourceStore.ts';

/**
 * Refuses (409) to agree a resource match the offer can no longer hold: fewer units left than the
 * match takes, or less quantity (m², 万元) left than its demand takes — the second tenant of a
 * 4,900 m² building who needs 4,900 m² when 4,400 m² are already let. What is "left" counts the
 * other agreed matches (resourceQueries.ts). Closed or deleted offers are not checked here.
 */
export async function assertAgreementFits(graph: Graph, match: Pick<MatchRecord, 'id' | 'kind' | 'subjectId' | 'candidateId' | 'units'>): Promise<void> {
  if (match.kind !== 'resource') return;
  const [offer] = await loadOfferContexts(graph, { ids: [match.candidateId] });
  if (!offer) return;
  if (offer.remaining < match.units) {
    throw new ConflictError(`offer "${offer.offer.id}" has ${Math.max(0, offer.remaining)} of ${offer.offer.capacity} units left; match "${match.id}" takes ${match.units}`, [
      { path: 'body.status', message: 'the offer’s count capacity is used up by agreed matches' },
    ]);
  }
  if (offer.remainingSize === null) return;
  const demand = await getDemand(graph, match.subjectId).catch(() => null);
  const takes = demand ? demandSize(demand) * match.units : 0;
  if (takes > offer.remainingSize * (1 + 1e-9)) {
    const unit = sizeUnit(offer.offer.kind);
    throw new ConflictError(`offer "${offer.offer.id}" has ${Math.max(0, offer.remainingSize)} ${unit} left; match "${match.id}" takes ${takes} ${unit}`, [
      { path: 'body.status', message: `the offer’s quantity capacity (${unit}) is used up by agreed matches` },
    ]);
  }
}
