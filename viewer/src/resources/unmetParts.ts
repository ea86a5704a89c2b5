import type { UnmetDemand } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { blockingConstraints } from './terms.ts';
import { reasonText } from '../i18n/messages/renderMessage.ts';

/** A resource kind as a chip (厂房, 用地, …). */
export function kindBadge(kind: string): HTMLElement {
  return el('span', { class: `chip kind kind-${kind}` }, tData('rkind', kind));
}

/** The one-line "why nothing fits": each blocking constraint as a chip, those that exclude every offer marked. */
export function blockingChips(u: UnmetDemand): HTMLElement {
  return el(
    'ul',
    { class: 'chips blocking', 'aria-label': t('res.blockedBy') },
    blockingConstraints(u)
      .slice(0, 4)
      .map((c) =>
        el(
          'li',
          { class: `chip constraint${c.excludesAll ? ' excludes-all' : ''}`, 'data-constraint': c.constraint },
          c.excludesAll ? el('span', { 'aria-hidden': 'true' }, '⊘ ') : null,
          c.excludesAll ? t('res.excludesAll', { label: c.label, n: c.offers }) : t('res.excludesSome', { label: c.label, n: c.offers }),
        ),
      ),
  );
}

/** The list's flag: the constraints that exclude every offer on their own, or "a combination". */
export function unmetFlag(u: UnmetDemand): string {
  const all = blockingConstraints(u)
    .filter((c) => c.excludesAll)
    .map((c) => c.label);
  return all.length > 0 ? t('res.unmetFlag', { constraints: all.join(t('list.sep')) }) : t('res.unmetCombined');
}

/** The note under a demand nothing can meet: the constraints in the way and the engine's reason. */
export function unmetBlock(u: UnmetDemand): HTMLElement {
  return el(
    'div',
    { class: 'unmet-block', role: 'note' },
    el('p', { class: 'unmet-title' }, el('span', { class: 'unmet-icon', 'aria-hidden': 'true' }, '⊘'), t('res.unmetHere')),
    blockingChips(u),
    el('p', { class: 'unmet-reason' }, reasonText(u)),
  );
}
