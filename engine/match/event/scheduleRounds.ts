/**
 * Splits the chosen meetings into rounds so nobody has two meetings in one round, using as few
 * rounds as anyone has meetings (König's edge-colouring theorem for bipartite graphs: a bipartite
 * graph with maximum degree Δ has a proper edge colouring with Δ colours). Each meeting gets the
 * smallest round free at both ends; when none is, an alternating path of two rounds is swapped to
 * free one — the textbook constructive proof, O(meetings × participants).
 */
export function scheduleRounds(meetings: { left: string; right: string }[]): number[] {
  const at = new Map<string, Map<number, number>>();
  const slotsOf = (node: string) => at.get(node) ?? at.set(node, new Map()).get(node)!;
  const ends: [string, string][] = meetings.map((m) => [`l:${m.left}`, `r:${m.right}`]);
  const round = new Array<number>(meetings.length).fill(-1);
  const freeAt = (node: string) => {
    const used = slotsOf(node);
    let c = 0;
    while (used.has(c)) c++;
    return c;
  };
  const other = (e: number, node: string) => (ends[e][0] === node ? ends[e][1] : ends[e][0]);

  meetings.forEach((_, e) => {
    const [u, v] = ends[e];
    const a = freeAt(u);
    const b = freeAt(v);
    if (slotsOf(v).has(a)) {
      // Walk from v along edges coloured a, b, a, … and swap the two colours on that path; it cannot
      // reach u (bipartite parity), and afterwards a is free at v.
      const path: number[] = [];
      let node = v;
      let c = a;
      for (;;) {
        const next = slotsOf(node).get(c);
        if (next === undefined) break;
        path.push(next);
        node = other(next, node);
        c = c === a ? b : a;
      }
      for (const p of path) for (const n of ends[p]) slotsOf(n).delete(round[p]);
      for (const p of path) {
        round[p] = round[p] === a ? b : a;
        for (const n of ends[p]) slotsOf(n).set(round[p], p);
      }
    }
    round[e] = a;
    slotsOf(u).set(a, e);
    slotsOf(v).set(a, e);
  });
  return round;
}
