import type { PairResult, PairingResponse, TalentResponse } from '../api/types.ts';
import { t } from '../i18n/i18n.ts';
import { dataText, el } from '../ui/el.ts';
import { fmtScore } from '../ui/format.ts';

/**
 * The parts of the pairing and talent views that show why an answer is relevant, or that nothing
 * is: the words of the need that matched, the firm's own need, who the cap moved, and the plain
 * "nothing relevant" state with its reason. Pure functions of the API's answer.
 */

/** The need's words that matched the candidate's topics or expertise, as highlighted chips. */
export function matchedTermsLine(terms: string[]): HTMLElement | null {
  if (terms.length === 0) return null;
  return el(
    'div',
    { class: 'matched-terms' },
    el('span', { class: 'carrier-key' }, t('pair.matched')),
    el(
      'ul',
      { class: 'chips', 'aria-label': t('pair.matched') },
      terms.map((term) => el('li', { class: 'chip chip-hit matched-term', translate: 'no' }, el('mark', {}, term))),
    ),
  );
}

/** The firm's actual need, when the pair has a firm on it. */
export function needLine(item: PairResult): HTMLElement | null {
  if (!item.enterprise) return null;
  return el('p', { class: 'cand-need muted' }, el('span', { class: 'carrier-key' }, t('pair.need')), dataText(item.need));
}

/** Says so when the list's cap moved the pair off the researcher who would have carried it. */
export function displacedNote(item: PairResult): HTMLElement | null {
  const d = item.carriedBy.displaced;
  if (!d) return null;
  return el('p', { class: 'cap-note muted' }, t(item.carriedBy.researcher ? 'pair.displaced' : 'pair.displacedNone', { name: d.researcher, cap: d.cap }));
}

/** "没有相关的科研单位/企业/人才" with the reason the API gave (the best relevance against the gate). */
export function noMatchState(kind: 'units' | 'enterprises' | 'talent', noMatch: NonNullable<PairingResponse['noMatch']>): HTMLElement {
  const title = t(kind === 'talent' ? 'talent.noMatch' : kind === 'units' ? 'pair.noMatchUnits' : 'pair.noMatchEnterprises');
  const reason = t(noMatch.reason === 'no-candidate' ? 'noMatch.no-candidate' : 'noMatch.no-relevant-candidate', {
    best: fmtScore(noMatch.bestSimilarity),
    threshold: fmtScore(noMatch.threshold),
  });
  return el(
    'div',
    { class: 'state state-empty no-match', role: 'status', 'data-reason': noMatch.reason },
    el('p', { class: 'state-title' }, title),
    el('p', { class: 'no-match-reason' }, reason),
  );
}

/** Which affiliations the talent list's cap left people out of. */
export function cappedNote(result: TalentResponse): HTMLElement | null {
  if (result.capped.omitted.length === 0) return null;
  const list = result.capped.omitted.map((o) => t('talent.cappedItem', { name: o.affiliation, n: o.count })).join('、');
  return el('p', { class: 'cap-note muted' }, t('talent.capped', { cap: result.capped.perAffiliation, list }));
}
