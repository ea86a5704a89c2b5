/**
 * One floating tooltip for the page. It mirrors what hover shows for keyboard focus too, and is
 * aria-hidden because every figure it shows is also in the element's accessible name or the panel.
 */
let tip: HTMLDivElement | null = null;

function node(): HTMLDivElement {
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'tooltip';
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    document.body.append(tip);
  }
  return tip;
}

export function showTooltip(content: Node, anchor: { x: number; y: number }): void {
  const n = node();
  n.replaceChildren(content);
  n.hidden = false;
  const margin = 12;
  const { width, height } = n.getBoundingClientRect();
  const left = anchor.x + margin + width > window.innerWidth ? anchor.x - margin - width : anchor.x + margin;
  const top = Math.min(Math.max(8, anchor.y + margin), window.innerHeight - height - 8);
  n.style.left = `${Math.max(8, left) + window.scrollX}px`;
  n.style.top = `${top + window.scrollY}px`;
}

export function hideTooltip(): void {
  if (tip) tip.hidden = true;
}
