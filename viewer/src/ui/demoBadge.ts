import { t } from '../i18n/i18n.ts';
import { el } from './el.ts';

/**
 * The 演示数据 / demo mark on a record the seeded generator invented (`demo: true` from the API):
 * an officer must never take an invented firm or USCC to a director as real. Every list, detail and
 * graph that shows such a record puts this badge beside its name; `null` for real records, so a
 * caller can pass the result straight to `el(…)` as a child.
 */
export function demoBadge(demo: boolean | undefined): HTMLElement | null {
  if (!demo) return null;
  return el('span', { class: 'badge demo-badge', title: t('demo.title') }, t('demo.badge'));
}
