import type { ViewDefinition } from '../app/router.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { el } from '../ui/el.ts';

/** A placeholder for a view whose API has not landed yet: says what it will do, never a blank page. */
export function comingSoonView(section: string, pattern: string, nav: MessageKey, description: MessageKey): ViewDefinition {
  return {
    id: `soon-${section}`,
    pattern,
    section,
    mount({ container }) {
      const render = () =>
        container.replaceChildren(el('section', { class: 'view view-soon', 'aria-labelledby': 'view-title' },
          el('header', { class: 'view-head' }, el('h1', { id: 'view-title' }, t(nav))),
          el('div', { class: 'state state-soon', role: 'status' },
            el('span', { class: 'soon-badge' }, t('soon.title')),
            el('p', { class: 'soon-text' }, t(description)),
            el('p', { class: 'muted' }, t('soon.hint')))));
      render();
      return { relabel: render };
    },
  };
}
