import { api } from '../api/client.ts';
import type { SearchHit } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { el } from './el.ts';
import { highlighted } from './highlight.ts';
import { tWithData } from './dataWords.ts';

export interface PickedEntity {
  id: string;
  type: string;
  name: string;
}

export interface PickerOptions {
  id: string;
  label: string;
  hint: string;
  /** Labels to search (the API's `types`). */
  types: string[];
  initial?: PickedEntity | null;
  onPick(entity: PickedEntity): void;
}

/**
 * A search-as-you-type picker over GET /search (WAI-ARIA combobox with a list box): arrow keys move
 * through the suggestions, Enter picks, Escape closes. Suggestion names show the matched characters
 * in <mark>. The picked entity's id is shown under the box so two firms of one name stay apart.
 */
export function entityPicker(options: PickerOptions): { element: HTMLElement; value(): PickedEntity | null; focus(): void } {
  let picked: PickedEntity | null = options.initial ?? null;
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const listId = `${options.id}-list`;
  const input = el('input', {
    id: options.id,
    class: 'input picker-input',
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': `${options.id}-hint ${options.id}-status`,
    value: picked?.name ?? '',
  });
  const list = el('ul', { id: listId, role: 'listbox', class: 'picker-list', 'aria-label': options.label, hidden: true });
  const status = el('p', { id: `${options.id}-status`, class: 'picker-status', role: 'status', 'aria-live': 'polite' });
  const chosen = el('p', { class: 'picker-chosen muted' });

  const showChosen = () => {
    chosen.replaceChildren(...(picked ? tWithData('picker.chosen', { name: picked.name }, { id: picked.id }) : []));
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (i: number) => {
    active = i;
    list.querySelectorAll('[role="option"]').forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${i}`);
      list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pick = (hit: SearchHit) => {
    picked = { id: hit.id, type: hit.type, name: hit.name };
    input.value = hit.name;
    close();
    status.textContent = '';
    showChosen();
    options.onPick(picked);
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        el(
          'li',
          { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: 'picker-option', 'data-id': hit.id },
          highlighted(hit.highlight, hit.name),
          ' ',
          el('span', { class: 'picker-type' }, tData('node', hit.type)),
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    active = -1;
  };
  const search = () => {
    const q = input.value.trim();
    const mine = ++generation;
    if (!q) {
      hits = [];
      render();
      status.textContent = '';
      return;
    }
    status.textContent = t('state.loading');
    api.search(q, { types: options.types, limit: 8 }).then(
      (r) => {
        if (mine !== generation) return;
        hits = r.items;
        render();
        status.textContent = hits.length === 0 ? t('picker.none', { q }) : t('picker.count', { n: hits.length });
      },
      (error: unknown) => {
        if (mine !== generation) return;
        hits = [];
        render();
        status.textContent = error instanceof Error ? error.message : String(error);
      },
    );
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 220);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden && hits.length > 0) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      if (hits.length === 0) return;
      setActive(event.key === 'ArrowDown' ? (active + 1) % hits.length : (active - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      if (!list.hidden && hits.length > 0) {
        event.preventDefault();
        pick(hits[Math.max(0, active)]);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  // mousedown, not click: the input keeps focus and the blur does not close the list first
  list.addEventListener('mousedown', (event) => {
    const li = (event.target as Element).closest('[role="option"]');
    if (!li) return;
    event.preventDefault();
    const hit = hits.find((h) => h.id === li.getAttribute('data-id'));
    if (hit) pick(hit);
  });
  showChosen();

  const element = el(
    'div',
    { class: 'field picker' },
    el('label', { for: options.id, class: 'label' }, options.label),
    el('div', { class: 'picker-box' }, input, list),
    el('small', { id: `${options.id}-hint`, class: 'hint' }, options.hint),
    status,
    chosen,
  );
  return { element, value: () => picked, focus: () => input.focus() };
}
