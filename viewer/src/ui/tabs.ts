import { el } from './el.ts';

export interface TabItem {
  key: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  element: HTMLElement;
  select(key: string, focus?: boolean): void;
  relabel(labels: Record<string, string>, listLabel: string): void;
  selected(): string;
}

/**
 * WAI-ARIA tabs: one tab stop for the list, arrow keys (and Home/End) move and activate, each panel
 * is labelled by its tab. Panels stay in the DOM (hidden) so their state survives switching.
 */
export function tabs(id: string, items: TabItem[], listLabel: string, initial: string, onSelect: (key: string) => void = () => {}): Tabs {
  let current = items.some((i) => i.key === initial) ? initial : items[0].key;
  const buttons = items.map((item) =>
    el(
      'button',
      { type: 'button', role: 'tab', id: `${id}-tab-${item.key}`, 'aria-controls': `${id}-panel-${item.key}`, class: 'tab', 'data-key': item.key },
      item.label,
    ),
  );
  const list = el('div', { role: 'tablist', class: 'tablist', 'aria-label': listLabel }, buttons);
  for (const item of items) {
    item.panel.id = `${id}-panel-${item.key}`;
    item.panel.setAttribute('role', 'tabpanel');
    item.panel.setAttribute('aria-labelledby', `${id}-tab-${item.key}`);
    item.panel.classList.add('tabpanel');
  }
  const apply = () => {
    items.forEach((item, i) => {
      const on = item.key === current;
      buttons[i].setAttribute('aria-selected', String(on));
      buttons[i].tabIndex = on ? 0 : -1;
      item.panel.hidden = !on;
    });
  };
  const select = (key: string, focus = false) => {
    const i = items.findIndex((x) => x.key === key);
    if (i < 0) return;
    const changed = key !== current;
    current = key;
    apply();
    if (focus) buttons[i].focus();
    if (changed) onSelect(key);
  };
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button[role="tab"]');
    if (button) select(button.getAttribute('data-key')!);
  });
  list.addEventListener('keydown', (event) => {
    const i = items.findIndex((x) => x.key === current);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: items.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(items[(next + items.length) % items.length].key, true);
  });
  apply();
  return {
    element: el(
      'div',
      { class: 'tabs' },
      list,
      items.map((i) => i.panel),
    ),
    select,
    relabel(labels, label) {
      list.setAttribute('aria-label', label);
      items.forEach((item, i) => {
        if (labels[item.key] !== undefined) buttons[i].textContent = labels[item.key];
      });
    },
    selected: () => current,
  };
}
