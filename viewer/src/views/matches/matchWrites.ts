import { api, ApiError } from '../../api/client.ts';
import { apiKey } from '../../api/apiKey.ts';
import type { MatchRecord, MatchStatus } from '../../api/types.ts';
import { t } from '../../i18n/i18n.ts';
import { focusKeyInput } from '../../ui/apiKeyForm.ts';
import { el } from '../../ui/el.ts';
import { errorState, problemDetail } from '../../ui/status.ts';
import { statusSymbols } from './matchCard.ts';
import type { MatchesState } from './matchesState.ts';

/**
 * The board's writes: moving a match to another status (with the note typed on its card) and setting or
 * clearing its due date. Each needs the key; the outcome is said in the message line, a 409 (somebody
 * moved it first) plainly, and the board is read again.
 */
export function matchWrites(state: MatchesState, areas: { message: HTMLElement; keyArea: HTMLElement }, loadColumns: () => void) {
  const { message, keyArea } = areas;
  const showMessage = (kindOf: 'ok' | 'error', content: (Node | string)[]) => {
    message.replaceChildren(el('div', { class: kindOf === 'ok' ? 'match-ok' : 'record-error', role: kindOf === 'ok' ? 'status' : 'alert' }, content));
  };

  /** Without a key a write cannot succeed: say so and take the user to the key field. */
  const needsKey = () => {
    if (apiKey()) return false;
    showMessage('error', [el('p', { class: 'state-title' }, t('m.needKey'))]);
    focusKeyInput(keyArea);
    return true;
  };

  const setDue = (m: MatchRecord, dueDate: string | null, button: HTMLButtonElement) => {
    if (needsKey()) return;
    button.disabled = true;
    api.updateMatch(m.id, { dueDate }).then(
      (updated) => {
        state.focus = updated.id;
        const name = updated.candidateName || updated.candidateId;
        showMessage('ok', [dueDate ? t('m.dueSet', { name, date: dueDate }) : t('m.dueCleared', { name })]);
        loadColumns();
      },
      (error: unknown) => {
        button.disabled = false;
        showMessage('error', [errorState(error)]);
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) focusKeyInput(keyArea);
      },
    );
  };

  const transition = (m: MatchRecord, to: MatchStatus, button: HTMLButtonElement) => {
    if (needsKey()) return;
    button.disabled = true;
    const note = state.notes.get(m.id)?.trim();
    api.updateMatch(m.id, { status: to, note: note || undefined }).then(
      (updated) => {
        state.notes.delete(m.id);
        state.focus = updated.id;
        showMessage('ok', [
          el('span', { 'aria-hidden': 'true' }, `${statusSymbols[to]} `),
          t('m.moved', { name: updated.candidateName || updated.candidateId, status: t(`status.${to}`) }),
        ]);
        loadColumns();
      },
      (error: unknown) => {
        button.disabled = false;
        const problem = error instanceof ApiError ? error : null;
        if (problem?.status === 409) {
          showMessage('error', [
            el('p', { class: 'state-title' }, el('span', { class: 'state-icon', 'aria-hidden': 'true' }, '!'), t('m.conflict')),
            el('p', {}, t('m.conflictDetail', { name: m.candidateName || m.candidateId, status: t(`status.${to}`) })),
            problemDetail(problem) ?? '',
            el('p', { class: 'muted' }, t('m.reloaded')),
          ]);
          loadColumns();
        } else {
          showMessage('error', [errorState(error)]);
          if (problem?.status === 401 || problem?.status === 403) focusKeyInput(keyArea);
        }
      },
    );
  };

  return { setDue, transition };
}
