import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type Simulation,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3';

/**
 * The force layout as a pure step function over plain data, shared by the main thread (small graphs)
 * and the Web Worker (large ones): build it once from a spec, then `stepLayout` advances it and
 * returns the positions as one flat array [x0, y0, x1, y1, …] in the spec's node order.
 */
export interface LayoutSpec {
  nodes: { id: string; x?: number; y?: number; fixed?: boolean }[];
  /** Indexes into `nodes`. */
  links: { source: number; target: number }[];
}

type Node = SimulationNodeDatum & { id: string };
type Link = SimulationLinkDatum<Node>;

export interface LayoutState {
  simulation: Simulation<Node, Link>;
  nodes: Node[];
}

/** Forces tuned by size: big graphs get a cheaper many-body (coarser Barnes–Hut, bounded reach) and no collision pass. */
export function createLayout(spec: LayoutSpec, alpha = 1): LayoutState {
  const n = spec.nodes.length;
  const large = n > 1500;
  const nodes: Node[] = spec.nodes.map((s) => {
    const node: Node = { id: s.id };
    if (s.x !== undefined && s.y !== undefined && Number.isFinite(s.x) && Number.isFinite(s.y)) {
      node.x = s.x;
      node.y = s.y;
    }
    if (s.fixed && node.x !== undefined) {
      node.fx = node.x;
      node.fy = node.y;
    }
    return node;
  });
  const links: Link[] = spec.links
    .filter((l) => l.source >= 0 && l.source < n && l.target >= 0 && l.target < n)
    .map((l) => ({ source: l.source, target: l.target }));
  // Hubs get longer links, so a node with dozens of neighbours has room for them around it.
  const degree = new Uint32Array(n);
  for (const l of links) {
    degree[l.source as number]++;
    degree[l.target as number]++;
  }
  const reach = (l: Link) => Math.sqrt(Math.max(degree[(l.source as Node).index!], degree[(l.target as Node).index!]));
  const simulation = forceSimulation<Node, Link>(nodes)
    .force('link', forceLink<Node, Link>(links).distance(large ? 26 : (l) => 50 + 12 * reach(l)))
    .force(
      'charge',
      forceManyBody<Node>()
        .strength(large ? -22 : -300)
        .theta(large ? 1.2 : 0.9)
        .distanceMax(large ? 260 : 900),
    )
    .force('x', forceX<Node>(0).strength(large ? 0.04 : 0.05))
    .force('y', forceY<Node>(0).strength(large ? 0.04 : 0.05))
    .alpha(alpha)
    // big graphs cool faster (≈140 steps instead of ≈300): the page has a readable picture in seconds
    .alphaDecay(large ? 0.05 : 0.0228)
    .stop();
  if (!large) simulation.force('collide', forceCollide<Node>(n <= 200 ? 30 : 18).iterations(1));
  return { simulation, nodes };
}

/** Advances `ticks` steps (stopping early once the layout has come to rest) and returns the positions. */
export function stepLayout(state: LayoutState, ticks = 1, out?: Float32Array): Float32Array {
  const { simulation } = state;
  for (let i = 0; i < ticks; i++) {
    if (simulation.alpha() < simulation.alphaMin() && simulation.alphaTarget() === 0) break;
    simulation.tick();
  }
  return positions(state, out);
}

export function positions(state: LayoutState, out?: Float32Array): Float32Array {
  const result = out && out.length === state.nodes.length * 2 ? out : new Float32Array(state.nodes.length * 2);
  state.nodes.forEach((n, i) => {
    result[2 * i] = n.x ?? 0;
    result[2 * i + 1] = n.y ?? 0;
  });
  return result;
}

export function isSettled(state: LayoutState): boolean {
  return state.simulation.alpha() < state.simulation.alphaMin() && state.simulation.alphaTarget() === 0;
}

/** A drag: the node follows the pointer and the layout stays warm around it. */
export function dragNode(state: LayoutState, index: number, x: number, y: number): void {
  const node = state.nodes[index];
  if (!node) return;
  node.fx = x;
  node.fy = y;
  state.simulation.alphaTarget(0.25);
  if (state.simulation.alpha() < 0.25) state.simulation.alpha(0.25);
}

/** The drag ended: the node stays where it was dropped (pinned) and the layout cools down. */
export function dropNode(state: LayoutState, index: number): void {
  if (!state.nodes[index]) return;
  state.simulation.alphaTarget(0);
}

export function unpinNode(state: LayoutState, index: number): void {
  const node = state.nodes[index];
  if (!node) return;
  node.fx = null;
  node.fy = null;
  state.simulation.alpha(Math.max(state.simulation.alpha(), 0.3));
}
