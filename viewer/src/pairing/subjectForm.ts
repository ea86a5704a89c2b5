import type { TextProvider } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { entityPicker } from '../ui/entityPicker.ts';
import type { Matcher } from './matcher.ts';
import { pairingLimits } from './pairingQuery.ts';
import type { PairingState } from './pairingState.ts';

/**
 * A tab's form: who or what to match (a picked firm or research unit, or words), the matcher's own
 * fields, and how many results. Picking an entity runs at once; words wait for the submit button.
 */
export function subjectForm<R extends { items: I[]; textProvider: TextProvider }, I>(
  matcher: Matcher<R, I>,
  state: PairingState,
  actions: { run(): void; kindChanged(): void },
): HTMLElement[] {
  const panel = matcher.panel(state);
  const { id, words } = matcher;
  const extra = matcher.fields(state);
  const kindSwitch = el(
    'fieldset',
    { class: 'mode-switch subject-switch' },
    el('legend', { class: 'label' }, t('pair.subject')),
    matcher.kinds.map((k) =>
      el(
        'span',
        { class: 'mode-option' },
        el('input', {
          type: 'radio',
          name: `${id}-kind`,
          value: k,
          id: `${id}-kind-${k}`,
          checked: k === panel.kind,
          onchange: () => {
            panel.kind = k;
            actions.kindChanged();
          },
        }),
        el('label', { for: `${id}-kind-${k}` }, tData('pair.kind', k)),
      ),
    ),
  );
  let subjectField: HTMLElement;
  if (panel.kind === 'text') {
    const area = el('textarea', { id: `${id}-text`, class: 'input', rows: 4, maxlength: 2000, 'aria-describedby': `${id}-text-hint` });
    area.value = panel.text;
    area.addEventListener('input', () => {
      panel.text = area.value;
    });
    subjectField = el(
      'div',
      {},
      el(
        'div',
        { class: 'field' },
        el('label', { for: `${id}-text`, class: 'label' }, t(words.text)),
        area,
        el('small', { id: `${id}-text-hint`, class: 'hint' }, t(words.textHint)),
      ),
      extra.withText,
    );
  } else {
    const kind = panel.kind;
    subjectField = entityPicker({
      id: `${id}-${kind}`,
      label: t(kind === 'enterprise' ? 'pair.pickEnterprise' : 'pair.pickUnit'),
      hint: t('pair.pickHint'),
      types: [kind === 'enterprise' ? 'Enterprise' : 'ResearchUnit'],
      initial: state.picked[kind],
      onPick: (e) => {
        state.picked = { ...state.picked, [kind]: e };
        actions.run();
      },
    }).element;
  }
  const limitSelect = el(
    'select',
    { id: `${id}-limit`, class: 'input' },
    pairingLimits.map((l) => el('option', { value: l, selected: panel.limit === l }, String(l))),
  );
  limitSelect.addEventListener('change', () => {
    panel.limit = Number(limitSelect.value);
  });
  const form = el(
    'form',
    { class: 'pair-form' },
    kindSwitch,
    subjectField,
    extra.beforeLimit ?? [],
    el('div', { class: 'field-row' }, el('div', { class: 'field' }, el('label', { for: `${id}-limit`, class: 'label' }, t('cand.limit')), limitSelect)),
    extra.afterLimit ?? [],
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'btn primary' }, t(words.run))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.run();
  });
  return [el('h2', {}, t(words.formTitle)), form];
}
