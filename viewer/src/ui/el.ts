type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/**
 * Creates an element: `el('button', { class: 'x', onclick: f }, 'text')`. Attributes whose value is
 * false, null or undefined are left out; `on*` functions become listeners. Text is always set as
 * text, never parsed as HTML, so data from the API cannot inject markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * Data as it was recorded — the name of a firm, person, unit, park or product, a place, a demand's own
 * words — in a span marked `translate="no"`, HTML's marker for text that is not to be translated. In the
 * English UI such text stays Chinese; the English sweep (viewer/e2e/everyViewInEnglish.test.ts) leaves
 * out what is marked so, and only that.
 */
export function dataText(text: string, attrs: Record<string, string | undefined> = {}): HTMLSpanElement {
  return el('span', { ...attrs, translate: 'no' }, text);
}
