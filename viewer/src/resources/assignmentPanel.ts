import type { ResourceAssignment } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { downloadCsv } from '../ui/csv.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtNumber, fmtScore } from '../ui/format.ts';
import { recordButton } from '../ui/recordButton.ts';
import { emptyState } from '../ui/status.ts';
import { lostSection, splitHeadline, takenText } from './assignmentSummary.ts';
import { assignmentTable, unmetTable } from './resourceTables.ts';
import { blockingChips, kindBadge } from './unmetParts.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';

const figure = (label: string, value: string, note?: string) =>
  el('div', { class: 'figure' }, el('dt', {}, label), el('dd', {}, value, note ? el('span', { class: 'fig-note' }, ` ${note}`) : null));

function unmetSection(a: ResourceAssignment, showDemand: (id: string) => void): HTMLElement {
  return el(
    'section',
    { class: 'unmet-section', 'aria-labelledby': 'unmet-title' },
    el('h3', { id: 'unmet-title' }, el('span', { class: 'unmet-icon', 'aria-hidden': 'true' }, '⊘'), t('res.unmetTitle', { n: a.unmet.length })),
    el('p', { class: 'muted' }, t('res.unmetIntro')),
    a.blocking.length > 0
      ? el(
          'p',
          { class: 'blocking-summary' },
          t('res.blockingSummary', {
            list: a.blocking.map((b) => t('res.blockingItem', { label: tData('constraint', b.constraint), n: b.demands })).join(t('list.sep')),
          }),
        )
      : null,
    a.unmet.length === 0
      ? el('p', {}, t('res.allMet'))
      : el(
          'div',
          { class: 'table-wrap' },
          el(
            'table',
            { class: 'table unmet-table' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                [t('res.col.demand'), t('res.col.demandOwner'), t('res.col.kind'), t('res.blockedBy'), t('cand.reason')].map((h) =>
                  el('th', { scope: 'col' }, h),
                ),
              ),
            ),
            el(
              'tbody',
              {},
              a.unmet.map((u) =>
                el(
                  'tr',
                  { class: 'unmet-row', 'data-id': u.demandId },
                  el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link-btn', onclick: () => showDemand(u.demandId) }, dataText(u.title))),
                  el('td', { translate: 'no' }, u.owner.name),
                  el('td', {}, kindBadge(u.kind)),
                  el('td', {}, blockingChips(u)),
                  el('td', { class: 'detail-text' }, reasonText(u)),
                ),
              ),
            ),
          ),
        ),
  );
}

function assignedSection(a: ResourceAssignment, showDemand: (id: string) => void): HTMLElement {
  return el(
    'section',
    { class: 'assigned-section', 'aria-labelledby': 'assigned-title' },
    el('h3', { id: 'assigned-title' }, t('res.assignedTitle', { n: a.assignments.length })),
    a.assignments.length === 0
      ? emptyState(t('res.noAssignments'))
      : el(
          'div',
          { class: 'table-wrap scroll' },
          el(
            'table',
            { class: 'table assign-table' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                [
                  t('res.col.demand'),
                  t('res.col.demandOwner'),
                  t('res.col.offer'),
                  t('res.col.offerOwner'),
                  t('res.col.kind'),
                  t('res.col.units'),
                  t('res.col.quantity'),
                  t('res.col.score'),
                  t('res.col.record'),
                ].map((h) => el('th', { scope: 'col' }, h)),
              ),
            ),
            el(
              'tbody',
              {},
              a.assignments.map((p, i) =>
                el(
                  'tr',
                  { class: 'assign-row' },
                  el(
                    'th',
                    { scope: 'row' },
                    el('button', { type: 'button', class: 'link-btn', onclick: () => showDemand(p.demandId) }, dataText(p.demandTitle)),
                  ),
                  el('td', { translate: 'no' }, p.demandOwner.name),
                  el('td', { title: reasonText(p.explanation) }, dataText(p.offerTitle)),
                  el('td', { translate: 'no' }, p.offerOwner.name),
                  el('td', {}, kindBadge(p.kind)),
                  el('td', { class: 'num' }, String(p.units)),
                  el('td', { class: 'num' }, takenText(p)),
                  el('td', { class: 'num' }, fmtScore(p.score)),
                  el(
                    'td',
                    {},
                    recordButton(
                      {
                        kind: 'resource',
                        subjectId: p.demandId,
                        subjectName: p.demandTitle,
                        candidateId: p.offerId,
                        candidateName: p.offerTitle,
                        score: p.score,
                        units: p.units,
                        explanation: p.explanation,
                      },
                      `arec-${i}`,
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

/**
 * The global assignment: export buttons, the headline figures (against the greedy baseline), where
 * every open demand went, the demands nothing can meet and why, those lost to competition, and the pairs.
 */
export function assignmentContent(a: ResourceAssignment, heading: HTMLElement, showDemand: (id: string) => void): HTMLElement[] {
  const gain = a.baseline ? a.totals.totalFit - a.baseline.totalFit : null;
  return [
    el(
      'div',
      { class: 'list-head' },
      heading,
      el(
        'div',
        { class: 'toolbar-end' },
        el(
          'button',
          { type: 'button', class: 'btn small', 'data-export': 'assign-csv', onclick: () => downloadCsv(assignmentTable(a)) },
          t('res.exportAssignButton'),
        ),
        el('button', { type: 'button', class: 'btn small', 'data-export': 'unmet-csv', onclick: () => downloadCsv(unmetTable(a)) }, t('res.exportUnmetButton')),
      ),
    ),
    el(
      'dl',
      { class: 'figures assign-figures' },
      figure(t('res.fig.demands'), String(a.totals.demands)),
      figure(t('res.fig.offers'), String(a.totals.offers)),
      figure(t('res.fig.served'), String(a.summary.served), a.baseline ? t('res.fig.vsGreedy', { n: a.baseline.demandsServed }) : undefined),
      figure(t('res.fig.unmet'), String(a.summary.infeasible)),
      figure(t('res.fig.lost'), String(a.summary.lostToCompetition)),
      figure(
        t('res.fig.totalFit'),
        fmtNumber(a.totals.totalFit, 2),
        gain !== null ? t('res.fig.gain', { value: `${gain >= 0 ? '+' : ''}${fmtNumber(gain, 2)}` }) : undefined,
      ),
      figure(t('res.fig.solver'), `${a.solver.name} · ${a.solver.status}`, t('res.fig.ms', { ms: Math.round(a.solver.ms + a.build.ms) })),
    ),
    splitHeadline(a.summary),
    unmetSection(a, showDemand),
    lostSection(a, showDemand),
    assignedSection(a, showDemand),
  ];
}
