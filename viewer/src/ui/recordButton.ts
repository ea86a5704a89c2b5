import { api, ApiError } from '../api/client.ts';
import { apiKey } from '../api/apiKey.ts';
import { recordBody, type RecordInput } from '../api/matchSnapshot.ts';
import { t } from '../i18n/i18n.ts';
import { apiKeyForm, focusKeyInput } from './apiKeyForm.ts';
import { el } from './el.ts';

/**
 * "Record this match": POST /matches with the recommendation and its explanation, as `proposed`.
 * Without a key it asks for one on the spot (once per tab); a pair already followed up (409) says so
 * plainly; success links to match tracking.
 */
export function recordButton(input: RecordInput, idPrefix: string): HTMLElement {
  const button = el('button', { type: 'button', class: 'btn small record-btn', 'data-record': input.candidateId }, t('record.button'));
  const out = el('div', { class: 'record-status', 'aria-live': 'polite' });
  const root = el('div', { class: 'record' }, button, out);

  const send = () => {
    button.disabled = true;
    out.replaceChildren(el('span', { class: 'muted' }, t('record.saving')));
    api.recordMatch(recordBody(input)).then(
      (match) => {
        button.textContent = t('record.done');
        out.replaceChildren(
          el(
            'p',
            { class: 'record-ok' },
            el('span', { 'aria-hidden': 'true' }, '✓ '),
            t('record.ok', { status: t('status.proposed') }),
            ' ',
            el('a', { href: `#/matches?focus=${encodeURIComponent(match.id)}` }, t('record.open')),
          ),
        );
      },
      (error: unknown) => {
        button.disabled = false;
        const problem = error instanceof ApiError ? error : null;
        const title = problem?.status === 409 ? t('record.conflict') : (problem?.title ?? t('state.error'));
        const message = el(
          'div',
          { class: 'record-error', role: 'alert' },
          el('p', { class: 'state-title' }, el('span', { class: 'state-icon', 'aria-hidden': 'true' }, '!'), title),
          problem?.detail ? el('p', {}, problem.detail) : null,
          problem?.status === 409 ? el('p', {}, el('a', { href: '#/matches' }, t('record.open'))) : null,
        );
        out.replaceChildren(message);
        if (problem?.status === 401 || problem?.status === 403) {
          out.append(apiKeyForm(`${idPrefix}-retry`, send));
          focusKeyInput(out);
        }
      },
    );
  };

  button.addEventListener('click', () => {
    if (apiKey()) return send();
    out.replaceChildren(el('p', { class: 'muted' }, t('record.needKey')), apiKeyForm(idPrefix, send));
    focusKeyInput(out);
  });
  return root;
}
