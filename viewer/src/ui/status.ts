import { ApiError } from '../api/apiError.ts';
import { lang, t, type MessageKey } from '../i18n/i18n.ts';
import { el } from './el.ts';

/** The three states every data-bound area has besides "loaded": loading, empty, and error. */
export function loadingState(label = t('state.loading')): HTMLElement {
  return el('div', { class: 'state state-loading', role: 'status', 'aria-live': 'polite' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
}

export function emptyState(message: string, title = t('state.empty')): HTMLElement {
  return el('div', { class: 'state state-empty', role: 'status' }, el('p', { class: 'state-title' }, title), el('p', {}, message));
}

/**
 * The API titles its problems in both languages, Chinese first ("未找到 Not found"): the screen shows the
 * half in the user's language. A title of another shape is shown as it is.
 */
export function problemTitle(title: string): string {
  const halves = /^([^A-Za-z]+?) ([A-Za-z].*)$/.exec(title);
  if (!halves) return title;
  return lang() === 'en' ? halves[2]! : halves[1]!;
}

const explainedStatuses = new Set([400, 401, 403, 404, 409, 413, 415, 429, 503]);

/**
 * What a problem's status means, said before the server's words; null for a failure the viewer
 * describes itself (no answer: 0; an unreadable answer: 2xx), whose detail is already in the user's language.
 */
export function problemLead(status: number): MessageKey | null {
  if (status < 400) return null;
  return explainedStatuses.has(status) ? (`problem.${status}` as MessageKey) : status >= 500 ? 'problem.5xx' : 'problem.other';
}

/**
 * An API problem's detail is the server's sentence in English: it is said first in the user's language
 * (problemLead), and the server's words follow as sent, marked as data (not translated).
 */
export function problemDetail(problem: ApiError): HTMLElement | null {
  if (!problem.detail) return null;
  const lead = problemLead(problem.status);
  if (!lead) return el('p', { class: 'state-detail' }, problem.detail);
  return el('p', { class: 'state-detail' }, t(lead), ' ', el('span', { class: 'mono', translate: 'no' }, problem.detail));
}

/** An API problem shows its own title (in the user's language) and detail (and the offending fields); anything else its message. */
export function errorState(error: unknown, retry?: () => void): HTMLElement {
  const problem = error instanceof ApiError ? error : null;
  const title = problem ? problemTitle(problem.title) : t('state.error');
  const detail = problem ? problem.detail : error instanceof Error ? error.message : String(error);
  return el(
    'div',
    { class: 'state state-error', role: 'alert' },
    el('p', { class: 'state-title' }, el('span', { class: 'state-icon', 'aria-hidden': 'true' }, '!'), title),
    problem ? problemDetail(problem) : detail ? el('p', { class: 'state-detail' }, detail) : null,
    problem && problem.fieldErrors.length > 0
      ? el(
          'ul',
          { class: 'state-fields' },
          // the field's name is the API's identifier and the message the server's words: both data
          problem.fieldErrors.map((f) =>
            el(
              'li',
              {},
              `${t('state.field')} `,
              el('code', { translate: 'no' }, f.path),
              lang() === 'en' ? ': ' : '：',
              el('span', { translate: 'no' }, f.message),
            ),
          ),
        )
      : null,
    problem && problem.status ? el('p', { class: 'state-status' }, `HTTP ${problem.status}`) : null,
    retry ? el('button', { type: 'button', class: 'btn', onclick: () => retry() }, t('state.retry')) : null,
  );
}

/**
 * Renders `load()` into `container`: a loading state first, then `render(data)`, or the error state
 * with a retry button. Returns a function that stops a late answer from overwriting a newer view.
 */
export function bind<T>(container: HTMLElement, load: () => Promise<T>, render: (data: T) => void): () => void {
  let live = true;
  const run = () => {
    container.replaceChildren(loadingState());
    container.setAttribute('aria-busy', 'true');
    load().then(
      (data) => {
        if (!live) return;
        container.removeAttribute('aria-busy');
        container.replaceChildren();
        render(data);
      },
      (error: unknown) => {
        if (!live) return;
        container.removeAttribute('aria-busy');
        container.replaceChildren(errorState(error, run));
      },
    );
  };
  run();
  return () => {
    live = false;
  };
}
