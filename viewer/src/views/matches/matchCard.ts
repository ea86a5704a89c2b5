import './followUp.css';
import type { MatchRecord, MatchStats, MatchStatus } from '../../api/types.ts';
import { lang, t, tData } from '../../i18n/i18n.ts';
import { reasonText } from '../../i18n/messages/renderMessage.ts';
import { confidenceLabel } from '../../segment/candidateList.ts';
import { demoBadge } from '../../ui/demoBadge.ts';
import { el } from '../../ui/el.ts';
import { fmtPercent, fmtScore } from '../../ui/format.ts';
import { nextStatuses, statuses, type MatchesState } from './matchesState.ts';
import { tWithData } from '../../ui/dataWords.ts';

/** Status = symbol + word + colour + border style, never colour alone. */
export const statusSymbols: Record<MatchStatus, string> = { proposed: '○', contacted: '◐', agreed: '✓', declined: '✕' };

function statusBadge(status: MatchStatus): HTMLElement {
  return el('span', { class: `status-badge status-${status}` }, el('span', { 'aria-hidden': 'true' }, `${statusSymbols[status]} `), t(`status.${status}`));
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang(), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** What a card can ask of the board: move the match along its lifecycle, or set (null: clear) its follow-up date. */
export interface CardActions {
  move: (m: MatchRecord, to: MatchStatus, button: HTMLButtonElement) => void;
  setDue: (m: MatchRecord, dueDate: string | null, button: HTMLButtonElement) => void;
}

/** Who follows the match up and by when; the owner's name only where the API shows it (owner and admins). */
function followUp(m: MatchRecord): HTMLElement {
  return el(
    'p',
    { class: `match-follow${m.overdue ? ' overdue' : ''}` },
    el('span', { class: 'match-owner' }, m.createdBy ? tWithData('m.owner', { who: m.createdBy }) : t('m.ownerHidden')),
    ' · ',
    el('span', { class: 'match-due' }, m.dueDate ? t('m.due', { date: m.dueDate }) : t('m.noDue')),
    m.overdue ? el('span', { class: 'overdue-badge' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), t('m.overdueBadge')) : null,
  );
}

/** The follow-up date of an open match: a calendar day, set or cleared. */
function dueEditor(m: MatchRecord, safeId: string, setDue: CardActions['setDue']): HTMLElement {
  const id = `due-${safeId}`;
  const input = el('input', { id, type: 'date', class: 'input due-input' });
  input.value = m.dueDate ?? '';
  const set = el(
    'button',
    {
      type: 'button',
      class: 'btn small set-due',
      onclick: (e: Event) => {
        if (input.value) setDue(m, input.value, e.currentTarget as HTMLButtonElement);
      },
    },
    t('m.setDue'),
  );
  const clear = m.dueDate
    ? el(
        'button',
        { type: 'button', class: 'btn small clear-due', onclick: (e: Event) => setDue(m, null, e.currentTarget as HTMLButtonElement) },
        t('m.clearDue'),
      )
    : null;
  return el('div', { class: 'due-editor' }, el('label', { for: id, class: 'label small-label' }, t('m.dueLabel')), input, set, clear);
}

/** A card of the pipeline: what was matched to what, why, who follows it up and by when, its history, and the moves it can make. */
export function matchCard(m: MatchRecord, state: Pick<MatchesState, 'focus' | 'notes'>, { move, setDue }: CardActions): HTMLElement {
  const allowed = nextStatuses[m.status];
  const safeId = m.id.replace(/[^A-Za-z0-9_-]/g, '_');
  const noteId = `note-${safeId}`;
  const note = el('textarea', { id: noteId, class: 'input note-input', rows: 1, maxlength: 1000 });
  note.value = state.notes.get(m.id) ?? '';
  note.addEventListener('input', () => state.notes.set(m.id, note.value));
  const actions =
    allowed.length === 0
      ? null
      : el(
          'div',
          { class: 'match-actions' },
          dueEditor(m, safeId, setDue),
          el('label', { for: noteId, class: 'label small-label' }, t('m.note')),
          note,
          el(
            'div',
            { class: 'action-buttons' },
            allowed.map((to) =>
              el(
                'button',
                {
                  type: 'button',
                  class: `btn small to-${to}`,
                  'data-to': to,
                  onclick: (event: Event) => move(m, to, event.currentTarget as HTMLButtonElement),
                },
                el('span', { 'aria-hidden': 'true' }, `${statusSymbols[to]} `),
                t(`m.to.${to}`),
              ),
            ),
          ),
        );
  const history = el(
    'details',
    { class: 'match-history' },
    el('summary', {}, t('m.history', { n: m.history.length })),
    el(
      'ol',
      {},
      m.history.map((h) =>
        el(
          'li',
          {},
          h.from ? `${t(`status.${h.from}`)} → ` : '',
          el('strong', {}, t(`status.${h.to}`)),
          `${h.actor ? ` · ${h.actor}` : ''} · ${when(h.at)}`,
          h.note ? el('span', { class: 'history-note' }, `「${h.note}」`) : null,
        ),
      ),
    ),
  );
  const focused = state.focus === m.id;
  return el(
    'li',
    {
      class: `match-card status-${m.status}${focused ? ' focused' : ''}${m.overdue ? ' is-overdue' : ''}`,
      'data-id': m.id,
      'data-status': m.status,
      tabindex: focused ? -1 : null,
    },
    el(
      'div',
      { class: 'match-head' },
      el('span', { class: 'chip' }, tData('mkind', m.kind)),
      statusBadge(m.status),
      el('span', { class: 'cand-score', title: t('cand.score') }, fmtScore(m.score)),
    ),
    el(
      'p',
      { class: 'match-pair' },
      m.candidateName
        ? el('span', { class: 'match-candidate', translate: 'no' }, m.candidateName)
        : el('span', { class: 'match-candidate mono' }, m.candidateId),
      demoBadge(m.candidateDemo),
    ),
    el(
      'p',
      { class: 'match-subject muted' }, // without a recorded name the id is shown, as a details line
      tWithData('m.for', { subject: m.subjectName || el('span', { class: 'mono' }, m.subjectId) }),
      demoBadge(m.subjectDemo),
    ),
    el('div', { class: 'cand-foot' }, confidenceLabel(m.explanation.confidence)),
    // From its messages in the user's language. A reason without messages (recorded by an API client in its own
    // words, or before messages existed) is shown as recorded, marked as data.
    m.explanation.reason
      ? m.explanation.reasonParts?.length
        ? el('p', { class: 'cand-reason' }, reasonText(m.explanation))
        : el('p', { class: 'cand-reason', translate: 'no' }, m.explanation.reason)
      : null,
    followUp(m),
    el('p', { class: 'match-meta' }, t('m.meta', { who: m.createdBy ?? '—', at: when(m.createdAt) }), m.units > 1 ? ` · ${t('m.units', { n: m.units })}` : ''),
    history,
    actions,
  );
}

/** The acceptance figures per kind (only the filtered kind when one is chosen). */
export function statsContent(stats: MatchStats | null, kind: string): HTMLElement[] {
  const heading = el('h2', { id: 'm-stats-title', class: 'visually-hidden' }, t('m.statsTitle'));
  if (!stats) return [heading];
  const rows = stats.kinds.filter((k) => !kind || k.kind === kind);
  if (rows.length === 0) return [heading, el('p', { class: 'muted' }, t('m.noStats'))];
  return [
    heading,
    el(
      'ul',
      { class: 'stat-cards' },
      rows.map((k) =>
        el(
          'li',
          { class: 'stat-card' },
          el('p', { class: 'stat-kind' }, tData('mkind', k.kind), el('span', { class: 'muted' }, ` · ${t('m.total', { n: k.total })}`)),
          el(
            'p',
            { class: 'stat-statuses' },
            statuses.map((s) => el('span', { class: `stat-status status-${s}` }, `${statusSymbols[s]} ${t(`status.${s}`)} ${k.byStatus[s] ?? 0}`)),
          ),
          el('p', { class: 'stat-rate' }, t('m.acceptance', { rate: fmtPercent(k.acceptanceRate) })),
          // the engine's note is a Chinese sentence (engine/tracking); in English the tooltip says what it rests on
          el(
            'p',
            {
              class: 'hint stat-note',
              title: lang() === 'en' ? t('m.adjustmentBasis', { agreed: k.byStatus.agreed ?? 0, declined: k.byStatus.declined ?? 0 }) : k.adjustmentNote,
            },
            k.adjusted ? t('m.adjusted') : t('m.notAdjusted'),
          ),
        ),
      ),
    ),
  ];
}
