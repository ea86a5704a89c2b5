import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Graph, graphCounts, isValidUscc } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { loadChainTemplates } from './chains/index.ts';
import { articleFigures, talentHonours } from './generate/calibration.ts';
import { buildSeed } from './generate/buildSeed.ts';
import { plantedGaps } from './generate/plantedGaps.ts';
import { seedGraph } from './seedGraph.ts';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('chain templates', () => {
  const templates = loadChainTemplates();
  it('are seven, four named by the article and three marked assumed', () => {
    expect(templates.map((t) => t.name).sort()).toEqual(['人工智能', '新型电子信息', '新材料', '新能源汽车', '生物医药', '节能环保', '高端装备制造'].sort());
    expect(
      templates
        .filter((t) => t.assumed)
        .map((t) => t.id)
        .sort(),
    ).toEqual(['green', 'materials', 'nev']);
  });
  it.each(templates.map((t) => [t.id, t] as const))('%s has ≥10 segments over all stages, ≥5 products each, and flows', (_id, t) => {
    expect(t.segments.length).toBeGreaterThanOrEqual(10);
    expect(new Set(t.segments.map((s) => s.stage))).toEqual(new Set(['upstream', 'midstream', 'downstream']));
    for (const s of t.segments) expect(s.products.length, s.id).toBeGreaterThanOrEqual(5);
    expect(t.feeds.length).toBeGreaterThanOrEqual(t.segments.length - 1);
    expect(t.inputTo.length).toBeGreaterThanOrEqual(t.segments.length * 5);
  });
});

describe('seed generator', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(digest(buildSeed())).toBe(digest(buildSeed()));
    expect(digest(buildSeed({ seed: 7 }))).not.toBe(digest(buildSeed()));
  });
  it('gives every enterprise a well-formed USCC', () => {
    const firms = buildSeed().nodes.find((n) => n.label === 'Enterprise')!.rows;
    expect(firms.every((f) => isValidUscc(String(f.id)))).toBe(true);
  });
  it('grows proportionally with --scale', () => {
    const count = (b: ReturnType<typeof buildSeed>) => b.nodes.find((n) => n.label === 'Enterprise')!.rows.length;
    const base = count(buildSeed());
    expect(count(buildSeed({ scale: 2 }))).toBeGreaterThan(base * 1.9);
  });
});

describe('the seed loaded into a real Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await seededGraph();
  });
  afterAll(() => graph.close());

  const one = async (cypher: string, params = {}) => (await graph.query<{ n: number }>(cypher, params))[0].n;
  const localWithTag = (tag: string) => one("MATCH (e:Enterprise {local: true, kind: 'industrial'}) WHERE $tag IN e.tags RETURN count(e) AS n", { tag });

  it('matches the article’s published figures', async () => {
    const chainFirms = (chain: string) =>
      one('MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(:Segment {chainId: $chain}) RETURN count(DISTINCT e) AS n', { chain });
    expect(await chainFirms('biomed')).toBe(articleFigures.biomedFirms);
    expect(await chainFirms('ai')).toBe(articleFigures.aiFirms);
    expect(articleFigures.aiFirms).toBeGreaterThan(320); // "320 余家"
    expect(await localWithTag('korean-funded')).toBe(articleFigures.koreanFunded);
    expect(await localWithTag('high-tech')).toBe(articleFigures.highTech);
    expect(await localWithTag('unicorn')).toBe(articleFigures.unicorn);
    expect(await localWithTag('gazelle')).toBe(articleFigures.gazelle);
    expect(await localWithTag('little-giant')).toBe(articleFigures.littleGiant);
    expect(await localWithTag('smart-factory')).toBe(articleFigures.smartFactory);
    expect(await localWithTag('tech-center')).toBe(articleFigures.techCenter);
    expect(await one("MATCH (e:Enterprise {local: true, kind: 'industrial'}) WHERE e.techLoanWan > 0 RETURN count(e) AS n")).toBe(articleFigures.techLoanFirms);
    expect(await one('MATCH (e:Enterprise {local: true}) RETURN sum(e.techLoanWan) AS n')).toBe(articleFigures.techLoanTotalWan);
    expect(
      await one(
        "MATCH (u:University {techTransferAlliance: true})-[:MEMBER_OF]->(a:Alliance {kind: 'tech-transfer'}) WHERE a.name CONTAINS '联盟' RETURN count(DISTINCT u) AS n",
      ),
    ).toBe(articleFigures.allianceUniversities);
    expect(await one('MATCH (:Enterprise {local: true})-[c:COOPERATES_WITH]->() RETURN sum(c.projects) AS n')).toBe(articleFigures.cooperationProjects);
    expect(await one("MATCH (t:Talent) WHERE t.level <> 'other' RETURN count(t) AS n")).toBe(articleFigures.highLevelTalents);
    expect(await one("MATCH (t:Talent) WHERE t.level IN ['laureate', 'academician', 'national'] RETURN count(t) AS n")).toBe(articleFigures.nationalOrAbove);
    for (const [honour, count] of Object.entries(talentHonours)) {
      expect(await one('MATCH (t:Talent) WHERE $h IN t.honours RETURN count(t) AS n', { h: honour }), honour).toBe(count);
    }
    expect(
      await one(
        "MATCH (d:Demand {kind: 'site'})<-[:HAS_DEMAND]-(:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE s.id IN ['biomed.intermediate', 'biomed.api'] RETURN count(DISTINCT d) AS n",
      ),
    ).toBeGreaterThanOrEqual(articleFigures.productionSiteDemands);
  });

  it('covers 93% of local firms with party organisations', async () => {
    const [row] = await graph.query<{ covered: number; total: number }>(
      "MATCH (e:Enterprise {local: true, kind: 'industrial'}) RETURN count(e) AS total, sum(CASE WHEN EXISTS { (e)-[:HAS_PARTY_ORG]->() } THEN 1 ELSE 0 END) AS covered",
    );
    expect(Math.round((row.covered / row.total) * 100)).toBe(93);
  });

  it('holds the Korean-funded alliance with the article’s figures and all 43 firms as members', async () => {
    const [a] = await graph.query<{ figures: string; members: number; founded: string }>(
      "MATCH (a:Alliance) WHERE a.name CONTAINS '韩资' RETURN a.publishedFigures AS figures, a.founded AS founded, count { (:Enterprise)-[:MEMBER_OF]->(a) } AS members",
    );
    expect(JSON.parse(a.figures)).toMatchObject({ memberFirms: 43, employees: 30000, partyMembers: 600 });
    expect(a.founded).toMatch(/^2014-12/);
    expect(a.members).toBe(43);
  });

  it('names the article’s firms and pairings', async () => {
    for (const name of ['正大天晴', '中铁宝桥', '高光半导体', '杉金光电', '华信藤仓', '源恒环境', '量为石']) {
      expect(await one('MATCH (e:Enterprise) WHERE e.name CONTAINS $name AND e.source = "article" RETURN count(e) AS n', { name }), name).toBe(1);
    }
    const pairs = await graph.query<{ a: string; b: string }>(
      "MATCH (x:PartyOrg {source: 'article'})-[:PAIRED_WITH]-(y:PartyOrg) RETURN x.name AS a, y.name AS b",
    );
    expect(pairs.some((p) => p.a.includes('源恒环境') && p.b.includes('环境学院'))).toBe(true);
    expect(pairs.some((p) => p.a.includes('量为石') && p.b.includes('南京工程学院'))).toBe(true);
  });

  it('has an outside candidate pool of at least 5,000 firms across provinces', async () => {
    expect(await one('MATCH (e:Enterprise {local: false}) RETURN count(e) AS n')).toBeGreaterThanOrEqual(5000);
    expect(await one('MATCH (e:Enterprise {local: false}) RETURN count(DISTINCT e.province) AS n')).toBeGreaterThanOrEqual(15);
    expect(await one('MATCH (:Enterprise {local: false})-[:SUPPLIES]->(:Enterprise {local: true}) RETURN count(*) AS n')).toBeGreaterThan(100);
  });

  it('plants a missing segment and a single-supplier segment', async () => {
    for (const [chain, planted] of Object.entries(plantedGaps)) {
      for (const missing of planted.missing) {
        expect(await one('MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(:Segment {id: $s}) RETURN count(e) AS n', { s: missing }), missing).toBe(0);
        expect(
          await one('MATCH (:Segment {id: $s})-[:FEEDS]->(:Segment)<-[:IN_SEGMENT]-(e:Enterprise {local: true}) RETURN count(e) AS n', { s: missing }),
          `${chain} demand`,
        ).toBeGreaterThan(0);
      }
      for (const dominant of planted.dominant) {
        const [row] = await graph.query<{ top: number; total: number }>(
          'MATCH (e:Enterprise {local: true})-[:IN_SEGMENT]->(:Segment {id: $s}) RETURN max(e.revenueWan) AS top, sum(e.revenueWan) AS total',
          { s: dominant },
        );
        expect(row.top / row.total, dominant).toBeGreaterThan(0.8);
      }
    }
  });

  it('is idempotent: loading the seed again leaves identical counts', async () => {
    const before = await graphCounts(graph);
    await seedGraph(graph);
    expect(await graphCounts(graph)).toEqual(before);
  });
});
