import type { ResourceAssignment } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import type { Table } from '../ui/csv.ts';
import { takenText } from './assignmentSummary.ts';
import { blockingConstraints } from './terms.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';

/** The assignment's pairs as a spreadsheet. */
export function assignmentTable(a: ResourceAssignment): Table {
  return {
    title: t('res.exportAssign'),
    columns: [
      { key: 'demand', header: t('res.col.demand') },
      { key: 'demandOwner', header: t('res.col.demandOwner') },
      { key: 'offer', header: t('res.col.offer') },
      { key: 'offerOwner', header: t('res.col.offerOwner') },
      { key: 'kind', header: t('res.col.kind') },
      { key: 'units', header: t('res.col.units') },
      { key: 'quantity', header: t('res.col.quantity') },
      { key: 'score', header: t('res.col.score') },
      { key: 'reason', header: t('cand.reason') },
    ],
    rows: a.assignments.map((p) => ({
      demand: p.demandTitle,
      demandOwner: p.demandOwner.name,
      offer: p.offerTitle,
      offerOwner: p.offerOwner.name,
      kind: tData('rkind', p.kind),
      units: p.units,
      quantity: takenText(p),
      score: p.score,
      reason: reasonText(p.explanation),
    })),
  };
}

/** The demands nothing could meet, with what blocked them, as a spreadsheet. */
export function unmetTable(a: ResourceAssignment): Table {
  return {
    title: t('res.exportUnmet'),
    columns: [
      { key: 'demand', header: t('res.col.demand') },
      { key: 'owner', header: t('res.col.demandOwner') },
      { key: 'kind', header: t('res.col.kind') },
      { key: 'blocking', header: t('res.blockedBy') },
      { key: 'reason', header: t('cand.reason') },
    ],
    rows: a.unmet.map((u) => ({
      demand: u.title,
      owner: u.owner.name,
      kind: tData('rkind', u.kind),
      blocking: blockingConstraints(u)
        .map((c) => `${c.label} ${c.offers}`)
        .join('；'),
      reason: reasonText(u),
    })),
  };
}
