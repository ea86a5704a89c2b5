import './signInBox.css';
import { ApiError } from '../api/apiError.ts';
import { onApiKeyChange, session, sessionHours, setApiKey, setIdentity } from '../api/apiKey.ts';
import { t } from '../i18n/i18n.ts';
import { el } from './el.ts';
import { whoAmI } from './whoAmI.ts';

/**
 * The header's sign-in (issue 16 item 7): signed out, a "登录" button that opens a key box checked
 * against GET /me; signed in, who it is and "退出", which forgets the key in every tab. Follows
 * sign-ins and sign-outs made elsewhere (another tab, a view's key form).
 */
export function signInBox(): { element: HTMLElement; relabel(): void } {
  const root = el('div', { class: 'sign-in', id: 'sign-in' });
  let open = false;
  let error = '';
  let checking = false;

  const signIn = async (key: string) => {
    checking = true;
    error = '';
    render();
    try {
      const me = await whoAmI(key);
      if (!me.keyed) throw new ApiError(401, '');
      open = false;
      setApiKey(key, { id: me.id, name: me.name, scopes: me.scopes, admin: me.admin });
    } catch (e) {
      error = e instanceof ApiError && e.status === 401 ? t('session.badKey') : t('session.unreachable');
    } finally {
      checking = false;
      render();
    }
  };

  /** A key set without an identity (a view's key form): ask /me who it is; a key the API refuses is dropped. */
  const fillIdentity = (key: string) => {
    whoAmI(key).then(
      (me) => (me.keyed ? setIdentity({ id: me.id, name: me.name, scopes: me.scopes, admin: me.admin }) : setApiKey(null)),
      (e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setApiKey(null);
      },
    );
  };

  const render = () => {
    const current = session();
    if (current) {
      const who = current.identity?.name ?? t('session.checking');
      if (!current.identity) fillIdentity(current.key);
      const role = current.identity?.admin ? t('session.admin') : current.identity && !current.identity.scopes.includes('write') ? t('session.readOnly') : '';
      root.replaceChildren(
        el(
          'span',
          { class: 'signed-in-as', id: 'signed-in-as' },
          t('session.signedInAs', { name: who }),
          role ? el('span', { class: 'muted' }, ` · ${role}`) : '',
        ),
        el('button', { type: 'button', class: 'btn small', id: 'sign-out', onclick: () => setApiKey(null) }, t('session.signOut')),
      );
      return;
    }
    const toggle = el(
      'button',
      { type: 'button', class: 'btn small', id: 'sign-in-toggle', 'aria-expanded': String(open), 'aria-controls': 'sign-in-form' },
      t('session.signIn'),
    );
    toggle.addEventListener('click', () => {
      open = !open;
      error = '';
      render();
      root.querySelector<HTMLInputElement>('#sign-in-key')?.focus();
    });
    if (!open) return root.replaceChildren(toggle);
    const input = el('input', {
      id: 'sign-in-key',
      type: 'password',
      class: 'input',
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'sign-in-hint sign-in-error',
      'aria-invalid': error ? 'true' : undefined,
    });
    const form = el(
      'form',
      { class: 'sign-in-form', id: 'sign-in-form' },
      el('label', { for: 'sign-in-key', class: 'label' }, t('session.keyLabel')),
      el(
        'div',
        { class: 'field-inline' },
        input,
        el('button', { type: 'submit', class: 'btn primary', id: 'sign-in-submit', disabled: checking }, t('session.submit')),
      ),
      el('small', { id: 'sign-in-hint', class: 'hint' }, t('session.hint', { hours: sessionHours })),
      el('p', { id: 'sign-in-error', class: 'field-error', role: 'alert' }, error),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!input.value.trim()) return input.focus();
      void signIn(input.value.trim());
    });
    root.replaceChildren(toggle, form);
    if (error) input.focus();
  };

  onApiKeyChange(() => render()); // the header lives as long as the page
  render();
  return { element: root, relabel: render };
}
