import type { DrawLink, DrawNode } from './nodeStyle.ts';

/**
 * Collision-aware label placement for the explorer (issue 16 item 8): a greedy pass over the labels
 * sorted by importance. Each label tries ten slots around its node (below, above, right, left, the corners, a second row) and
 * takes the first whose box overlaps no label already placed and no node; a label with no free slot is hidden.
 * The root, the selected node and the selected node's neighbours are placed first and always shown
 * (in their best slot, even if crowded), so what the person is looking at never loses its names.
 * Boxes are in layout coordinates: labels scale with the zoom like the nodes, so one placement holds
 * at any zoom level. Text width is estimated (CJK ≈ 1 em, other characters ≈ 0.6 em) — the renderers
 * call this on every frame, where measuring text would cost more than the estimate is off.
 */
export interface LabelSlot {
  /** Offset of the text anchor from the node centre. */
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface LabelInput {
  node: DrawNode;
  text: string;
  x: number;
  y: number;
  radius: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Layout units around a label box kept free, so neighbouring names do not touch. */
const padding = 2;

/** The estimated width of `text` at `fontSize`. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6;
  return w;
}

/** The slots a label tries, best first; `dy` is the text's baseline (middle-ish for the sides). */
export function slotsFor(radius: number, fontSize: number): LabelSlot[] {
  return [
    { dx: 0, dy: radius + fontSize, anchor: 'middle' },
    { dx: 0, dy: -radius - 4, anchor: 'middle' },
    { dx: radius + 4, dy: fontSize * 0.35, anchor: 'start' },
    { dx: -radius - 4, dy: fontSize * 0.35, anchor: 'end' },
    // the corners, then a second row below and above: room for crowded neighbours that must all be named
    { dx: radius * 0.7, dy: radius + fontSize, anchor: 'start' },
    { dx: -radius * 0.7, dy: radius + fontSize, anchor: 'end' },
    { dx: radius * 0.7, dy: -radius - 4, anchor: 'start' },
    { dx: -radius * 0.7, dy: -radius - 4, anchor: 'end' },
    { dx: 0, dy: radius + 2.2 * fontSize, anchor: 'middle' },
    { dx: 0, dy: -radius - 4 - 1.2 * fontSize, anchor: 'middle' },
  ];
}

export function boxOf(x: number, y: number, slot: LabelSlot, width: number, fontSize: number): Box {
  const left = slot.anchor === 'middle' ? x + slot.dx - width / 2 : slot.anchor === 'start' ? x + slot.dx : x + slot.dx - width;
  const baseline = y + slot.dy;
  return { left: left - padding, right: left + width + padding, top: baseline - fontSize - padding, bottom: baseline + fontSize * 0.25 + padding };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Nodes always labelled: the root, the selected node and its neighbours. */
export function mustShow(nodes: readonly DrawNode[], links: readonly DrawLink[], selected: string | null): Set<number> {
  const keep = new Set<number>(nodes.filter((n) => n.root || n.id === selected).map((n) => n.index));
  const at = nodes.find((n) => n.id === selected)?.index;
  if (at !== undefined)
    for (const l of links) {
      if (l.source === at) keep.add(l.target);
      if (l.target === at) keep.add(l.source);
    }
  return keep;
}

/** How much a label matters: kept ones first, then expanded and pinned nodes, then by number of links. */
export function importance(n: DrawNode, degree: number, kept: boolean): number {
  return (kept ? 1e6 : 0) + (n.root ? 1e5 : 0) + (n.expanded || n.pinned ? 1e4 : 0) + degree;
}

/**
 * The slot of each label by layout index, or null where it is hidden. `forced` labels are always
 * given a slot; the others only a free one.
 */
export function placeLabels(
  labels: readonly LabelInput[],
  forced: ReadonlySet<number>,
  degree: ReadonlyMap<number, number>,
  fontSize: number,
): Map<number, LabelSlot | null> {
  const order = [...labels].sort(
    (a, b) =>
      importance(b.node, degree.get(b.node.index) ?? 0, forced.has(b.node.index)) -
        importance(a.node, degree.get(a.node.index) ?? 0, forced.has(a.node.index)) || a.node.index - b.node.index,
  );
  // the other nodes' discs count as taken, so a name does not hide a node either
  const discs = labels.map((l) => ({ index: l.node.index, box: { left: l.x - l.radius, right: l.x + l.radius, top: l.y - l.radius, bottom: l.y + l.radius } }));
  const placed: Box[] = [];
  const result = new Map<number, LabelSlot | null>();
  for (const label of order) {
    const width = textWidth(label.text, fontSize);
    const slots = slotsFor(label.radius, fontSize);
    const boxes = slots.map((s) => boxOf(label.x, label.y, s, width, fontSize));
    const free = boxes.findIndex((b) => !placed.some((p) => overlaps(b, p)) && !discs.some((d) => d.index !== label.node.index && overlaps(b, d.box)));
    const chosen = free >= 0 ? free : forced.has(label.node.index) ? 0 : -1;
    result.set(label.node.index, chosen >= 0 ? slots[chosen] : null);
    if (chosen >= 0) placed.push(boxes[chosen]);
  }
  return result;
}

/** Links per layout index (the importance of a node that is not kept). */
export function degreeOf(links: readonly DrawLink[]): Map<number, number> {
  const degree = new Map<number, number>();
  for (const l of links) {
    degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
    degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
  }
  return degree;
}
