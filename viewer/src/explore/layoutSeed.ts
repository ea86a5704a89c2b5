import type { LayoutSpec } from './forceLayout.ts';
import type { ExGraph } from './graphModel.ts';

/** The golden angle (radians): consecutive newcomers land evenly around the node they came from. */
const goldenAngle = 2.399963;

/**
 * The start of a relayout over every loaded node: nodes already laid out keep their place (and stay
 * fixed when pinned), the anchor stays where it was, and new neighbours start in a small spiral
 * around it, so an expansion grows the picture instead of reshuffling it.
 */
export function layoutSeed(
  graph: Pick<ExGraph, 'nodes' | 'links'>,
  previous: { ids: readonly string[]; positions: Float32Array },
  pinned: ReadonlySet<string>,
  added: readonly string[],
  anchorId: string | null,
): { ids: string[]; indexOf: Map<string, number>; spec: LayoutSpec; positions: Float32Array } {
  const before = new Map(previous.ids.map((id, i) => [id, [previous.positions[2 * i], previous.positions[2 * i + 1]] as const]));
  const ids = [...graph.nodes.keys()];
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const anchor = (anchorId && before.get(anchorId)) || ([0, 0] as const);
  const fresh = new Set(added);
  let k = 0;
  const spec: LayoutSpec = {
    nodes: ids.map((id) => {
      const old = before.get(id);
      if (old && Number.isFinite(old[0]) && !fresh.has(id)) return { id, x: old[0], y: old[1], fixed: pinned.has(id) };
      if (id === anchorId) return { id, x: anchor[0], y: anchor[1] };
      const i = k++;
      const r = 24 + 6 * Math.sqrt(i);
      return { id, x: anchor[0] + r * Math.cos(i * goldenAngle), y: anchor[1] + r * Math.sin(i * goldenAngle) };
    }),
    links: [...graph.links.values()].map((l) => ({ source: indexOf.get(l.source)!, target: indexOf.get(l.target)! })),
  };
  const positions = new Float32Array(ids.length * 2);
  spec.nodes.forEach((n, i) => {
    positions[2 * i] = n.x ?? 0;
    positions[2 * i + 1] = n.y ?? 0;
  });
  return { ids, indexOf, spec, positions };
}
