import './board.css';
import type { Demand, Offer, ResourceKind } from '../api/types.ts';
import { t, tData, type MessageKey } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { fieldsFor, fieldText, formBody, type FieldSpec } from './boardFields.ts';
import { boardProblem } from './boardProblem.ts';
import type { Side } from './resourcesState.ts';
import { resourceKinds } from './terms.ts';

export interface BoardFormOptions {
  side: Side;
  /** The record as read (its version goes with the edit as If-Match); none to create. */
  record?: Offer | Demand;
  kind?: ResourceKind;
  submit(body: Record<string, unknown>): Promise<unknown>;
  cancel(): void;
}

const inputType = (spec: FieldSpec) => (spec.type === 'date' ? 'date' : 'text');

/**
 * The board's form for one offer or demand: the fields of its side and kind, the API's messages beside
 * the fields they name after a refused write, and a sentence for the whole (stale, forbidden, …).
 */
export function boardForm(options: BoardFormOptions): HTMLFormElement {
  const { side, record } = options;
  let kind: ResourceKind = record?.kind ?? options.kind ?? 'site';
  const form = el('form', { class: 'board-form', novalidate: true, 'aria-labelledby': 'board-form-title' });
  const message = el('div', { class: 'board-message', role: 'alert', 'aria-live': 'assertive' });
  const fieldsHost = el('div', { class: 'board-fields' });
  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const errors = new Map<string, HTMLElement>();

  const renderFields = () => {
    const typed = new Map([...inputs].map(([name, input]) => [name, input.value]));
    inputs.clear();
    errors.clear();
    fieldsHost.replaceChildren(
      ...fieldsFor(side, kind)
        .filter((spec) => !(record && spec.createOnly))
        .map((spec) => {
          const id = `board-${spec.name}`;
          const value = typed.get(spec.name) ?? fieldText(record ? (record as unknown as Record<string, unknown>)[spec.name] : undefined);
          const attrs = {
            id,
            name: spec.name,
            class: 'input',
            'aria-describedby': `${id}-error`,
            required: spec.required ?? false,
            inputmode: spec.type === 'number' ? 'decimal' : spec.type === 'integer' ? 'numeric' : undefined,
          };
          const input =
            spec.type === 'textarea' ? el('textarea', { ...attrs, rows: 3 }) : el('input', { ...attrs, type: inputType(spec), autocomplete: 'off' });
          input.value = value;
          inputs.set(spec.name, input);
          const error = el('p', { class: 'field-error', id: `${id}-error` });
          errors.set(spec.name, error);
          const hint = spec.type === 'list' ? el('small', { class: 'hint' }, t('board.listHint')) : null;
          return el(
            'div',
            { class: `board-field${spec.type === 'textarea' ? ' wide' : ''}` },
            el(
              'label',
              { for: id, class: 'label' },
              t(`board.field.${spec.name}` as MessageKey),
              spec.required ? el('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : '',
            ),
            input,
            hint,
            error,
          );
        }),
    );
  };

  const kindField = record
    ? el('p', { class: 'board-kind' }, t('board.kindFixed', { kind: tData('rkind', kind) }))
    : (() => {
        const select = el(
          'select',
          { id: 'board-kind', class: 'input' },
          resourceKinds.map((k) => el('option', { value: k }, tData('rkind', k))),
        );
        select.value = kind;
        select.addEventListener('change', () => {
          kind = select.value as ResourceKind;
          renderFields();
        });
        return el('div', { class: 'board-field' }, el('label', { for: 'board-kind', class: 'label' }, t('board.field.kind')), select);
      })();

  const title = t(record ? (side === 'offers' ? 'board.editOffer' : 'board.editDemand') : side === 'offers' ? 'board.newOffer' : 'board.newDemand');
  const save = el('button', { type: 'submit', class: 'btn primary', id: 'board-save' }, t('board.save'));
  form.append(
    el('h3', { id: 'board-form-title' }, title, record ? el('span', { class: 'muted' }, ` ${record.title}`) : ''),
    message,
    kindField,
    fieldsHost,
    el('div', { class: 'board-actions' }, save, el('button', { type: 'button', class: 'btn', onclick: () => options.cancel() }, t('board.cancel'))),
  );
  renderFields();

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const [, error] of errors) error.replaceChildren();
    for (const [, input] of inputs) input.removeAttribute('aria-invalid');
    message.replaceChildren();
    const values = Object.fromEntries([...inputs].map(([name, input]) => [name, input.value]));
    const body = formBody(fieldsFor(side, kind), values, kind, record as unknown as Record<string, unknown> | undefined);
    if (record && Object.keys(body).length === 0) return message.replaceChildren(el('p', {}, t('board.nothingChanged')));
    save.disabled = true;
    options.submit(body).then(
      () => {
        save.disabled = false;
      },
      (error: unknown) => {
        save.disabled = false;
        const problem = boardProblem(error);
        const unplaced: string[] = [];
        for (const [field, messages] of problem.byField) {
          const slot = errors.get(field);
          if (slot) {
            slot.textContent = messages.join('；');
            inputs.get(field)?.setAttribute('aria-invalid', 'true');
          } else unplaced.push(`${field ? `${field}: ` : ''}${messages.join('；')}`);
        }
        message.replaceChildren(
          el('p', { class: 'board-problem' }, t(problem.message)),
          unplaced.length > 0
            ? el(
                'ul',
                {},
                unplaced.map((u) => el('li', {}, u)),
              )
            : '',
          // the API's own words (bilingual, for whoever needs the particulars), folded away
          problem.detail ? el('details', { class: 'board-detail' }, el('summary', {}, t('board.details')), el('p', { class: 'muted' }, problem.detail)) : '',
        );
        const first = [...problem.byField.keys()].map((f) => inputs.get(f)).find(Boolean);
        (first ?? message).focus?.();
      },
    );
  });
  return form;
}
