import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import type { Graph } from '../../graph/graph.ts';
import { unitTopics } from './pairSignals.ts';
import { enterprisesForTopics, loadResearchCatalog, type ResearchCatalog } from './researchCatalog.ts';

/**
 * Pairing towards enterprises scores at most `limit` firms a unit's topics concern. Which ones must not be
 * the planner's whim: the firms needing most of the topics, then those already cooperating, then by id —
 * and `localOnly` chooses among local firms before the cut, not after it.
 */
describe('enterprisesForTopics', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
  });
  afterAll(() => graph.close());

  /** Every concerned industrial firm with what orders it, read plainly. */
  async function concerned(topics: string[], unitId: string) {
    const rows = await graph.query<{ id: string; local: boolean; shared: number; cooperating: boolean }>(
      `MATCH (e:Enterprise {kind: 'industrial'})
       WITH e, COUNT { (e)-[:NEEDS_TECH]->(t:Topic) WHERE t.name IN $topics } AS shared,
            EXISTS { (e)-[:COOPERATES_WITH]->(:ResearchUnit {id: $unitId}) } AS cooperating
       WHERE shared > 0 OR cooperating
       RETURN e.id AS id, coalesce(e.local, false) AS local, shared, cooperating`,
      { topics, unitId },
    );
    return rows.sort((a, b) => b.shared - a.shared || Number(b.cooperating) - Number(a.cooperating) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  it('keeps the firms needing most of the topics when it cuts, and local ones before the cut under localOnly', async () => {
    let cut = 0;
    let localBeyondCut = 0;
    for (const unit of catalog.units) {
      const topics = unitTopics(unit);
      const all = await concerned(topics, unit.id);
      const limit = 5;
      expect((await enterprisesForTopics(graph, topics, unit.id, 1000)).map((e) => e.id).sort()).toEqual(all.map((e) => e.id).sort());
      const top = await enterprisesForTopics(graph, topics, unit.id, limit);
      expect(top.map((e) => e.id)).toEqual(all.slice(0, limit).map((e) => e.id));
      const local = await enterprisesForTopics(graph, topics, unit.id, limit, true);
      expect(local.map((e) => e.id)).toEqual(
        all
          .filter((e) => e.local)
          .slice(0, limit)
          .map((e) => e.id),
      );
      if (all.length > limit) cut++;
      if (all.slice(limit).some((e) => e.local) && local.length > 0) localBeyondCut++;
    }
    // The seed must exercise both: units whose firms are cut, and local firms found only because localOnly chooses before the cut.
    expect(cut).toBeGreaterThan(10);
    expect(localBeyondCut).toBeGreaterThan(0);
  });
});
