import type { MapSegment, QueuedFirm, ReviewSuggestion } from '../api/types.ts';
import { lang, t, tData } from '../i18n/i18n.ts';
import { dataText, el } from '../ui/el.ts';
import { segmentName } from '../chainMap/segmentName.ts';
import { fmtPercent } from '../ui/format.ts';
import type { ReviewState } from './reviewState.ts';

/** What a card's buttons ask the view to do; rendering itself changes nothing. */
export interface ReviewHandlers {
  confirm(firmId: string, segmentId: string): void;
  choose(firmId: string): void;
  reject(firmId: string): void;
  pickChain(chainId: string): void;
  pickSegment(segmentId: string): void;
  reassign(firmId: string, segmentId: string): void;
  cancel(): void;
}

/** The chains and, once one is picked, its segments, for the reassign form. */
export interface SegmentChoices {
  chains: { id: string; name: string; nameEn: string }[];
  segments: MapSegment[] | null;
  /** English names of the chains and segments the queue names, by id (the queue sends the Chinese names only). */
  namesEn: ReadonlyMap<string, string>;
}

const domId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** One line of evidence, or nothing when the classifier had none of that kind. */
function evidenceLine(label: string, values: (string | Node)[], kind: string): HTMLElement | null {
  if (values.length === 0) return null;
  const listed = values.flatMap((v, i) => (i === 0 ? [v] : [t('list.sep'), v]));
  return el('p', { class: `evidence evidence-${kind}` }, el('span', { class: 'evidence-label' }, lang() === 'en' ? `${label}: ` : `${label}：`), listed);
}

/** A chain's or segment's name in the user's language: the English name where it is known, else as the queue sends it. */
const inLang = (namesEn: ReadonlyMap<string, string>, id: string, name: string) => (lang() === 'en' ? (namesEn.get(id) ?? name) : name);

/** A suggestion: segment and chain, confidence as a percentage with a bar, and the evidence behind it. */
export function suggestionItem(
  firmId: string,
  s: ReviewSuggestion,
  rank: number,
  busy: boolean,
  on: ReviewHandlers,
  namesEn: ReadonlyMap<string, string>,
): HTMLElement {
  const { products, words, similarFirms } = s.evidence;
  return el(
    'li',
    { class: 'review-suggestion', 'data-segment-id': s.segmentId },
    el(
      'div',
      { class: 'suggestion-head' },
      el('span', { class: 'suggestion-rank', 'aria-hidden': 'true' }, `${rank + 1}`),
      el('span', { class: 'suggestion-segment' }, inLang(namesEn, s.segmentId, s.segmentName)),
      el('span', { class: 'suggestion-chain muted' }, ` · ${inLang(namesEn, s.chainId, s.chainName)}`),
      el(
        'span',
        { class: 'suggestion-confidence', title: t('review.confidenceHint') },
        el(
          'span',
          { class: 'confidence-bar', 'aria-hidden': 'true' },
          el('span', { class: 'confidence-fill', style: `width:${Math.round(s.confidence * 100)}%` }),
        ),
        t('review.confidence', { p: fmtPercent(s.confidence) }),
      ),
    ),
    el('p', { class: 'suggestion-decision muted' }, tData('review.decision', s.decision)),
    // the evidence is the firm's own products and words, and other firms' names: data
    evidenceLine(
      t('review.products'),
      products.map((p) => dataText(p)),
      'products',
    ),
    evidenceLine(
      t('review.words'),
      words.map((w) => dataText(w)),
      'words',
    ),
    evidenceLine(
      t('review.similar'),
      similarFirms.map((f) =>
        el(
          'span',
          {},
          dataText(f.name),
          lang() === 'en' ? ` (${t('review.similarity', { p: fmtPercent(f.similarity) })})` : `（${t('review.similarity', { p: fmtPercent(f.similarity) })}）`,
        ),
      ),
      'firms',
    ),
    products.length + words.length + similarFirms.length === 0 ? el('p', { class: 'evidence muted' }, t('review.noEvidence')) : null,
    el(
      'button',
      {
        type: 'button',
        class: `btn small review-confirm${rank === 0 ? ' primary' : ''}`,
        disabled: busy,
        onclick: () => on.confirm(firmId, s.segmentId),
      },
      t('review.confirm'),
    ),
  );
}

/** The inline "choose another segment" form: a chain, then one of its segments. */
export function reassignForm(
  firmId: string,
  picked: { chainId: string; segmentId: string },
  choices: SegmentChoices,
  busy: boolean,
  on: ReviewHandlers,
): HTMLElement {
  const id = domId(firmId);
  const chainSelect = el(
    'select',
    { id: `rv-chain-${id}`, class: 'input review-chain', onchange: (e: Event) => on.pickChain((e.target as HTMLSelectElement).value) },
    el('option', { value: '' }, t('review.pickChain')),
    choices.chains.map((c) => el('option', { value: c.id, selected: c.id === picked.chainId }, lang() === 'en' ? c.nameEn : c.name)),
  );
  const segmentSelect = el(
    'select',
    {
      id: `rv-seg-${id}`,
      class: 'input review-segment',
      disabled: !choices.segments,
      onchange: (e: Event) => on.pickSegment((e.target as HTMLSelectElement).value),
    },
    el('option', { value: '' }, t('review.pickSegment')),
    (choices.segments ?? []).map((s) => el('option', { value: s.segmentId, selected: s.segmentId === picked.segmentId }, segmentName(s))),
  );
  return el(
    'div',
    { class: 'review-reassign' },
    el('div', { class: 'field-inline' }, el('label', { for: `rv-chain-${id}`, class: 'label' }, t('review.chain')), chainSelect),
    el('div', { class: 'field-inline' }, el('label', { for: `rv-seg-${id}`, class: 'label' }, t('review.segment')), segmentSelect),
    el(
      'div',
      { class: 'action-buttons' },
      el(
        'button',
        {
          type: 'button',
          class: 'btn small primary review-reassign-submit',
          disabled: busy || !picked.segmentId,
          onclick: () => on.reassign(firmId, picked.segmentId),
        },
        t('review.reassign'),
      ),
      el('button', { type: 'button', class: 'btn small', onclick: () => on.cancel() }, t('review.cancel')),
    ),
  );
}

/** One queued firm: its name and id, when it was queued, its top-3 suggestions and the three ways to answer. */
export function firmCard(entry: QueuedFirm, state: ReviewState, choices: SegmentChoices, on: ReviewHandlers): HTMLElement {
  const busy = state.busy === entry.firm.id;
  const choosing = state.choosing?.firmId === entry.firm.id ? state.choosing : null;
  const titleId = `rv-${domId(entry.firm.id)}`;
  return el(
    'li',
    { class: 'review-card', 'data-firm-id': entry.firm.id, 'aria-labelledby': titleId },
    el('h2', { class: 'review-firm', id: titleId, translate: 'no' }, entry.firm.name),
    el('p', { class: 'review-meta muted' }, el('span', { class: 'mono' }, entry.firm.id), ` · ${t('review.queuedAt', { at: when(entry.queuedAt) })}`),
    el('h3', { class: 'review-sub' }, t('review.suggestions')),
    el(
      'ol',
      { class: 'review-suggestions' },
      entry.suggestions.map((s, i) => suggestionItem(entry.firm.id, s, i, busy, on, choices.namesEn)),
    ),
    choosing ? reassignForm(entry.firm.id, choosing, choices, busy, on) : null,
    el(
      'div',
      { class: 'action-buttons review-actions' },
      choosing
        ? null
        : el('button', { type: 'button', class: 'btn small review-choose', disabled: busy, onclick: () => on.choose(entry.firm.id) }, t('review.choose')),
      el('button', { type: 'button', class: 'btn small review-reject', disabled: busy, onclick: () => on.reject(entry.firm.id) }, t('review.reject')),
    ),
  );
}
