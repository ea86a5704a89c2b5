import type { PartnerMode } from '../api/types.ts';
import { t, tData, type MessageKey } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';
import { normaliseProvince } from './provinces.ts';
import { activeFilterCount, enterpriseSizes, enterpriseTags, limits, splitList, type FilterState } from './partnerQuery.ts';

export interface ControlHandlers {
  onMode(mode: PartnerMode): void;
  onFilters(filters: FilterState): void;
  onExport(format: 'csv' | 'xlsx'): void;
}

const modes: PartnerMode[] = ['fill', 'strengthen', 'extend'];
const modeWhy = { fill: 'cand.modeWhy.fill', strengthen: 'cand.modeWhy.strengthen', extend: 'cand.modeWhy.extend' } as const satisfies Record<
  PartnerMode,
  MessageKey
>;

/** Offers the provinces seen so far as suggestions, without rebuilding the form (focus stays put). */
export function setProvinceSuggestions(root: ParentNode, provinces: string[]): void {
  root.querySelector('#f-province-list')?.replaceChildren(...provinces.map((p) => el('option', { value: p })));
}

/** 补链 / 强链 / 延链 as one radio group (arrow keys move between them, as native radios do). */
function modeSwitch(mode: PartnerMode, fitting: readonly PartnerMode[], onMode: (m: PartnerMode) => void): HTMLElement {
  return el(
    'fieldset',
    { class: 'mode-switch' },
    el('legend', { class: 'label' }, t('cand.mode')),
    modes.map((m) => {
      // A mode that does not fit the segment stays visible, disabled, saying why (强链 needs local firms …).
      const unfit = !fitting.includes(m);
      const why = unfit ? t('cand.modeUnfit', { why: t(modeWhy[m]) }) : null;
      const input = el('input', {
        type: 'radio',
        name: 'partner-mode',
        value: m,
        id: `mode-${m}`,
        checked: m === mode,
        disabled: unfit,
        title: why,
        onchange: () => onMode(m),
      });
      return el('span', { class: `mode-option${unfit ? ' unfit' : ''}`, title: why }, input, el('label', { for: `mode-${m}` }, tData('action', m)));
    }),
  );
}

function filterForm(filters: FilterState, provinces: string[], onFilters: (f: FilterState) => void): HTMLElement {
  const n = activeFilterCount(filters);
  const tagBoxes = enterpriseTags.map((tag) =>
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'tags', value: tag, checked: filters.tags.includes(tag) }), tData('tag', tag)),
  );
  const provinceInput = el('input', {
    id: 'f-provinces',
    name: 'provinces',
    class: 'input',
    list: 'f-province-list',
    value: filters.provinces.join(', '),
    'aria-describedby': 'f-provinces-hint',
    autocomplete: 'off',
  });
  const sizeSelect = el(
    'select',
    { id: 'f-size', name: 'minSize', class: 'input' },
    el('option', { value: '' }, t('cand.anySize')),
    enterpriseSizes.map((s) => el('option', { value: s, selected: filters.minSize === s }, tData('size', s))),
  );
  const keywordInput = el('input', {
    id: 'f-keywords',
    name: 'excludeKeywords',
    class: 'input',
    value: filters.excludeKeywords.join(', '),
    'aria-describedby': 'f-keywords-hint',
    autocomplete: 'off',
  });
  const intermediaries = el('input', { type: 'checkbox', name: 'includeIntermediaries', id: 'f-intermediaries', checked: filters.includeIntermediaries });
  const limitSelect = el(
    'select',
    { id: 'f-limit', name: 'limit', class: 'input' },
    limits.map((l) => el('option', { value: l, selected: filters.limit === l }, String(l))),
  );

  const form = el(
    'form',
    { class: 'filter-form' },
    el('fieldset', { class: 'tags' }, el('legend', { class: 'label' }, t('cand.tags')), el('div', { class: 'check-grid' }, tagBoxes)),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'f-provinces', class: 'label' }, t('cand.provinces')),
      provinceInput,
      el(
        'datalist',
        { id: 'f-province-list' },
        provinces.map((p) => el('option', { value: p })),
      ),
      el('small', { id: 'f-provinces-hint', class: 'hint' }, t('cand.provincesHint')),
    ),
    el(
      'div',
      { class: 'field-row' },
      el('div', { class: 'field' }, el('label', { for: 'f-size', class: 'label' }, t('cand.minSize')), sizeSelect),
      el('div', { class: 'field' }, el('label', { for: 'f-limit', class: 'label' }, t('cand.limit')), limitSelect),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'f-keywords', class: 'label' }, t('cand.excludeKeywords')),
      keywordInput,
      el('small', { id: 'f-keywords-hint', class: 'hint' }, t('cand.excludeHint')),
    ),
    el('label', { class: 'check', for: 'f-intermediaries' }, intermediaries, t('cand.includeIntermediaries')),
    el(
      'div',
      { class: 'form-actions' },
      el('button', { type: 'submit', class: 'btn primary' }, t('cand.apply')),
      el('button', { type: 'reset', class: 'btn' }, t('cand.reset')),
    ),
  );
  const read = (): FilterState => ({
    tags: tagBoxes
      .map((l) => l.querySelector('input')!)
      .filter((i) => i.checked)
      .map((i) => i.value as FilterState['tags'][number]),
    provinces: splitList(provinceInput.value).map((p) => normaliseProvince(p)),
    minSize: sizeSelect.value as FilterState['minSize'],
    excludeKeywords: splitList(keywordInput.value),
    includeIntermediaries: intermediaries.checked,
    limit: Number(limitSelect.value) || filters.limit,
  });
  const summary = el('summary', {});
  const apply = (next: FilterState) => {
    const active = activeFilterCount(next);
    summary.textContent = active > 0 ? t('cand.filtersActive', { n: active }) : t('cand.filters');
    onFilters(next);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(read());
  });
  // The native reset restores the values the form was built with; clearing means empty fields.
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const input of form.querySelectorAll('input')) {
      if (input.type === 'checkbox') input.checked = false;
      else input.value = '';
    }
    sizeSelect.value = '';
    apply(read());
  });
  summary.textContent = n > 0 ? t('cand.filtersActive', { n }) : t('cand.filters');
  return el('details', { class: 'filters', open: n > 0 }, summary, form);
}

export function candidateControls(
  mode: PartnerMode,
  fitting: readonly PartnerMode[],
  filters: FilterState,
  provinces: string[],
  handlers: ControlHandlers,
): HTMLElement {
  return el(
    'div',
    { class: 'candidate-controls' },
    el(
      'div',
      { class: 'controls-row' },
      modeSwitch(mode, fitting, handlers.onMode),
      el(
        'div',
        { class: 'toolbar-end' },
        el('button', { type: 'button', class: 'btn', 'data-export': 'csv', onclick: () => handlers.onExport('csv') }, t('cand.exportCsv')),
        el('button', { type: 'button', class: 'btn', 'data-export': 'xlsx', onclick: () => handlers.onExport('xlsx') }, t('cand.exportXlsx')),
      ),
    ),
    filterForm(filters, provinces, handlers.onFilters),
  );
}
