/**
 * Keyboard focus follows what opens (issue 16 item 8): after Enter on a chain-map segment the page
 * changes under the focused element, and after picking a candidate or a search result a detail panel
 * opens elsewhere on the page; without a move, focus falls back to the body and a keyboard or
 * screen-reader user starts again from the top. The panel's heading takes focus (tabindex=-1: it can
 * be focused from code, it is not a tab stop).
 */
export function focusHeading(heading: HTMLElement | null | undefined): void {
  if (!heading) return;
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** Whether focus has nowhere to be: the element that had it was removed (a route change) or it is on the body. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}
