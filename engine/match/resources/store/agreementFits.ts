import type { ManagedTransaction } from 'neo4j-driver';
import { ConflictError } from '../../../core/errors.ts';
import type { MatchRecord } from '../../../tracking/matchStore.ts';
import { demandSize, offerSizeCapacity, sizeUnit } from '../quantityCapacity.ts';
import { readOffer } from './storedRows.ts';

type DemandSize = { kind: string; minAreaM2: number | null; amountWan: number | null };
const sizeOf = (d: DemandSize | null) => (d ? demandSize({ kind: d.kind as never, minAreaM2: d.minAreaM2 ?? null, amountWan: d.amountWan ?? null }) : 0);

/**
 * Refuses (409) to agree a resource match the offer can no longer hold: fewer units left than the
 * match takes, or less quantity (m², 万元) left than its demand takes — the second tenant of a
 * 4,900 m² building who needs 4,900 m² when 4,400 m² are already let. Closed or deleted offers are
 * not checked here.
 *
 * Runs inside the transaction that agrees the match (matchStore.transitionMatch) and write-locks the
 * offer first: concurrent agreements on one offer queue on that lock, and each counts the agreements
 * committed before it. Checked outside the transaction, five agreements at once on an offer of
 * capacity 1 all passed (`remaining: -4`, issue 15 F8).
 */
export async function assertAgreementFits(
  tx: ManagedTransaction,
  match: Pick<MatchRecord, 'id' | 'kind' | 'subjectId' | 'candidateId' | 'units'>,
): Promise<void> {
  if (match.kind !== 'resource') return;
  const locked = await tx.run<{ o: Record<string, unknown> }>("MATCH (o:Offer {id: $id}) WHERE o.status = 'open' SET o._agreeLock = true RETURN o {.*} AS o", {
    id: match.candidateId,
  });
  if (locked.records.length === 0) return;
  const offer = readOffer(locked.records[0].get('o'));
  const usage = await tx.run<{ units: number; demand: DemandSize | null }>(
    `OPTIONAL MATCH (m:Match {candidateId: $offerId}) WHERE m.status = 'agreed' AND m.kind = 'resource' AND m.id <> $matchId
     OPTIONAL MATCH (d:Demand {id: m.subjectId})
     WITH coalesce(m.units, 1) AS units, CASE WHEN d IS NULL THEN null ELSE d {.kind, .minAreaM2, .amountWan} END AS demand, m
     WHERE m IS NOT NULL
     RETURN units, demand`,
    { offerId: offer.id, matchId: match.id },
  );
  const agreed = usage.records.map((r) => ({ units: r.get('units'), demand: r.get('demand') }));
  await tx.run('MATCH (o:Offer {id: $id}) REMOVE o._agreeLock', { id: offer.id });

  const remaining = offer.capacity - agreed.reduce((s, a) => s + a.units, 0);
  if (remaining < match.units) {
    throw new ConflictError(`offer "${offer.id}" has ${Math.max(0, remaining)} of ${offer.capacity} units left; match "${match.id}" takes ${match.units}`, [
      { path: 'body.status', message: 'the offer’s count capacity is used up by agreed matches' },
    ]);
  }
  const sizeCapacity = offerSizeCapacity(offer);
  if (sizeCapacity === null) return;
  const remainingSize = sizeCapacity - agreed.reduce((s, a) => s + a.units * sizeOf(a.demand), 0);
  const [own] = (await tx.run<{ d: DemandSize }>('MATCH (d:Demand {id: $id}) RETURN d {.kind, .minAreaM2, .amountWan} AS d', { id: match.subjectId })).records;
  const takes = sizeOf(own ? own.get('d') : null) * match.units;
  if (takes > remainingSize * (1 + 1e-9)) {
    const unit = sizeUnit(offer.kind);
    throw new ConflictError(`offer "${offer.id}" has ${Math.max(0, remainingSize)} ${unit} left; match "${match.id}" takes ${takes} ${unit}`, [
      { path: 'body.status', message: `the offer’s quantity capacity (${unit}) is used up by agreed matches` },
    ]);
  }
}
