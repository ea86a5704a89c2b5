import type { Explanation, TextProvider } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { pathsSection, signalTable } from '../segment/candidateDetail.ts';
import { confidenceLabel, signalScoreBar } from '../segment/candidateList.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { fmtScore } from '../ui/format.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';

/** Which text matcher ranked the list (words or a semantic model), so a surprising list can be read. */
export function providerNote(provider: TextProvider): HTMLElement {
  return el('span', { class: 'provider', title: t('provider.hint'), 'data-provider': provider }, tData('provider', provider));
}

/** One row of a detail's figures. */
export function figureRow(label: string, value: string | Node | (string | Node)[], cls = ''): HTMLElement {
  return el('div', { class: `figure ${cls}` }, el('dt', {}, label), el('dd', {}, value));
}

/**
 * The detail column of a pairing or talent result: name, score with its signal bar and confidence,
 * the one-line reason, what is particular to the matcher (`head`), the record button, the signals
 * table and the explanation paths as a small graph.
 */
export function explanationDetail(
  idPrefix: string,
  head: (HTMLElement | null)[],
  c: { id: string; name: string; demo: boolean; score: number; explanation: Explanation },
  order: readonly string[],
  width: number,
  record: HTMLElement | null,
): HTMLElement {
  return el(
    'article',
    { class: 'candidate-detail', 'aria-labelledby': `${idPrefix}-name` },
    el('p', { class: 'eyebrow' }, t('detail.title')),
    el('h2', { id: `${idPrefix}-name`, class: 'detail-name', translate: 'no' }, c.name),
    demoBadge(c.demo),
    el(
      'div',
      { class: 'detail-score' },
      el('span', { class: 'big-score' }, fmtScore(c.score)),
      signalScoreBar(c.score, c.explanation.signals, order),
      confidenceLabel(c.explanation.confidence),
    ),
    el('p', { class: 'cand-reason' }, reasonText(c.explanation)),
    ...head,
    record,
    el('h3', {}, t('detail.signals')),
    signalTable(c.explanation),
    pathsSection({ id: c.id, name: c.name, explanation: c.explanation }, width, `${idPrefix}-paths`),
  );
}
