import type { MatchStatus } from '../../api/types.ts';
import { el } from '../../ui/el.ts';
import { statuses } from './matchesState.ts';

/**
 * The match-tracking page's elements, empty: title, key panel, filters and exports, stats, the message
 * line and the four status columns. The view fills and relabels them (matchesView.ts).
 */
export function matchesLayout(container: HTMLElement) {
  const title = el('h1', { id: 'view-title' });
  const intro = el('p', { class: 'muted view-intro' });
  const keyArea = el('div', { class: 'panel key-panel' });
  const kindLabel = el('label', { for: 'm-kind', class: 'label' });
  const kindSelect = el('select', { id: 'm-kind', class: 'input' });
  const chainLabel = el('label', { for: 'm-chain', class: 'label' });
  const chainSelect = el('select', { id: 'm-chain', class: 'input' });
  const refresh = el('button', { type: 'button', class: 'btn' });
  const overdueButton = el('button', { type: 'button', class: 'btn overdue-filter', 'aria-pressed': 'false' });
  const overdueNote = el('p', { class: 'hint overdue-note', 'aria-live': 'polite' });
  const csvButton = el('button', { type: 'button', class: 'btn', 'data-export': 'csv' });
  const xlsxButton = el('button', { type: 'button', class: 'btn', 'data-export': 'xlsx' });
  const exportStatus = el('div', { class: 'export-status', 'aria-live': 'polite' });
  const statsArea = el('section', { class: 'match-stats', 'aria-labelledby': 'm-stats-title' });
  const message = el('div', { class: 'match-message', 'aria-live': 'assertive' });
  const board = el('div', { class: 'pipeline' });
  const byStatus = <T>(make: (s: MatchStatus) => T): Record<MatchStatus, T> => ({
    proposed: make('proposed'),
    contacted: make('contacted'),
    agreed: make('agreed'),
    declined: make('declined'),
  });
  const columnAreas = byStatus(() => el('div', { class: 'column-body', 'aria-live': 'polite' }));
  const columnHeads = byStatus((s) => el('h2', { id: `col-${s}-title`, class: 'column-title' }));
  for (const s of statuses) {
    board.append(
      el('section', { class: `pipeline-column column-${s}`, 'data-status': s, 'aria-labelledby': `col-${s}-title` }, columnHeads[s], columnAreas[s]),
    );
  }
  container.append(
    el(
      'section',
      { class: 'view view-matches', 'aria-labelledby': 'view-title' },
      el('header', { class: 'view-head' }, title, intro),
      el(
        'div',
        { class: 'matches-top' },
        keyArea,
        el(
          'div',
          { class: 'matches-side' },
          el(
            'div',
            { class: 'panel match-filters' },
            el(
              'div',
              { class: 'toolbar' },
              el('div', { class: 'field-inline' }, kindLabel, kindSelect),
              el('div', { class: 'field-inline' }, chainLabel, chainSelect),
              overdueButton,
              refresh,
              el('div', { class: 'toolbar-end' }, csvButton, xlsxButton),
            ),
            overdueNote,
            exportStatus,
          ),
          statsArea,
        ),
      ),
      message,
      board,
    ),
  );

  return {
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
  };
}
