import type { DemandsForOffer, OffersForDemand } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { pathsSection, signalTable } from '../segment/candidateDetail.ts';
import { confidenceLabel, signalLegend, signalScoreBar } from '../segment/candidateList.ts';
import { signalSets } from '../segment/signalBar.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtScore } from '../ui/format.ts';
import { recordButton } from '../ui/recordButton.ts';
import { emptyState } from '../ui/status.ts';
import { demandTerms, offerTerms } from './terms.ts';
import { kindBadge, unmetBlock } from './unmetParts.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';

type Explanation = OffersForDemand['candidates'][number]['explanation'];

/** The paths graph in a card's "why" is drawn this much narrower than the column (rank, padding). */
const whyPadding = 90;

/** A ranked match; its signals and paths are drawn only when "why" is opened (dozens of cards, few opened). */
function matchCard(
  rank: number,
  id: string,
  name: string,
  owner: string,
  terms: string[],
  extra: string | null,
  score: number,
  explanation: Explanation,
  record: HTMLElement,
  columnWidth: () => number,
): HTMLElement {
  const details = el('details', { class: 'res-why' }, el('summary', {}, t('res.why')));
  details.addEventListener('toggle', () => {
    if (details.open && details.children.length === 1) {
      details.append(signalTable(explanation), pathsSection({ id, name, explanation }, Math.max(300, columnWidth() - whyPadding), `paths-${rank}`));
    }
  });
  return el(
    'li',
    { class: 'candidate res-match', 'data-id': id },
    el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
    el(
      'div',
      { class: 'cand-body' },
      el(
        'div',
        { class: 'cand-head' },
        el('span', { class: 'cand-title', translate: 'no' }, name),
        el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(score)),
      ),
      el('div', { class: 'cand-meta' }, owner ? dataText(owner) : '', owner && extra ? ' · ' : '', extra),
      terms.length > 0 ? el('div', { class: 'cand-meta' }, terms.join(' · ')) : null,
      signalScoreBar(score, explanation.signals, signalSets.resource),
      el('div', { class: 'cand-foot' }, confidenceLabel(explanation.confidence)),
      el('p', { class: 'cand-reason' }, reasonText(explanation)),
      details,
      record,
    ),
  );
}

/**
 * The selected demand's offers (or offer's demands), ranked, under a summary of the subject: how many
 * were feasible, which constraints excluded the rest, and — for a demand nothing can meet — why.
 */
export function resourceMatchesContent(m: OffersForDemand | DemandsForOffer, columnWidth: () => number): (HTMLElement | string)[] {
  const exclusions = m.excludedBy.filter((x) => x.constraint !== 'kind');
  const exclusionLine =
    exclusions.length > 0
      ? el(
          'p',
          { class: 'exclusions' },
          el('span', { class: 'label' }, `${t('res.excludedBy')} `),
          exclusions.map((x) => el('span', { class: 'chip constraint' }, t('res.excludesSome', { label: tData('constraint', x.constraint), n: x.count }))),
        )
      : '';
  if (m.direction === 'offers-for-demand') {
    const d = m.demand;
    return [
      el(
        'div',
        { class: 'res-subject' },
        el('h3', { class: 'res-subject-title' }, dataText(d.title), ' ', kindBadge(d.kind)),
        el('p', { class: 'muted', translate: 'no' }, m.owner.name),
        el('p', { class: 'res-terms' }, demandTerms(d).join(' · ')),
        el(
          'p',
          { class: 'res-counts' },
          t('res.offerCounts', { feasible: m.feasible, considered: m.offersConsidered }),
          m.declinedHidden > 0 ? ` · ${t('res.declinedHidden', { n: m.declinedHidden })}` : '',
        ),
      ),
      exclusionLine,
      m.unmet ? unmetBlock(m.unmet) : '',
      m.candidates.length === 0
        ? m.unmet
          ? ''
          : emptyState(t('res.noFeasible'))
        : el(
            'div',
            {},
            signalLegend(signalSets.resource),
            el(
              'ol',
              { class: 'candidates', 'aria-label': t('res.offersFor', { name: d.title }) },
              m.candidates.map((c, i) =>
                matchCard(
                  i + 1,
                  c.offer.id,
                  c.offer.title,
                  c.owner.name,
                  offerTerms(c.offer),
                  t('res.remaining', { n: c.remaining }),
                  c.score,
                  c.explanation,
                  recordButton(
                    {
                      kind: 'resource',
                      subjectId: d.id,
                      subjectName: d.title,
                      candidateId: c.offer.id,
                      candidateName: c.offer.title,
                      score: c.score,
                      explanation: c.explanation,
                    },
                    `rec-${i}`,
                  ),
                  columnWidth,
                ),
              ),
            ),
          ),
    ];
  }
  const o = m.offer;
  return [
    el(
      'div',
      { class: 'res-subject' },
      el('h3', { class: 'res-subject-title' }, dataText(o.title), ' ', kindBadge(o.kind)),
      el('p', { class: 'muted', translate: 'no' }, m.owner.name),
      el('p', { class: 'res-terms' }, offerTerms(o).join(' · ')),
      el('p', { class: 'res-counts' }, t('res.demandCounts', { feasible: m.feasible, considered: m.demandsConsidered, remaining: m.remaining })),
    ),
    exclusionLine,
    m.candidates.length === 0
      ? emptyState(t('res.noFeasibleDemand'))
      : el(
          'div',
          {},
          signalLegend(signalSets.resource),
          el(
            'ol',
            { class: 'candidates', 'aria-label': t('res.demandsFor', { name: o.title }) },
            m.candidates.map((c, i) =>
              matchCard(
                i + 1,
                c.demand.id,
                c.demand.title,
                c.owner.name,
                demandTerms(c.demand),
                null,
                c.score,
                c.explanation,
                recordButton(
                  {
                    kind: 'resource',
                    subjectId: c.demand.id,
                    subjectName: c.demand.title,
                    candidateId: o.id,
                    candidateName: o.title,
                    score: c.score,
                    explanation: c.explanation,
                  },
                  `rec-${i}`,
                ),
                columnWidth,
              ),
            ),
          ),
        ),
  ];
}
