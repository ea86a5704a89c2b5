import type { PartnerCandidate, PartnerResult, SignalScore } from '../api/types.ts';
import { t, tData, type MessageKey } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtList, fmtPercent, fmtScore } from '../ui/format.ts';
import { emptyState } from '../ui/status.ts';
import { partnerSignals, signalColours, signalOrder, stackSignals } from './signalBar.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';
import { tWithData } from '../ui/dataWords.ts';

/** Why a list is empty, in words (the API's `noCandidates.message` is Chinese). */
export const noCandidateKeys = {
  'no-target-segment': 'cand.none.no-target-segment',
  'no-candidate-in-segment': 'cand.none.no-candidate-in-segment',
} as const satisfies Record<NonNullable<PartnerResult['noCandidates']>['reason'], MessageKey>;

const confidenceDots: Record<string, string> = { strong: '●●●', medium: '●●○', weak: '●○○' };

export function confidenceLabel(confidence: string): HTMLElement {
  return el(
    'span',
    { class: `confidence conf-${confidence}`, title: tData('confidenceLong', confidence) },
    el('span', { 'aria-hidden': 'true', class: 'dots' }, confidenceDots[confidence] ?? '○○○'),
    ' ',
    t('label.colon', { label: t('cand.confidence'), value: tData('confidence', confidence) }),
  );
}

/** The stacked score bar; its length is the score out of 1. */
export function scoreBar(c: PartnerCandidate): HTMLElement {
  return signalScoreBar(c.score, c.explanation.signals, signalOrder);
}

/** The same bar for any matcher's explanation, its signals in that matcher's order. */
export function signalScoreBar(score: number, signals: readonly SignalScore[], order: readonly string[]): HTMLElement {
  const parts = stackSignals(signals, order);
  const summary = fmtList(parts.map((p) => `${tData('signal', p.signal)} ${fmtScore(p.contribution)}`));
  return el(
    'span',
    { class: 'score-bar', role: 'img', 'aria-label': t('label.colon', { label: `${t('cand.score')} ${fmtScore(score)}`, value: summary }) },
    parts.map((p) =>
      el('span', {
        class: `bar-part signal-${p.signal}`,
        style: `left:${(p.x0 * 100).toFixed(2)}%;width:${((p.x1 - p.x0) * 100).toFixed(2)}%;background:${signalColours[p.signal] ?? '#999'}`,
        title: `${tData('signal', p.signal)} ${fmtScore(p.contribution)}`,
      }),
    ),
  );
}

export function signalLegend(order: readonly string[] = signalOrder): HTMLElement {
  return el(
    'ul',
    { class: 'signal-legend', 'aria-label': t('cand.signalLegend') },
    order.map((s) => el('li', {}, el('span', { class: 'swatch', style: `background:${signalColours[s]}`, 'aria-hidden': 'true' }), tData('signal', s))),
  );
}

function candidateCard(c: PartnerCandidate, rank: number, selected: boolean, onSelect: (c: PartnerCandidate) => void): HTMLElement {
  const place = [c.province, c.city].filter(Boolean).join(' · ');
  return el(
    'li',
    { class: `candidate${selected ? ' selected' : ''}`, 'data-id': c.id },
    el('span', { class: 'rank', 'aria-hidden': 'true' }, String(rank)),
    el(
      'div',
      { class: 'cand-body' },
      el(
        'div',
        { class: 'cand-head' },
        el(
          'button',
          {
            type: 'button',
            class: 'cand-name',
            'aria-pressed': selected ? 'true' : 'false',
            'aria-label': t('cand.select', { name: c.name }),
            onclick: () => onSelect(c),
          },
          dataText(c.name),
        ),
        demoBadge(c.demo),
        el('span', { class: `chip ${c.local ? 'chip-local' : 'chip-outside'}` }, c.local ? t('cand.local') : t('cand.outside')),
        el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(c.score)),
      ),
      el(
        'div',
        { class: 'cand-meta' },
        // the place is data as recorded (省 · 市); size and tags are words
        place ? [dataText(place), ' · '] : [],
        [c.size ? tData('size', c.size) : t('size.unknown'), ...c.tags.map((tag) => tData('tag', tag))].join(' · '),
      ),
      scoreBar(c),
      el('div', { class: 'cand-foot' }, confidenceLabel(c.explanation.confidence)),
      el('p', { class: 'cand-reason' }, reasonText(c.explanation)),
    ),
  );
}

/** The ranked list; the name is the keyboard target, and a click anywhere on the card selects it too. */
export function candidateList(result: PartnerResult, selectedId: string | null, onSelect: (c: PartnerCandidate) => void): HTMLElement {
  const header = el(
    'div',
    { class: 'list-meta', role: 'status' },
    el('span', { class: 'cand-count' }, t('cand.count', { n: result.candidates.length })),
    result.excludedByKeyword > 0 ? el('span', { class: 'muted' }, t('cand.excluded', { n: result.excludedByKeyword })) : null,
  );
  // 强链: the firm the segment hangs on is named apart, never offered as its own remedy.
  const dominant = result.dominantFirms.map((d) =>
    el('p', { class: 'note dominant-firm', 'data-id': d.id }, tWithData('cand.dominant', { name: d.name }, { share: fmtPercent(d.share) }), demoBadge(d.demo)),
  );
  const leftOut = result.diversity.leftOut > 0 ? el('p', { class: 'muted diversity-note' }, t('cand.leftOut', { n: result.diversity.leftOut })) : null;
  if (result.candidates.length === 0)
    return el('div', {}, header, ...dominant, emptyState(result.noCandidates ? t(noCandidateKeys[result.noCandidates.reason]) : t('cand.empty')));
  const list = el(
    'ol',
    { class: 'candidates', 'aria-label': t('cand.listLabel') },
    result.candidates.map((c, i) => candidateCard(c, i + 1, c.id === selectedId, onSelect)),
  );
  list.addEventListener('click', (event) => {
    const card = (event.target as Element).closest('li.candidate');
    if (!card || (event.target as Element).closest('button')) return;
    const hit = result.candidates.find((c) => c.id === card.getAttribute('data-id'));
    if (hit) onSelect(hit);
  });
  return el('div', {}, header, ...dominant, signalLegend(partnerSignals[result.mode]), list, leftOut);
}
