import { api } from '../api/client.ts';
import { t, tData } from '../i18n/i18n.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { highlighted } from '../ui/highlight.ts';
import { bind, emptyState, errorState } from '../ui/status.ts';
import { labelBadge } from './detailsPanel.ts';
import type { ExploreState } from './exploreState.ts';
import { mergeGroups } from './graphModel.ts';

/** Labels the search box can be narrowed to (the API's searchable labels). */
const searchTypes = [
  'Enterprise',
  'ResearchUnit',
  'University',
  'Talent',
  'Topic',
  'Segment',
  'Product',
  'Chain',
  'Alliance',
  'PartyOrg',
  'Park',
  'Offer',
  'Demand',
];
/** Hits per page; "more" fetches the next page with the cursor. */
const pageSize = 20;

export type SearchPanel = ReturnType<typeof createSearchPanel>;

/**
 * The explorer's left column: full-text search (any label or one), results grouped by label with
 * the matched words highlighted, further pages on demand. A result opens its neighbourhood.
 */
export function createSearchPanel(state: ExploreState, hooks: { open(id: string): void; searched(): void }) {
  let stop = () => {};
  const title = el('h2', { id: 'ex-search-title' });
  const qLabel = el('label', { for: 'ex-q', class: 'label' });
  const qInput = el('input', { id: 'ex-q', class: 'input', type: 'search', name: 'q', value: state.q, autocomplete: 'off', maxlength: 200 });
  const typesLabel = el('label', { for: 'ex-types', class: 'label' });
  const typesSelect = el('select', { id: 'ex-types', class: 'input' });
  const button = el('button', { type: 'submit', class: 'btn primary' });
  const form = el(
    'form',
    { role: 'search', class: 'explore-search-form' },
    el('div', { class: 'field' }, qLabel, el('div', { class: 'field-inline' }, qInput, button)),
    el('div', { class: 'field' }, typesLabel, typesSelect),
  );
  const results = el('div', { class: 'search-results', 'aria-live': 'polite' });
  const typeFilter = () => (state.types ? [state.types] : undefined);

  const moreButton = () => {
    const more = el('button', { type: 'button', class: 'btn small load-more' }, t('explore.more'));
    more.addEventListener('click', () => {
      if (!state.search?.nextCursor) return;
      more.disabled = true;
      more.textContent = t('state.loading');
      api.search(state.q, { types: typeFilter(), limit: pageSize, cursor: state.search.nextCursor }).then(
        (page) => {
          state.search = page;
          state.groups = mergeGroups(state.groups, page.groups);
          render();
          results.querySelector<HTMLElement>('.load-more')?.focus();
        },
        (error: unknown) => results.append(errorState(error)),
      );
    });
    return more;
  };

  const render = () => {
    const { search, groups, graph } = state;
    if (!search) return results.replaceChildren(el('p', { class: 'muted' }, t('explore.searchHint')));
    if (groups.length === 0) return results.replaceChildren(emptyState(t('explore.noResults', { q: state.q })));
    const count = groups.reduce((n, g) => n + g.items.length, 0);
    results.replaceChildren(
      el(
        'p',
        { class: 'result-count' },
        t('explore.resultCount', { n: count }),
        search.textProvider === 'embedding' ? el('span', { class: 'provider' }, ` · ${t('provider.embedding')}`) : null,
      ),
      ...groups.map((g) =>
        el(
          'section',
          { class: 'result-group', 'data-type': g.type, 'aria-label': `${tData('node', g.type)} (${g.items.length})` },
          el('h3', { class: 'result-type' }, labelBadge(g.type), el('span', { class: 'muted' }, ` ${g.items.length}`)),
          el(
            'ul',
            { class: 'result-list' },
            g.items.map((hit) =>
              el(
                'li',
                {},
                el(
                  'button',
                  {
                    type: 'button',
                    class: `result${graph.root === hit.id ? ' current' : ''}`,
                    'data-id': hit.id,
                    'aria-current': graph.root === hit.id ? 'true' : false,
                    onclick: () => hooks.open(hit.id),
                  },
                  el('span', { class: 'result-name' }, el('span', { translate: 'no' }, highlighted(hit.highlight, hit.name)), demoBadge(hit.demo)),
                  hit.description ? el('span', { class: 'result-desc', translate: 'no' }, hit.description) : null,
                ),
              ),
            ),
          ),
        ),
      ),
      search.nextCursor ? moreButton() : '',
    );
  };

  const run = () => {
    stop();
    state.q = qInput.value.trim();
    state.types = typesSelect.value;
    hooks.searched();
    if (!state.q) {
      state.search = null;
      return render();
    }
    stop = bind(
      results,
      () => api.search(state.q, { types: typeFilter(), limit: pageSize }),
      (r) => {
        state.search = r;
        state.groups = r.groups;
        render();
      },
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  typesSelect.addEventListener('change', () => {
    if (qInput.value.trim()) run();
  });

  return {
    elements: [title, form, results],
    render,
    run,
    relabel() {
      title.textContent = t('explore.searchTitle');
      qLabel.textContent = t('explore.q');
      qInput.placeholder = t('explore.qPlaceholder');
      typesLabel.textContent = t('explore.types');
      typesSelect.replaceChildren(el('option', { value: '' }, t('explore.allTypes')), ...searchTypes.map((l) => el('option', { value: l }, tData('node', l))));
      typesSelect.value = state.types;
      button.textContent = t('explore.search');
    },
    /** The address changed the search: show it in the form. */
    showQuery() {
      qInput.value = state.q;
      typesSelect.value = state.types;
    },
    /** Marks the result that is the opened node, without rebuilding the list. */
    markCurrent() {
      for (const b of results.querySelectorAll<HTMLButtonElement>('button.result')) {
        const on = b.dataset.id === state.graph.root;
        b.classList.toggle('current', on);
        if (on) b.setAttribute('aria-current', 'true');
        else b.removeAttribute('aria-current');
      }
    },
    focus: () => qInput.focus(),
    destroy: () => stop(),
  };
}
