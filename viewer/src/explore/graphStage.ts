import { zoomIdentity, type ZoomTransform } from 'd3';
import { createCanvasRenderer } from './canvasRenderer.ts';
import { drawData, type ExploreState } from './exploreState.ts';
import { graphBounds } from './graphExport.ts';
import { chooseLayoutHost, chooseRenderer } from './graphModel.ts';
import { createRunner, workerAvailable, type LayoutRunner } from './layoutHost.ts';
import { layoutSeed } from './layoutSeed.ts';
import type { DrawLink, DrawNode, GraphRenderer, RendererCallbacks } from './nodeStyle.ts';
import { createSvgRenderer } from './svgRenderer.ts';

/** The layout's progress after a fresh graph: fit at once, again once it has spread out (this tick), and at rest. */
const spreadTick = 40;
/** Zoom ceiling of an automatic fit, so a graph of three nodes is not blown up to fill the screen. */
const maxFitScale = 2;

/** What the picture needs from the view around it. */
export interface StageHooks {
  /** Click or Enter on a node. */
  activate(id: string): void;
  /** A node was pinned or let go (by dragging, the keyboard or a button). */
  pinChanged(id: string, pinned: boolean): void;
  /** Node states changed without a relayout (the node list shows them). */
  statesChanged(): void;
  /** What a screen reader hears for the whole picture. */
  aria(): string;
}

/** The picture's own state: where every node is and how the person has moved the view. */
interface StageLayout {
  ids: string[];
  indexOf: Map<string, number>;
  positions: Float32Array;
  transform: ZoomTransform;
  nodes: DrawNode[];
  links: DrawLink[];
  /** The person zoomed, panned or dragged: automatic fits stop. */
  userMoved: boolean;
  /** A press that moved (a drag) rather than a click. */
  dragMoved: boolean;
  ticks: number;
  fitted: boolean;
}

const freshLayout = (): StageLayout => ({
  ids: [],
  indexOf: new Map(),
  positions: new Float32Array(0),
  transform: zoomIdentity,
  nodes: [],
  links: [],
  userMoved: false,
  dragMoved: false,
  ticks: 0,
  fitted: false,
});

export type GraphStage = ReturnType<typeof createGraphStage>;

/**
 * The force-directed picture of the explorer's graph: the layout (main thread or Web Worker by size)
 * and the renderer (SVG or Canvas by size), kept in step with the state the view hands it.
 */
export function createGraphStage(surface: HTMLElement, state: ExploreState, hooks: StageHooks) {
  let layout = freshLayout();
  let runner: LayoutRunner | null = null;
  let renderer: GraphRenderer | null = null;

  const size = () => ({ width: Math.max(320, surface.clientWidth || 640), height: Math.max(320, surface.clientHeight || 480) });

  const fit = (animate = true) => {
    if (!renderer) return;
    const box = graphBounds(layout.nodes, layout.positions, 30);
    if (!box) return;
    const { width, height } = size();
    const k = Math.min(maxFitScale, 0.95 * Math.min(width / box.width, height / box.height));
    renderer.zoomTo(
      zoomIdentity
        .translate(width / 2, height / 2)
        .scale(k)
        .translate(-(box.x + box.width / 2), -(box.y + box.height / 2)),
      animate,
    );
  };

  const onTick = (next: Float32Array, settled: boolean) => {
    if (next.length !== layout.ids.length * 2) return; // a late answer for a graph since replaced
    layout.positions = next;
    renderer?.draw(next);
    surface.dataset.settled = String(settled);
    layout.ticks++;
    if (!layout.userMoved && ((!layout.fitted && (layout.ticks === 1 || layout.ticks === spreadTick)) || settled)) {
      if (layout.ticks >= spreadTick) layout.fitted = true;
      fit(layout.ticks > 1);
    }
  };

  const pin = (id: string) => {
    state.pinned.add(id);
    refreshStates();
    hooks.pinChanged(id, true);
  };

  const callbacks: RendererCallbacks = {
    activate: (id) => hooks.activate(id),
    unpin: (id) => setPinned(id, false),
    togglePin: (id) => setPinned(id, !state.pinned.has(id)),
    drag: (node, x, y, phase) => {
      if (!runner) return;
      // a press without movement is a click, not a drag: only a real move pins the node
      if (phase === 'start') layout.dragMoved = false;
      else if (phase === 'move') {
        layout.dragMoved = true;
        layout.userMoved = true;
        runner.drag(node.index, x, y);
      } else if (layout.dragMoved) {
        runner.drop(node.index);
        if (!state.pinned.has(node.id)) pin(node.id);
      }
    },
    zoomed: (next, byUser) => {
      layout.transform = next;
      if (byUser) layout.userMoved = true;
    },
  };

  const buildDraw = () => {
    const drawn = drawData(state, layout.indexOf);
    layout.nodes = drawn.nodes;
    layout.links = drawn.links;
  };

  /** Node states changed (pinned, expanded, selected): redraw without touching the layout. */
  function refreshStates() {
    buildDraw();
    renderer?.setData(layout.nodes, layout.links);
    renderer?.setSelected(state.selected);
    hooks.statesChanged();
  }

  function setPinned(id: string, on: boolean) {
    const i = layout.indexOf.get(id);
    if (i === undefined || !runner) return;
    if (on) {
      runner.drag(i, layout.positions[2 * i], layout.positions[2 * i + 1]);
      runner.drop(i);
      pin(id);
      return;
    }
    runner.unpin(i);
    state.pinned.delete(id);
    refreshStates();
    hooks.pinChanged(id, false);
  }

  /** Draws the loaded graph; with nothing loaded, shows `placeholder` instead. */
  const render = (placeholder: () => Node) => {
    buildDraw();
    if (state.graph.nodes.size === 0) {
      renderer?.destroy();
      renderer = null;
      surface.replaceChildren(placeholder());
      surface.removeAttribute('data-renderer');
      return;
    }
    const kind = chooseRenderer(layout.nodes.length);
    if (!renderer || renderer.kind !== kind) {
      renderer?.destroy();
      surface.replaceChildren();
      const { width, height } = size();
      const t0 = layout.transform;
      const initial = renderer ? t0 : t0 === zoomIdentity ? zoomIdentity.translate(width / 2, height / 2) : t0;
      renderer = (kind === 'canvas' ? createCanvasRenderer : createSvgRenderer)(surface, width, height, initial, hooks.aria(), callbacks);
    }
    renderer.element.setAttribute('aria-label', hooks.aria());
    surface.dataset.renderer = kind;
    surface.dataset.layout = runner?.host ?? 'main';
    renderer.setData(layout.nodes, layout.links);
    renderer.setSelected(state.selected);
    if (layout.positions.length === layout.ids.length * 2) renderer.draw(layout.positions);
  };

  /** Restarts the layout over every loaded node, keeping the places of those already laid out. */
  const relayout = (added: string[], anchorId: string | null, alpha: number) => {
    const seed = layoutSeed(state.graph, layout, state.pinned, added, anchorId);
    Object.assign(layout, { ids: seed.ids, indexOf: seed.indexOf, positions: seed.positions, ticks: 0 });
    const host = chooseLayoutHost(seed.ids.length, { workerAvailable: workerAvailable() });
    if (!runner || runner.host !== host) {
      runner?.destroy();
      runner = createRunner(host, onTick);
    }
    surface.dataset.settled = 'false';
    runner.start(seed.spec, alpha);
  };

  /** A new graph is coming: the old layout, renderer and view position go. */
  const reset = () => {
    runner?.destroy();
    runner = null;
    renderer?.destroy();
    renderer = null;
    layout = freshLayout();
  };

  const observer = new ResizeObserver(() => {
    const { width, height } = size();
    renderer?.resize(width, height);
  });
  observer.observe(surface);

  return {
    render,
    relayout,
    refreshStates,
    setPinned,
    fit,
    reset,
    zoomBy(factor: number) {
      layout.userMoved = true;
      renderer?.zoomBy(factor);
    },
    select(id: string | null) {
      renderer?.setSelected(id);
    },
    focusNode(id: string) {
      renderer?.focusNode(id);
    },
    /** What is drawn now, for the status line, the node list, the details and the export. */
    drawn: () => ({ nodes: layout.nodes, links: layout.links, positions: layout.positions, indexOf: layout.indexOf }),
    rendererKind: () => renderer?.kind ?? null,
    layoutHost: () => runner?.host ?? null,
    destroy() {
      observer.disconnect();
      runner?.destroy();
      renderer?.destroy();
    },
  };
}
