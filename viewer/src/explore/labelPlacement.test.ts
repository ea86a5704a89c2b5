import { describe, expect, it } from 'vitest';
import { boxOf, degreeOf, mustShow, placeLabels, slotsFor, textWidth, type LabelInput } from './labelPlacement.ts';
import type { DrawLink, DrawNode } from './nodeStyle.ts';

const node = (index: number, extra: Partial<DrawNode> = {}): DrawNode => ({
  id: `n${index}`,
  label: 'Enterprise',
  name: `企业${index}`,
  demo: false,
  index,
  root: false,
  expanded: false,
  pinned: false,
  truncated: false,
  ...extra,
});
const at = (n: DrawNode, x: number, y: number, text = n.name): LabelInput => ({ node: n, text, x, y, radius: 10 });

describe('label placement', () => {
  it('estimates CJK characters wider than Latin ones', () => {
    expect(textWidth('正大天晴', 10)).toBe(40);
    expect(textWidth('CDMO', 10)).toBe(24);
  });

  it('keeps far-apart labels below their nodes', () => {
    const nodes = [node(0), node(1)];
    const slots = placeLabels([at(nodes[0], 0, 0), at(nodes[1], 500, 0)], new Set(), new Map(), 11);
    expect(slots.get(0)).toEqual(slotsFor(10, 11)[0]);
    expect(slots.get(1)).toEqual(slotsFor(10, 11)[0]);
  });

  it('moves a crowded label to a free slot, and hides it when no slot is free — never two overlapping boxes', () => {
    const hub = node(0, { root: true });
    const others = [1, 2, 3, 4, 5, 6].map((i) => node(i));
    const labels = [at(hub, 0, 0, '南京正大天晴制药有限公司'), ...others.map((n) => at(n, 3 * n.index, 2 * n.index, '南京某某医药科技有限公司'))];
    const slots = placeLabels(labels, new Set([0]), degreeOf([]), 11);
    expect(slots.get(0)).not.toBeNull(); // the root is always named
    const shown = labels.filter((l) => slots.get(l.node.index));
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.length).toBeLessThan(labels.length);
    const boxes = shown.map((l) => boxOf(l.x, l.y, slots.get(l.node.index)!, textWidth(l.text, 11), 11));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom, `${i} and ${j} overlap`).toBe(false);
      }
  });

  it('always shows the selected node and its neighbours, even on top of one another', () => {
    const nodes = [0, 1, 2, 3].map((i) => node(i));
    const links: DrawLink[] = [
      { key: 'a', type: 'SUPPLIES', source: 1, target: 2 },
      { key: 'b', type: 'MAKES', source: 3, target: 1 },
    ];
    const kept = mustShow(nodes, links, 'n1');
    expect([...kept].sort()).toEqual([1, 2, 3]);
    const crowd = [...nodes, ...[4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((i) => node(i))];
    const slots = placeLabels(
      crowd.map((n) => at(n, 0, 0)),
      kept,
      degreeOf(links),
      11,
    ); // all on one spot
    for (const i of [1, 2, 3]) expect(slots.get(i)).not.toBeNull();
    expect([...slots.values()].filter((x) => x === null).length).toBeGreaterThan(0); // some not kept give way
  });

  it('places more linked nodes first', () => {
    const [a, b] = [node(0), node(1)];
    const links: DrawLink[] = [
      { key: 'x', type: 'SUPPLIES', source: 1, target: 5 },
      { key: 'y', type: 'SUPPLIES', source: 1, target: 6 },
    ];
    const slots = placeLabels([at(a, 0, 0), at(b, 0, 0)], new Set(), degreeOf(links), 11);
    const rank = (i: number) => slotsFor(10, 11).findIndex((x) => JSON.stringify(x) === JSON.stringify(slots.get(i)));
    expect(rank(1)).toBeGreaterThanOrEqual(0);
    expect(rank(1)).toBeLessThan(rank(0)); // the better linked node got the better side
  });
});
