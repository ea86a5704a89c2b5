/**
 * Where a link's line starts and ends: on the rims of its two nodes, not their centres, so the arrowhead
 * touches the target's circle (`r2` includes the arrow's room). Coincident nodes give a zero-length line.
 */
export function linkEnds(x1: number, y1: number, x2: number, y2: number, r1: number, r2: number): [number, number, number, number] {
  const d = Math.hypot(x2 - x1, y2 - y1) || 1;
  return [x1 + ((x2 - x1) / d) * r1, y1 + ((y2 - y1) / d) * r1, x2 - ((x2 - x1) / d) * r2, y2 - ((y2 - y1) / d) * r2];
}
