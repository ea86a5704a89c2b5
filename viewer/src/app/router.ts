/**
 * A small hash router: `#/chain/biomed/segment/biomed.cdmo` matches `/chain/:chainId/segment/:segmentId`.
 * Views are separate modules that register a pattern; the router mounts one at a time into the main
 * area and tells it when only its parameters change (so it can keep its controls and focus).
 */
export type Params = Record<string, string>;

export interface ViewContext {
  container: HTMLElement;
  params: Params;
  query: URLSearchParams;
}

export interface ViewInstance {
  /** Same view, new parameters; without it the view is mounted afresh. */
  update?(params: Params, query: URLSearchParams): void;
  /** The language changed: redraw labels from the data already loaded. */
  relabel?(): void;
  destroy?(): void;
}

export interface ViewDefinition {
  id: string;
  pattern: string;
  /** The nav entry this view highlights. */
  section: string;
  mount(context: ViewContext): ViewInstance;
}

/** Parameters of `path` under `pattern`, or null. Segments are URI-decoded; dots and hyphens are plain. */
export function matchRoute(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== have[i]) return null;
  }
  return params;
}

/** `#/chain/x?mode=fill` → path `/chain/x` and its query. */
export function parseHash(hash: string): { path: string; query: URLSearchParams } {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(query) };
}

/** Builds a hash from path parts, encoding each one. */
export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export class Router {
  private readonly views: ViewDefinition[] = [];
  private current: { definition: ViewDefinition; instance: ViewInstance } | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly notFound: (container: HTMLElement, path: string) => void,
    private readonly onSection: (section: string | null) => void,
  ) {}

  register(definition: ViewDefinition): this {
    this.views.push(definition);
    return this;
  }

  start(): void {
    window.addEventListener('hashchange', () => this.dispatch());
    this.dispatch();
  }

  relabel(): void {
    if (!this.current) return this.dispatch();
    if (this.current.instance.relabel) this.current.instance.relabel();
    else this.remount();
  }

  private remount(): void {
    this.current?.instance.destroy?.();
    this.current = null;
    this.dispatch();
  }

  private dispatch(): void {
    const { path, query } = parseHash(location.hash);
    for (const definition of this.views) {
      const params = matchRoute(definition.pattern, path);
      if (!params) continue;
      this.onSection(definition.section);
      if (this.current?.definition === definition && this.current.instance.update) {
        this.current.instance.update(params, query);
        return;
      }
      this.current?.instance.destroy?.();
      this.container.replaceChildren();
      this.current = { definition, instance: definition.mount({ container: this.container, params, query }) };
      return;
    }
    this.current?.instance.destroy?.();
    this.current = null;
    this.onSection(null);
    this.container.replaceChildren();
    this.notFound(this.container, path);
  }
}
