import { api, ApiError } from '../api/client.ts';
import { apiKey, onApiKeyChange } from '../api/apiKey.ts';
import type { ChainSummary, MatchKind, MatchPage, MatchRecord, MatchStats, MatchStatus } from '../api/types.ts';
import type { matchTransitions } from '../../../engine/index.ts';
import type { ViewDefinition } from '../app/router.ts';
import { lang, t, tData } from '../i18n/i18n.ts';
import { confidenceLabel } from '../segment/candidateList.ts';
import { apiKeyForm, focusKeyInput } from '../ui/apiKeyForm.ts';
import { saveBlob } from '../ui/download.ts';
import { demoBadge } from '../ui/demoBadge.ts';
import { el } from '../ui/el.ts';
import { fmtPercent, fmtScore } from '../ui/format.ts';
import { bind, errorState } from '../ui/status.ts';

export const statuses: readonly MatchStatus[] = ['proposed', 'contacted', 'agreed', 'declined'];
const kinds: readonly MatchKind[] = ['partner', 'pairing', 'talent', 'resource', 'event'];

/**
 * The lifecycle the API enforces (engine/tracking/lifecycle.ts `matchTransitions`), to offer only the
 * buttons that can succeed; the API stays the judge and answers 409 to anything else.
 */
export const nextStatuses: typeof matchTransitions = {
  proposed: ['contacted', 'declined'],
  contacted: ['agreed', 'declined'],
  agreed: [],
  declined: [],
};

/** Status = symbol + word + colour + border style, never colour alone. */
export const statusSymbols: Record<MatchStatus, string> = { proposed: '○', contacted: '◐', agreed: '✓', declined: '✕' };

function statusBadge(status: MatchStatus): HTMLElement {
  return el('span', { class: `status-badge status-${status}` }, el('span', { 'aria-hidden': 'true' }, `${statusSymbols[status]} `), t(`status.${status}`));
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

interface Column {
  items: MatchRecord[];
  nextCursor: string | null;
  loaded: boolean;
}

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
    let kind: MatchKind | '' = (kinds as readonly string[]).includes(query.get('kind') ?? '') ? (query.get('kind') as MatchKind) : '';
    let chainId = query.get('chainId') ?? '';
    let focus = query.get('focus');
    let chains: ChainSummary[] = [];
    let columns: Record<MatchStatus, Column> = { proposed: empty(), contacted: empty(), agreed: empty(), declined: empty() };
    let stats: MatchStats | null = null;
    let stops: (() => void)[] = [];
    const notes = new Map<string, string>();

    function empty(): Column {
      return { items: [], nextCursor: null, loaded: false };
    }

    const title = el('h1', { id: 'view-title' });
    const intro = el('p', { class: 'muted view-intro' });
    const keyArea = el('div', { class: 'panel key-panel' });
    const kindLabel = el('label', { for: 'm-kind', class: 'label' });
    const kindSelect = el('select', { id: 'm-kind', class: 'input' });
    const chainLabel = el('label', { for: 'm-chain', class: 'label' });
    const chainSelect = el('select', { id: 'm-chain', class: 'input' });
    const refresh = el('button', { type: 'button', class: 'btn' });
    const csvButton = el('button', { type: 'button', class: 'btn', 'data-export': 'csv' });
    const xlsxButton = el('button', { type: 'button', class: 'btn', 'data-export': 'xlsx' });
    const exportStatus = el('div', { class: 'export-status', 'aria-live': 'polite' });
    const statsArea = el('section', { class: 'match-stats', 'aria-labelledby': 'm-stats-title' });
    const message = el('div', { class: 'match-message', 'aria-live': 'assertive' });
    const board = el('div', { class: 'pipeline' });
    const byStatus = <T>(make: (s: MatchStatus) => T): Record<MatchStatus, T> => ({ proposed: make('proposed'), contacted: make('contacted'), agreed: make('agreed'), declined: make('declined') });
    const columnAreas = byStatus(() => el('div', { class: 'column-body', 'aria-live': 'polite' }));
    const columnHeads = byStatus((s) => el('h2', { id: `col-${s}-title`, class: 'column-title' }));
    for (const s of statuses) {
      board.append(el('section', { class: `pipeline-column column-${s}`, 'data-status': s, 'aria-labelledby': `col-${s}-title` }, columnHeads[s], columnAreas[s]));
    }
    container.append(el('section', { class: 'view view-matches', 'aria-labelledby': 'view-title' },
      el('header', { class: 'view-head' }, title, intro),
      el('div', { class: 'matches-top' }, keyArea,
        el('div', { class: 'matches-side' },
          el('div', { class: 'panel match-filters' },
            el('div', { class: 'toolbar' },
              el('div', { class: 'field-inline' }, kindLabel, kindSelect),
              el('div', { class: 'field-inline' }, chainLabel, chainSelect),
              refresh,
              el('div', { class: 'toolbar-end' }, csvButton, xlsxButton)),
            exportStatus),
          statsArea)),
      message, board));

    const listQuery = () => ({ kind: kind || undefined, chainId: chainId || undefined });

    const syncUrl = () => {
      const params = new URLSearchParams();
      if (kind) params.set('kind', kind);
      if (chainId) params.set('chainId', chainId);
      const q = params.toString();
      history.replaceState(null, '', `#/matches${q ? `?${q}` : ''}`);
    };

    const labels = () => {
      title.textContent = t('nav.matches');
      intro.textContent = t('m.intro');
      kindLabel.textContent = t('m.kind');
      kindSelect.replaceChildren(el('option', { value: '' }, t('m.allKinds')), ...kinds.map((k) => el('option', { value: k }, tData('mkind', k))));
      kindSelect.value = kind;
      chainLabel.textContent = t('m.chain');
      chainSelect.replaceChildren(el('option', { value: '' }, t('m.allChains')), ...chains.map((c) => el('option', { value: c.id }, lang() === 'en' ? c.nameEn : c.name)));
      chainSelect.value = chainId;
      refresh.textContent = t('m.refresh');
      csvButton.textContent = t('export.csv');
      xlsxButton.textContent = t('export.xlsx');
      keyArea.replaceChildren(el('h2', { class: 'key-title' }, t('m.keyTitle')), apiKeyForm('matches'));
    };

    // ----- stats -----
    const renderStats = () => {
      const heading = el('h2', { id: 'm-stats-title', class: 'visually-hidden' }, t('m.statsTitle'));
      if (!stats) return statsArea.replaceChildren(heading);
      const rows = stats.kinds.filter((k) => !kind || k.kind === kind);
      if (rows.length === 0) return statsArea.replaceChildren(heading, el('p', { class: 'muted' }, t('m.noStats')));
      statsArea.replaceChildren(heading, el('ul', { class: 'stat-cards' }, rows.map((k) => el('li', { class: 'stat-card' },
        el('p', { class: 'stat-kind' }, tData('mkind', k.kind), el('span', { class: 'muted' }, ` · ${t('m.total', { n: k.total })}`)),
        el('p', { class: 'stat-statuses' }, statuses.map((s) => el('span', { class: `stat-status status-${s}` }, `${statusSymbols[s]} ${t(`status.${s}`)} ${k.byStatus[s] ?? 0}`))),
        el('p', { class: 'stat-rate' }, t('m.acceptance', { rate: fmtPercent(k.acceptanceRate) })),
        el('p', { class: 'hint stat-note', title: k.adjustmentNote }, k.adjusted ? t('m.adjusted') : t('m.notAdjusted'))))));
    };
    const loadStats = () => {
      api.matchStats().then((s) => {
        stats = s;
        renderStats();
      }, (error: unknown) => statsArea.replaceChildren(errorState(error, loadStats)));
    };

    // ----- the pipeline -----
    const card = (m: MatchRecord): HTMLElement => {
      const allowed = nextStatuses[m.status];
      const noteId = `note-${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const note = el('textarea', { id: noteId, class: 'input note-input', rows: 1, maxlength: 1000 });
      note.value = notes.get(m.id) ?? '';
      note.addEventListener('input', () => notes.set(m.id, note.value));
      const actions = allowed.length === 0 ? null : el('div', { class: 'match-actions' },
        el('label', { for: noteId, class: 'label small-label' }, t('m.note')), note,
        el('div', { class: 'action-buttons' }, allowed.map((to) => el('button', {
          type: 'button', class: `btn small to-${to}`, 'data-to': to, onclick: (event: Event) => transition(m, to, event.currentTarget as HTMLButtonElement),
        }, el('span', { 'aria-hidden': 'true' }, `${statusSymbols[to]} `), t(`m.to.${to}`)))));
      const history = el('details', { class: 'match-history' }, el('summary', {}, t('m.history', { n: m.history.length })),
        el('ol', {}, m.history.map((h) => el('li', {},
          h.from ? `${t(`status.${h.from}`)} → ` : '', el('strong', {}, t(`status.${h.to}`)), ` · ${h.actor} · ${when(h.at)}`, h.note ? el('span', { class: 'history-note' }, `「${h.note}」`) : null))));
      return el('li', { class: `match-card status-${m.status}${focus === m.id ? ' focused' : ''}`, 'data-id': m.id, 'data-status': m.status, tabindex: focus === m.id ? -1 : null },
        el('div', { class: 'match-head' }, el('span', { class: 'chip' }, tData('mkind', m.kind)), statusBadge(m.status), el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(m.score))),
        el('p', { class: 'match-pair' }, el('span', { class: 'match-candidate' }, m.candidateName || m.candidateId), demoBadge(m.candidateDemo)),
        el('p', { class: 'match-subject muted' }, t('m.for', { subject: m.subjectName || m.subjectId }), demoBadge(m.subjectDemo)),
        el('div', { class: 'cand-foot' }, confidenceLabel(m.explanation.confidence)),
        m.explanation.reason ? el('p', { class: 'cand-reason' }, m.explanation.reason) : null,
        el('p', { class: 'match-meta' }, t('m.meta', { who: m.createdBy, at: when(m.createdAt) }), m.units > 1 ? ` · ${t('m.units', { n: m.units })}` : ''),
        history, actions);
    };

    const renderColumn = (s: MatchStatus) => {
      const c = columns[s];
      columnHeads[s].replaceChildren(el('span', { 'aria-hidden': 'true', class: 'col-symbol' }, statusSymbols[s]), ` ${t(`status.${s}`)} `,
        el('span', { class: 'col-count' }, c.loaded ? `${c.items.length}${c.nextCursor ? '+' : ''}` : '…'));
      if (!c.loaded) return;
      const more = el('button', { type: 'button', class: 'btn small load-more' }, t('explore.more'));
      more.addEventListener('click', () => {
        more.disabled = true;
        api.matches({ ...listQuery(), status: s, limit: 30, cursor: c.nextCursor ?? undefined }).then((page) => {
          columns = { ...columns, [s]: { items: [...c.items, ...page.items], nextCursor: page.nextCursor, loaded: true } };
          renderColumn(s);
        }, (error: unknown) => columnAreas[s].append(errorState(error)));
      });
      columnAreas[s].replaceChildren(
        c.items.length === 0 ? el('p', { class: 'muted column-empty' }, t(`m.empty.${s}`)) : el('ol', { class: 'match-cards' }, c.items.map(card)),
        c.nextCursor ? more : '');
    };

    const loadColumns = () => {
      for (const stop of stops) stop();
      stops = [];
      for (const s of statuses) {
        columns = { ...columns, [s]: empty() };
        renderColumn(s);
        stops.push(bind(columnAreas[s], () => api.matches({ ...listQuery(), status: s, limit: 30 }), (page: MatchPage) => {
          columns = { ...columns, [s]: { items: page.items, nextCursor: page.nextCursor, loaded: true } };
          renderColumn(s);
          if (focus && page.items.some((m) => m.id === focus)) {
            const target = columnAreas[s].querySelector<HTMLElement>(`[data-id="${CSS.escape(focus)}"]`);
            target?.scrollIntoView({ block: 'center' });
            target?.focus();
          }
        }));
      }
      loadStats();
    };

    const showMessage = (kindOf: 'ok' | 'error', content: (Node | string)[]) => {
      message.replaceChildren(el('div', { class: kindOf === 'ok' ? 'match-ok' : 'record-error', role: kindOf === 'ok' ? 'status' : 'alert' }, content));
    };

    const transition = (m: MatchRecord, to: MatchStatus, button: HTMLButtonElement) => {
      if (!apiKey()) {
        showMessage('error', [el('p', { class: 'state-title' }, t('m.needKey'))]);
        focusKeyInput(keyArea);
        return;
      }
      button.disabled = true;
      const note = notes.get(m.id)?.trim();
      api.updateMatch(m.id, { status: to, note: note || undefined }).then((updated) => {
        notes.delete(m.id);
        focus = updated.id;
        showMessage('ok', [el('span', { 'aria-hidden': 'true' }, `${statusSymbols[to]} `), t('m.moved', { name: updated.candidateName || updated.candidateId, status: t(`status.${to}`) })]);
        loadColumns();
      }, (error: unknown) => {
        button.disabled = false;
        const problem = error instanceof ApiError ? error : null;
        if (problem?.status === 409) {
          showMessage('error', [
            el('p', { class: 'state-title' }, el('span', { class: 'state-icon', 'aria-hidden': 'true' }, '!'), t('m.conflict')),
            el('p', {}, t('m.conflictDetail', { name: m.candidateName || m.candidateId, status: t(`status.${to}`) })),
            problem.detail ? el('p', { class: 'state-detail' }, problem.detail) : '',
            el('p', { class: 'muted' }, t('m.reloaded')),
          ]);
          loadColumns();
        } else {
          showMessage('error', [errorState(error)]);
          if (problem?.status === 401 || problem?.status === 403) focusKeyInput(keyArea);
        }
      });
    };

    // ----- toolbar -----
    kindSelect.addEventListener('change', () => {
      kind = kindSelect.value as MatchKind | '';
      syncUrl();
      loadColumns();
    });
    chainSelect.addEventListener('change', () => {
      chainId = chainSelect.value;
      syncUrl();
      loadColumns();
    });
    refresh.addEventListener('click', () => {
      message.replaceChildren();
      loadColumns();
    });
    const exportAs = (format: 'csv' | 'xlsx') => {
      exportStatus.replaceChildren(el('p', { class: 'muted' }, t('export.working')));
      api.matchesFile(listQuery(), format).then(({ blob, filename }) => {
        saveBlob(blob, filename);
        exportStatus.replaceChildren();
      }, (error: unknown) => exportStatus.replaceChildren(errorState(error)));
    };
    csvButton.addEventListener('click', () => exportAs('csv'));
    xlsxButton.addEventListener('click', () => exportAs('xlsx'));
    const stopKey = onApiKeyChange(() => message.replaceChildren());

    api.chains().then((list) => {
      chains = list;
      labels();
    }, () => {});
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
