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

/** What opened each panel: Escape inside the panel returns focus there (the panel "closes" for the keyboard). */
const openers = new WeakMap<HTMLElement, () => HTMLElement | null>();

/**
 * A result's panel was opened by a person (a candidate, a demand or an offer picked from a list): focus
 * moves to the panel's heading, and Escape inside the panel brings focus back to the item that opened it.
 * `opener` is asked at Escape time, because lists redraw and the element that was clicked may be gone.
 */
export function focusOpenedPanel(panel: HTMLElement, heading: HTMLElement | null | undefined, opener: () => HTMLElement | null): void {
  focusHeading(heading);
  if (!openers.has(panel)) {
    panel.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      const target = openers.get(panel)?.();
      if (!target?.isConnected) return;
      event.preventDefault();
      target.focus();
    });
  }
  openers.set(panel, opener);
}
