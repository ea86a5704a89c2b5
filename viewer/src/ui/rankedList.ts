import { el } from './el.ts';

/**
 * A ranked list whose items can be selected (the partner, pairing and talent lists): each card's name
 * button is the keyboard target, and a click anywhere on a card that is not itself a control selects it.
 */
export function rankedList<T>(options: {
  items: T[];
  key: (item: T) => string;
  label: string;
  card: (item: T, rank: number, selected: boolean, select: () => void) => HTMLElement;
  onSelect: (item: T) => void;
  selected: string | null;
}): HTMLElement {
  const list = el('ol', { class: 'candidates', 'aria-label': options.label });
  const select = (item: T) => {
    for (const li of list.querySelectorAll('li.candidate')) {
      const on = li.getAttribute('data-id') === options.key(item);
      li.classList.toggle('selected', on);
      li.querySelector('.cand-name')?.setAttribute('aria-pressed', String(on));
    }
    options.onSelect(item);
  };
  options.items.forEach((item, i) => list.append(options.card(item, i + 1, options.key(item) === options.selected, () => select(item))));
  list.addEventListener('click', (event) => {
    const target = event.target as Element;
    const card = target.closest('li.candidate');
    if (!card || target.closest('button, a, input, textarea, summary')) return;
    const hit = options.items.find((x) => options.key(x) === card.getAttribute('data-id'));
    if (hit) select(hit);
  });
  return list;
}
