import { el } from './el.ts';

/**
 * A search hit's name with the matched parts in <mark>: built from the API's `highlight` parts as
 * text nodes, never as HTML, so a name cannot inject markup.
 */
export function highlighted(parts: readonly { text: string; hit: boolean }[], fallback: string): HTMLElement {
  const span = el('span', { class: 'hl' });
  if (parts.length === 0) span.textContent = fallback;
  for (const part of parts) span.append(part.hit ? el('mark', {}, part.text) : document.createTextNode(part.text));
  return span;
}
