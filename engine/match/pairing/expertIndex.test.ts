import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../../scripts/test/seededGraph.ts';
import type { Graph } from '../../graph/graph.ts';
import { ExpertIndex } from './expertIndex.ts';
import { enterpriseText, scanCarriers, type NeedSide } from './pairSignals.ts';
import { vocabularyOf } from './rankPairs.ts';
import { scorePairs } from './scorePairs.ts';
import { loadEnterpriseProfiles, loadResearchCatalog, type ResearchCatalog } from './researchCatalog.ts';
import { needTerms } from './topicEvidence.ts';
import { TextServices } from '../../text/textServices.ts';
import { meaningPassages } from './meaningPassages.ts';

/**
 * The index must pick the carrier the scan of every researcher picks — the same researcher and topic,
 * with researchers already at their cap passed over — or pairing would answer differently with it.
 */
describe('the index of experts by topic', () => {
  let graph: Graph;
  let catalog: ResearchCatalog;
  beforeAll(async () => {
    graph = await seededGraph();
    catalog = await loadResearchCatalog(graph);
  });
  afterAll(() => graph.close());

  it('picks what the scan picks for every unit and need, with and without excluded researchers', async () => {
    const vocab = vocabularyOf(catalog);
    const index = new ExpertIndex(catalog);
    const ids = (await graph.query<{ id: string }>("MATCH (e:Enterprise {kind: 'industrial'}) RETURN e.id AS id ORDER BY id")).map((r) => r.id);
    const profiles = await loadEnterpriseProfiles(
      graph,
      ids.filter((_, i) => i % 25 === 0),
    );
    const needs: NeedSide[] = profiles.map((p) => ({
      profile: p,
      text: enterpriseText(p),
      terms: needTerms(enterpriseText(p), p.needs),
      partnerUniversities: new Set(),
    }));
    // Needs in words as well: their terms cover topics partly, where coverage ties are likelier.
    for (const t of catalog.topics.filter((_, i) => i % 9 === 0))
      needs.push({ profile: null, text: `需要${t}方面的合作`, terms: needTerms(`需要${t}方面的合作`), partnerUniversities: new Set() });
    let indexedUnits = 0;
    let carried = 0;
    let checked = 0;
    for (const unit of catalog.units) {
      const none = new Set<string>();
      if (index.bestCarrier(vocab, needs[0].terms, unit, none) !== null) indexedUnits++;
      for (const need of needs) {
        const scanned = scanCarriers(vocab, need, unit, none);
        const excluded = new Set(scanned ? [scanned.researcher.id] : []);
        for (const without of [none, excluded]) {
          expect(index.bestCarrier(vocab, need.terms, unit, without), `${unit.id} ${need.text}`).toEqual(scanCarriers(vocab, need, unit, without));
          checked++;
        }
        if (scanned) carried++;
      }
    }
    // The check is only worth something when the index holds the units and carriers are found.
    expect(indexedUnits).toBe(catalog.units.length);
    expect(carried).toBeGreaterThan(500);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('leaves pairing answers unchanged (researchers at their cap: the test above)', async () => {
    const text = await new TextServices(graph, meaningPassages, {}).get();
    const vocab = vocabularyOf(catalog);
    const index = new ExpertIndex(catalog);
    const firms = (
      await graph.query<{ id: string }>("MATCH (e:Enterprise {kind: 'industrial'})-[:NEEDS_TECH]->() RETURN DISTINCT e.id AS id ORDER BY id LIMIT 40")
    ).map((r) => r.id);
    let carried = 0;
    for (const profile of await loadEnterpriseProfiles(graph, firms)) {
      const need: NeedSide = {
        profile,
        text: enterpriseText(profile),
        terms: needTerms(enterpriseText(profile), profile.needs),
        partnerUniversities: new Set(),
      };
      const pairs = catalog.units.map((unit) => ({ need, unit }));
      const withIndex = await scorePairs(text, vocab, pairs, 60, undefined, index);
      expect(await scorePairs(text, vocab, pairs, 60)).toEqual(withIndex);
      carried += withIndex.items.filter((i) => i.carriedBy.researcher).length;
    }
    expect(carried).toBeGreaterThan(100);
  });
});
