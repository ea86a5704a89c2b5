import { apiKey, maskedKey, onApiKeyChange, setApiKey } from '../api/apiKey.ts';
import { t } from '../i18n/i18n.ts';
import { el } from './el.ts';

/**
 * Enter the API key once (kept for this tab in sessionStorage), or see that one is set and clear it.
 * Every copy on the page follows the same key.
 */
export function apiKeyForm(idPrefix: string, onSaved: () => void = () => {}): HTMLElement {
  const root = el('div', { class: 'api-key' });
  const render = () => {
    const key = apiKey();
    if (key) {
      root.replaceChildren(
        el(
          'p',
          { class: 'api-key-set' },
          t('key.set', { key: maskedKey(key) }),
          ' ',
          el('button', { type: 'button', class: 'btn small', onclick: () => setApiKey(null) }, t('key.clear')),
        ),
      );
      return;
    }
    const input = el('input', {
      id: `${idPrefix}-key`,
      type: 'password',
      class: 'input',
      autocomplete: 'off',
      'aria-describedby': `${idPrefix}-key-hint`,
      spellcheck: 'false',
    });
    const form = el(
      'form',
      { class: 'api-key-form' },
      el('label', { for: `${idPrefix}-key`, class: 'label' }, t('key.label')),
      el('div', { class: 'field-inline' }, input, el('button', { type: 'submit', class: 'btn primary' }, t('key.save'))),
      el('small', { id: `${idPrefix}-key-hint`, class: 'hint' }, t('key.hint')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!input.value.trim()) return input.focus();
      setApiKey(input.value);
      onSaved();
    });
    root.replaceChildren(form);
  };
  const stop = onApiKeyChange(() => {
    if (!root.isConnected) return stop();
    render();
  });
  render();
  return root;
}

/** Focuses the key box of a form made by `apiKeyForm`, if it shows one. */
export function focusKeyInput(root: ParentNode): void {
  root.querySelector<HTMLInputElement>('.api-key input[type="password"]')?.focus();
}
