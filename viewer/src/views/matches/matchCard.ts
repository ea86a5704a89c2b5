import type { MatchRecord, MatchStats, MatchStatus } from '../../api/types.ts';
import { lang, t, tData } from '../../i18n/i18n.ts';
import { confidenceLabel } from '../../segment/candidateList.ts';
import { demoBadge } from '../../ui/demoBadge.ts';
import { el } from '../../ui/el.ts';
import { fmtPercent, fmtScore } from '../../ui/format.ts';
import { nextStatuses, statuses, type MatchesState } from './matchesState.ts';

/** Status = symbol + word + colour + border style, never colour alone. */
export const statusSymbols: Record<MatchStatus, string> = { proposed: '○', contacted: '◐', agreed: '✓', declined: '✕' };

function statusBadge(status: MatchStatus): HTMLElement {
  return el('span', { class: `status-badge status-${status}` }, el('span', { 'aria-hidden': 'true' }, `${statusSymbols[status]} `), t(`status.${status}`));
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** A card of the pipeline: what was matched to what, why, who recorded it, its history, and the moves it can make. */
export function matchCard(m: MatchRecord, state: Pick<MatchesState, 'focus' | 'notes'>, move: (m: MatchRecord, to: MatchStatus, button: HTMLButtonElement) => void): HTMLElement {
  const allowed = nextStatuses[m.status];
  const noteId = `note-${m.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const note = el('textarea', { id: noteId, class: 'input note-input', rows: 1, maxlength: 1000 });
  note.value = state.notes.get(m.id) ?? '';
  note.addEventListener('input', () => state.notes.set(m.id, note.value));
  const actions = allowed.length === 0 ? null : el('div', { class: 'match-actions' },
    el('label', { for: noteId, class: 'label small-label' }, t('m.note')), note,
    el('div', { class: 'action-buttons' }, allowed.map((to) => el('button', {
      type: 'button', class: `btn small to-${to}`, 'data-to': to, onclick: (event: Event) => move(m, to, event.currentTarget as HTMLButtonElement),
    }, el('span', { 'aria-hidden': 'true' }, `${statusSymbols[to]} `), t(`m.to.${to}`)))));
  const history = el('details', { class: 'match-history' }, el('summary', {}, t('m.history', { n: m.history.length })),
    el('ol', {}, m.history.map((h) => el('li', {},
      h.from ? `${t(`status.${h.from}`)} → ` : '', el('strong', {}, t(`status.${h.to}`)), `${h.actor ? ` · ${h.actor}` : ''} · ${when(h.at)}`, h.note ? el('span', { class: 'history-note' }, `「${h.note}」`) : null))));
  const focused = state.focus === m.id;
  return el('li', { class: `match-card status-${m.status}${focused ? ' focused' : ''}`, 'data-id': m.id, 'data-status': m.status, tabindex: focused ? -1 : null },
    el('div', { class: 'match-head' }, el('span', { class: 'chip' }, tData('mkind', m.kind)), statusBadge(m.status), el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(m.score))),
    el('p', { class: 'match-pair' }, el('span', { class: 'match-candidate' }, m.candidateName || m.candidateId), demoBadge(m.candidateDemo)),
    el('p', { class: 'match-subject muted' }, t('m.for', { subject: m.subjectName || m.subjectId }), demoBadge(m.subjectDemo)),
    el('div', { class: 'cand-foot' }, confidenceLabel(m.explanation.confidence)),
    m.explanation.reason ? el('p', { class: 'cand-reason' }, m.explanation.reason) : null,
    el('p', { class: 'match-meta' }, t('m.meta', { who: m.createdBy ?? '—', at: when(m.createdAt) }), m.units > 1 ? ` · ${t('m.units', { n: m.units })}` : ''),
    history, actions);
}

/** The acceptance figures per kind (only the filtered kind when one is chosen). */
export function statsContent(stats: MatchStats | null, kind: string): HTMLElement[] {
  const heading = el('h2', { id: 'm-stats-title', class: 'visually-hidden' }, t('m.statsTitle'));
  if (!stats) return [heading];
  const rows = stats.kinds.filter((k) => !kind || k.kind === kind);
  if (rows.length === 0) return [heading, el('p', { class: 'muted' }, t('m.noStats'))];
  return [heading, el('ul', { class: 'stat-cards' }, rows.map((k) => el('li', { class: 'stat-card' },
    el('p', { class: 'stat-kind' }, tData('mkind', k.kind), el('span', { class: 'muted' }, ` · ${t('m.total', { n: k.total })}`)),
    el('p', { class: 'stat-statuses' }, statuses.map((s) => el('span', { class: `stat-status status-${s}` }, `${statusSymbols[s]} ${t(`status.${s}`)} ${k.byStatus[s] ?? 0}`))),
    el('p', { class: 'stat-rate' }, t('m.acceptance', { rate: fmtPercent(k.acceptanceRate) })),
    el('p', { class: 'hint stat-note', title: k.adjustmentNote }, k.adjusted ? t('m.adjusted') : t('m.notAdjusted')))))];
}
