import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { attachmentDecision } from '../config/attachment.ts';
import { ConflictError, InvalidInputError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { graphCounts } from '../graph/stats.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { importFile, type ImportReport } from './importFile.ts';
import { graphState, removeImported, testUscc } from './testImports.ts';

const header = '统一社会信用代码,企业名称,是否区内企业,主要产品,所属环节,企业简介,所在园区,企业规模,营业收入（万元）,从业人数,成立年份,企业标签';
const firm = (n: number, extra = '') =>
  extra || `${testUscc(n)},导入测试企业${n}号有限公司,是,手性中间体,biomed.intermediate,测试用企业,park.qixia-hi-tech,小型,800,30,2018,高新技术企业`;
const csv = (lines: string[]) => Buffer.from([header, ...lines].join('\r\n') + '\r\n');
const withoutMs = ({ ms: _ms, ...rest }: ImportReport) => rest;

describe('importFile on a real Neo4j', () => {
  let graph: Graph;
  let knowledge: KnowledgeEngine;
  let before: Awaited<ReturnType<typeof graphState>>;

  beforeAll(async () => {
    graph = await seededGraph();
    knowledge = new KnowledgeEngine(graph);
    before = await graphState(graph);
  });
  const cleanUp = () =>
    removeImported(graph, before, [
      { label: 'Enterprise', prefixes: ['91999901TQ'] },
      { label: 'Park', prefixes: ['import-test.'] },
      { label: 'Chain', prefixes: ['import-test'] },
      { label: 'Segment', prefixes: ['import-test'] },
      { label: 'Product', prefixes: ['import-test'] },
      { label: 'Offer', prefixes: ['import-test.'] },
    ]);
  afterAll(async () => {
    await cleanUp();
    expect(await graphCounts(graph)).toEqual(before.counts);
    await graph.close();
  });

  it('imports nothing from a file with one bad row in the middle, and names that row and field', async () => {
    const lines = [1, 2, 3, 4, 5].map((n) => firm(n));
    // Row 3: the last character of the USCC is not its check character.
    const good = testUscc(3);
    lines[2] = lines[2].replace(good, good.slice(0, 17) + (good[17] === '0' ? '1' : '0'));
    const error = await importFile(graph, knowledge, { entity: 'enterprises', filename: 'firms.csv', content: csv(lines) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      expect.objectContaining({ file: 'firms.csv', row: 3, path: 'id', message: expect.stringContaining('check character') }),
    ]);
    expect(await graphCounts(graph)).toEqual(before.counts);
  });

  it('reports every bad row and field at once, including references the graph lacks', async () => {
    const lines = [
      firm(11),
      `${testUscc(12)},导入测试企业12号有限公司,也许,,,,,,,,2018,`,
      `${testUscc(13)},导入测试企业13号有限公司,是,,biomed.no-such-segment,,park.no-such-park,小型,10,3,2018,`,
      firm(11),
    ];
    const error = (await importFile(graph, knowledge, { entity: 'enterprises', filename: 'firms.csv', content: csv(lines) }).catch(
      (e: unknown) => e,
    )) as InvalidInputError;
    // Row 2's size rule (a cross-field check) is only judged once its fields read.
    expect(error.issues.map((i) => [i.row, i.path])).toEqual([
      [2, 'local'],
      [3, 'parkId'],
      [3, 'segmentIds'],
      [4, 'id'],
    ]);
    expect(await graphCounts(graph)).toEqual(before.counts);
  });

  it('reports a header it does not know and a required column that is missing, once each', async () => {
    const content = Buffer.from('统一社会信用代码,企业名,是否区内企业,成立年份\n' + `${testUscc(20)},x,是,2020\n${testUscc(21)},y,否,2020\n`);
    const error = (await importFile(graph, knowledge, { entity: 'enterprises', filename: 'h.csv', content }).catch((e: unknown) => e)) as InvalidInputError;
    const fileLevel = error.issues.filter((i) => i.row === undefined);
    expect(fileLevel.map((i) => i.path).sort()).toEqual(['name', '企业名']);
  });

  it('gives identical counts when the same file is imported twice', async () => {
    // JSON Lines with English field names; typed values and strings are both read.
    const jsonl = Buffer.from(
      [
        {
          id: testUscc(31),
          name: '导入测试企业31号有限公司',
          local: true,
          products: ['手性中间体'],
          segmentIds: 'biomed.intermediate',
          parkId: 'park.qixia-hi-tech',
          size: 'small',
          foundedYear: 2018,
        },
        { id: testUscc(32), name: '南京导入测试原料药有限公司', local: true, products: '关键起始物料（KSM）;手性中间体', size: '小型', foundedYear: '2020' },
        {
          id: testUscc(33),
          name: '导入测试外地企业有限公司',
          local: false,
          province: '浙江省',
          city: '杭州市',
          products: '含氟中间体',
          segmentIds: ['biomed.intermediate'],
          employees: 400,
          revenueWan: 5000,
          foundedYear: '2010-04-01',
        },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const first = await importFile(graph, knowledge, { entity: 'enterprises', filename: 'firms.jsonl', content: jsonl });
    const afterFirst = await graphCounts(graph);
    const second = await importFile(graph, knowledge, { entity: 'enterprises', filename: 'firms.jsonl', content: jsonl });
    expect(withoutMs(second)).toEqual(withoutMs(first));
    expect(await graphCounts(graph)).toEqual(afterFirst);
    expect(first).toMatchObject({ entity: 'enterprises', format: 'jsonl', rows: 3, nodes: 3 });
    expect(first.attached.map((a) => a.id)).toEqual([testUscc(32)]);
    const [outside] = await graph.query<{ size: string; province: string; source: string; makes: string[] }>(
      'MATCH (e:Enterprise {id: $id}) RETURN e.size AS size, e.province AS province, e.source AS source, [(e)-[:MAKES]->(p) | p.id] AS makes',
      { id: testUscc(33) },
    );
    // 400 employees and 5,000 万元: medium by the national standard; the product matched by its exact name.
    expect(outside).toEqual({ size: 'medium', province: '浙江省', source: 'import', makes: ['biomed.intermediate.fluoro'] });
  });

  it('attaches a firm without a segment when its products make it obvious, and leaves an unrecognisable one unattached', async () => {
    const lines = [
      `${testUscc(41)},南京导入测试医药中间体有限公司,是,关键起始物料（KSM）;手性中间体;含氟中间体,,医药中间体的研发与生产,,小型,900,40,2019,`,
      `${testUscc(42)},南京甲乙丙丁有限公司,是,,,,,小型,900,40,2019,`,
    ];
    const report = await importFile(graph, knowledge, { entity: 'enterprises', filename: 'unsegmented.csv', content: csv(lines) });
    expect(report.attached).toEqual([{ id: testUscc(41), segmentId: 'biomed.intermediate', confidence: expect.any(Number) }]);
    expect(report.attached[0].confidence).toBeGreaterThanOrEqual(attachmentDecision.attach);
    expect(report.unattached).toEqual([testUscc(42)]);
    const edges = await graph.query<{ firm: string; segment: string; inferred: boolean; confidence: number }>(
      'UNWIND $ids AS id MATCH (e:Enterprise {id: id})-[r:IN_SEGMENT]->(s) RETURN e.id AS firm, s.id AS segment, r.inferred AS inferred, r.confidence AS confidence',
      { ids: [testUscc(41), testUscc(42)] },
    );
    expect(edges).toEqual([{ firm: testUscc(41), segment: 'biomed.intermediate', inferred: true, confidence: report.attached[0].confidence }]);
  });

  it('leaves the graph as it was when the write fails part-way', async () => {
    await graph.run("CREATE (:Park {id: 'import-test.park', name: '测试园区', sectorId: 'sector.admin', description: '', source: 'import'})");
    const lines = [firm(51), firm(52).replace('park.qixia-hi-tech', 'import-test.park')];
    const snapshot = await graphCounts(graph);
    // The park exists when the rows are checked and is gone when the one transaction writes them.
    const vanish = async (phase: string, done: number) => {
      if (phase === 'write' && done === 0) await graph.run("MATCH (p:Park {id: 'import-test.park'}) DETACH DELETE p");
    };
    await expect(importFile(graph, knowledge, { entity: 'enterprises', filename: 'firms.csv', content: csv(lines), onProgress: vanish })).rejects.toThrow(
      ConflictError,
    );
    const counts = await graphCounts(graph);
    expect(counts.nodes).toBe(snapshot.nodes - 1);
    expect(counts.relationships).toBe(snapshot.relationships);
    expect((await graph.query('UNWIND $ids AS id MATCH (e:Enterprise {id: id}) RETURN e', { ids: [testUscc(51), testUscc(52)] })).length).toBe(0);
  });

  it('creates a custom chain template with its segments, FEEDS and INPUT_TO', async () => {
    const template = {
      id: 'import-test-chain',
      name: '导入测试链',
      nameEn: 'Import Test Chain',
      assumed: true,
      description: '测试用产业链模板',
      segments: ['a', 'b', 'c'].map((s, i) => ({
        id: `import-test-chain.${s}`,
        name: `测试环节${s}`,
        nameEn: `Segment ${s}`,
        stage: ['upstream', 'midstream', 'downstream'][i],
        order: i + 1,
        description: `测试环节${s}的描述`,
        keywords: [`测试词${s}`],
        topics: ['导入测试主题'],
        products: [{ id: `import-test-chain.${s}.p`, name: `测试产品${s}`, nameEn: `Product ${s}` }],
      })),
      feeds: [
        ['import-test-chain.a', 'import-test-chain.b'],
        ['import-test-chain.b', 'import-test-chain.c'],
      ],
      inputTo: [
        ['import-test-chain.a.p', 'import-test-chain.b.p'],
        ['import-test-chain.b.p', 'import-test-chain.c.p'],
      ],
    };
    const content = Buffer.from(JSON.stringify(template));
    const report = await importFile(graph, knowledge, { entity: 'chains', filename: 'chain.json', content });
    // 1 chain + 3 segments + 3 products + 1 topic; 3 HAS_SEGMENT + 3 INCLUDES + 2 FEEDS + 2 INPUT_TO.
    expect(report).toMatchObject({ entity: 'chains', rows: 1, nodes: 8, relationships: 10 });
    const [row] = await graph.query<{ segments: string[]; feeds: string[]; inputs: string[]; source: string }>(
      `MATCH (c:Chain {id: 'import-test-chain'})
       RETURN c.source AS source, [(c)-[:HAS_SEGMENT]->(s) | s.id] AS segments,
              [(c)-[:HAS_SEGMENT]->(a)-[:FEEDS]->(b) | a.id + '>' + b.id] AS feeds,
              [(c)-[:HAS_SEGMENT]->()-[:INCLUDES]->(p)-[:INPUT_TO]->(q) | p.id + '>' + q.id] AS inputs`,
    );
    expect(row.source).toBe('import');
    expect(row.segments.sort()).toEqual(['import-test-chain.a', 'import-test-chain.b', 'import-test-chain.c']);
    expect(row.feeds.sort()).toEqual(['import-test-chain.a>import-test-chain.b', 'import-test-chain.b>import-test-chain.c']);
    expect(row.inputs.sort()).toEqual(['import-test-chain.a.p>import-test-chain.b.p', 'import-test-chain.b.p>import-test-chain.c.p']);

    // A segment id of another chain is refused, with its path in the template.
    const clash = { ...template, segments: [{ ...template.segments[0], id: 'biomed.cdmo' }, ...template.segments.slice(1)], feeds: [], inputTo: [] };
    const error = (await importFile(graph, knowledge, { entity: 'chains', filename: 'clash.json', content: Buffer.from(JSON.stringify(clash)) }).catch(
      (e: unknown) => e,
    )) as InvalidInputError;
    expect(error.issues).toEqual([expect.objectContaining({ path: 'segments.0.id', message: expect.stringContaining('"biomed"') })]);
  });

  it('validates offers per kind: a site without an area is refused by row and field', async () => {
    const lines = [
      { id: 'import-test.o1', kind: 'site', ownerId: 'park.qixia-hi-tech', title: '测试厂房', areaM2: 1000, parkId: 'park.qixia-hi-tech' },
      { id: 'import-test.o2', kind: '厂房', ownerId: 'park.qixia-hi-tech', title: '缺面积的厂房', parkId: 'park.qixia-hi-tech' },
      { id: 'import-test.o3', kind: 'loan', ownerId: 'park.qixia-hi-tech', title: '带面积的贷款', amountWan: 100, ratePct: 3, termMonths: 12, areaM2: 5 },
    ];
    const content = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n'));
    const error = (await importFile(graph, knowledge, { entity: 'offers', filename: 'offers.jsonl', content }).catch((e: unknown) => e)) as InvalidInputError;
    expect(error.issues.map((i) => [i.row, i.path])).toEqual([
      [2, 'areaM2'],
      [3, 'areaM2'],
    ]);
    const ok = await importFile(graph, knowledge, { entity: 'offers', filename: 'offers.jsonl', content: Buffer.from(JSON.stringify(lines[0])) });
    expect(ok).toMatchObject({ rows: 1, nodes: 1, relationships: 1 });
    const [offer] = await graph.query<{ o: Record<string, unknown> }>("MATCH (o:Offer {id: 'import-test.o1'}) RETURN o {.*} AS o");
    // Null attributes are not stored as properties in Neo4j.
    expect(offer.o).toMatchObject({ kind: 'site', areaM2: 1000, certifications: [], capacity: 1, status: 'open', source: 'import' });
    expect(offer.o).not.toHaveProperty('ratePct');
  });

  it('refuses an unknown entity, an unknown format and a chain that is not JSON', async () => {
    const content = Buffer.from('x');
    await expect(importFile(graph, knowledge, { entity: 'parks', filename: 'a.csv', content })).rejects.toThrow(InvalidInputError);
    await expect(importFile(graph, knowledge, { entity: 'enterprises', filename: 'a.txt', content })).rejects.toThrow(/format/);
    await expect(importFile(graph, knowledge, { entity: 'chains', filename: 'a.csv', content })).rejects.toThrow(/JSON/);
  });
});
