import { api } from '../api/client.ts';
import { onApiKeyChange } from '../api/apiKey.ts';
import type { MatchKind, MatchRecord, MatchStatus } from '../api/types.ts';
import type { ViewDefinition } from '../app/router.ts';
import { lang, t, tData } from '../i18n/i18n.ts';
import { apiKeyForm } from '../ui/apiKeyForm.ts';
import { saveBlob } from '../ui/download.ts';
import { el } from '../ui/el.ts';
import { bind, errorState } from '../ui/status.ts';
import { matchCard, statsContent, statusSymbols } from './matches/matchCard.ts';
import { matchesLayout } from './matches/matchesLayout.ts';
import { matchWrites } from './matches/matchWrites.ts';
import { addPage, columnPageSize, createMatchesState, listQuery, matchesHash, matchKinds, resetColumns, statuses } from './matches/matchesState.ts';

/**
 * `#/matches`: match tracking (匹配跟踪) — the recommendations somebody acted on, by status
 * (proposed → contacted → agreed | declined), with notes and history. Reading is open; changing a
 * status needs the API key, entered once per tab. `?focus=<id>` highlights one match.
 */
export const matchesView: ViewDefinition = {
  id: 'matches',
  pattern: '/matches',
  section: 'matches',
  mount({ container, query }) {
    const state = createMatchesState(query);
    let stops: (() => void)[] = [];

    const {
      title,
      intro,
      keyArea,
      kindLabel,
      kindSelect,
      chainLabel,
      chainSelect,
      refresh,
      overdueButton,
      overdueNote,
      csvButton,
      xlsxButton,
      exportStatus,
      statsArea,
      message,
      columnAreas,
      columnHeads,
    } = matchesLayout(container);

    const syncUrl = () => history.replaceState(null, '', matchesHash(state));

    const chainOptions = () => {
      chainSelect.replaceChildren(
        el('option', { value: '' }, t('m.allChains')),
        ...state.chains.map((c) => el('option', { value: c.id }, lang() === 'en' ? c.nameEn : c.name)),
      );
      chainSelect.value = state.chainId;
    };

    const labels = () => {
      title.textContent = t('nav.matches');
      intro.textContent = t('m.intro');
      kindLabel.textContent = t('m.kind');
      kindSelect.replaceChildren(el('option', { value: '' }, t('m.allKinds')), ...matchKinds.map((k) => el('option', { value: k }, tData('mkind', k))));
      kindSelect.value = state.kind;
      chainLabel.textContent = t('m.chain');
      chainOptions();
      refresh.textContent = t('m.refresh');
      renderOverdue();
      csvButton.textContent = t('export.csv');
      xlsxButton.textContent = t('export.xlsx');
      keyArea.replaceChildren(el('h2', { class: 'key-title' }, t('m.keyTitle')), apiKeyForm('matches'));
    };

    // ----- overdue follow-ups: a filter with its count -----
    const renderOverdue = () => {
      const c = state.overdueCount;
      overdueButton.textContent = c ? t('m.overdueCount', { n: `${c.n}${c.more ? '+' : ''}` }) : t('m.overdueFilter');
      overdueButton.setAttribute('aria-pressed', String(state.overdue));
      overdueButton.classList.toggle('has-overdue', (c?.n ?? 0) > 0);
      overdueNote.textContent = state.overdue ? t('m.overdueOn') : '';
    };
    const loadOverdueCount = () => {
      api.matches({ ...listQuery({ ...state, overdue: true }), limit: 200 }).then(
        (page) => {
          state.overdueCount = { n: page.items.length, more: page.nextCursor !== null };
          renderOverdue();
        },
        () => {},
      );
    };

    // ----- stats -----
    const renderStats = () => statsArea.replaceChildren(...statsContent(state.stats, state.kind));
    const loadStats = () => {
      api.matchStats().then(
        (s) => {
          state.stats = s;
          renderStats();
        },
        (error: unknown) => statsArea.replaceChildren(errorState(error, loadStats)),
      );
    };

    // ----- the pipeline -----
    const card = (m: MatchRecord) =>
      matchCard(m, state, { move: (match, to, button) => transition(match, to, button), setDue: (match, due, button) => setDue(match, due, button) });

    const renderColumn = (s: MatchStatus) => {
      const c = state.columns[s];
      columnHeads[s].replaceChildren(
        el('span', { 'aria-hidden': 'true', class: 'col-symbol' }, statusSymbols[s]),
        ` ${t(`status.${s}`)} `,
        el('span', { class: 'col-count' }, c.loaded ? `${c.items.length}${c.nextCursor ? '+' : ''}` : '…'),
      );
      if (!c.loaded) return;
      const more = el('button', { type: 'button', class: 'btn small load-more' }, t('explore.more'));
      more.addEventListener('click', () => {
        more.disabled = true;
        api.matches({ ...listQuery(state), status: s, limit: columnPageSize, cursor: c.nextCursor ?? undefined }).then(
          (page) => {
            addPage(state, s, page, true);
            renderColumn(s);
          },
          (error: unknown) => columnAreas[s].append(errorState(error)),
        );
      });
      columnAreas[s].replaceChildren(
        c.items.length === 0 ? el('p', { class: 'muted column-empty' }, t(`m.empty.${s}`)) : el('ol', { class: 'match-cards' }, c.items.map(card)),
        c.nextCursor ? more : '',
      );
    };

    const loadColumns = () => {
      for (const stop of stops) stop();
      stops = [];
      resetColumns(state);
      for (const s of statuses) {
        renderColumn(s);
        stops.push(
          bind(
            columnAreas[s],
            () => api.matches({ ...listQuery(state), status: s, limit: columnPageSize }),
            (page) => {
              addPage(state, s, page, false);
              renderColumn(s);
              const focus = state.focus;
              if (focus && page.items.some((m) => m.id === focus)) {
                const target = columnAreas[s].querySelector<HTMLElement>(`[data-id="${CSS.escape(focus)}"]`);
                target?.scrollIntoView({ block: 'center' });
                target?.focus();
              }
            },
          ),
        );
      }
      loadStats();
      loadOverdueCount();
    };

    const { setDue, transition } = matchWrites(state, { message, keyArea }, () => loadColumns());

    // ----- toolbar -----
    kindSelect.addEventListener('change', () => {
      state.kind = kindSelect.value as MatchKind | '';
      syncUrl();
      loadColumns();
    });
    chainSelect.addEventListener('change', () => {
      state.chainId = chainSelect.value;
      syncUrl();
      loadColumns();
    });
    overdueButton.addEventListener('click', () => {
      state.overdue = !state.overdue;
      renderOverdue();
      syncUrl();
      loadColumns();
    });
    refresh.addEventListener('click', () => {
      message.replaceChildren();
      loadColumns();
    });
    const exportAs = (format: 'csv' | 'xlsx') => {
      exportStatus.replaceChildren(el('p', { class: 'muted' }, t('export.working')));
      api.matchesFile(listQuery(state), format).then(
        ({ blob, filename }) => {
          saveBlob(blob, filename);
          exportStatus.replaceChildren();
        },
        (error: unknown) => exportStatus.replaceChildren(errorState(error)),
      );
    };
    csvButton.addEventListener('click', () => exportAs('csv'));
    xlsxButton.addEventListener('click', () => exportAs('xlsx'));
    // A new key may unlock owners and notes (private to the owner and admins): read the board again.
    const stopKey = onApiKeyChange(() => {
      message.replaceChildren();
      loadColumns();
    });

    api.chains().then(
      (list) => {
        state.chains = list;
        // Only the chain list: labels() would build the key form anew and drop a key being typed.
        chainOptions();
      },
      () => {},
    );
    labels();
    renderStats();
    loadColumns();

    return {
      relabel() {
        labels();
        renderStats();
        for (const s of statuses) renderColumn(s);
      },
      destroy() {
        for (const stop of stops) stop();
        stopKey();
      },
    };
  },
};
