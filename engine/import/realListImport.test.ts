import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { graphCounts } from '../graph/stats.ts';
import { KnowledgeEngine } from '../knowledgeEngine.ts';
import { enterpriseRow } from '../model/nodes.ts';
import { enterpriseIdField } from './columns.ts';
import { importFile } from './importFile.ts';
import { graphState, removeImported, testUscc } from './testImports.ts';

/**
 * What real firm lists hold (issue 12, item 7): listed, foreign and Hong Kong/Macao/Taiwan firms
 * without a USCC, and no founding year. Ids here start with "LT-" (or are test USCCs), so the
 * clean-up can find them.
 */
const jsonl = (rows: object[]) => Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const badCheck = (uscc: string) => uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');

describe('enterprise ids as lists give them', () => {
  it('keeps a non-USCC id as it is and holds an id that looks like a USCC to the USCC rules', () => {
    expect(enterpriseIdField.parse(' LT-600519SH ')).toBe('LT-600519SH');
    expect(enterpriseIdField.parse('00700.hk')).toBe('00700.hk');
    expect(enterpriseIdField.parse(testUscc(1).toLowerCase())).toBe(testUscc(1));
    const bad = enterpriseIdField.safeParse(badCheck(testUscc(1)));
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toContain('check character');
    // 18 characters of the USCC alphabet but letters where the region code's digits belong.
    expect(enterpriseIdField.safeParse('91ABCDEF000000000X').success).toBe(false);
    expect(enterpriseIdField.safeParse('有 空格').success).toBe(false);
  });

  it('the graph model applies the same rule, and takes a firm without founding year or figures', () => {
    const firm = {
      id: 'LT-1',
      name: '测试企业',
      local: true,
      kind: 'industrial',
      province: '',
      city: '',
      size: null,
      revenueWan: null,
      employees: null,
      tags: [],
      description: '',
      businessScope: '',
      techLoanWan: 0,
      source: 'import',
    };
    expect(enterpriseRow.safeParse(firm).success).toBe(true);
    expect(enterpriseRow.parse(firm).foundedYear).toBeNull();
    expect(enterpriseRow.safeParse({ ...firm, id: badCheck(testUscc(2)) }).success).toBe(false);
  });
});

describe('importing a real list on a real Neo4j', () => {
  let graph: Graph;
  let knowledge: KnowledgeEngine;
  let before: Awaited<ReturnType<typeof graphState>>;
  const cleanUp = () => removeImported(graph, before, [{ label: 'Enterprise', prefixes: ['LT-', '91999901TQ'] }]);

  beforeAll(async () => {
    graph = await seededGraph();
    knowledge = new KnowledgeEngine(graph);
    before = await graphState(graph);
  });
  afterAll(async () => {
    await cleanUp();
    expect(await graphCounts(graph)).toEqual(before.counts);
    await graph.close();
  });

  it('imports firms with a non-USCC id and without founding year, revenue, employees or size', async () => {
    const rows = [
      {
        id: 'LT-600001SH',
        name: '测试上市公司甲',
        local: false,
        province: '上海市',
        city: '上海市',
        products: '手性中间体',
        segmentIds: 'biomed.intermediate',
      },
      // No province or city either: the list does not say (stored as unknown).
      { id: 'LT-00700HK', name: 'Test Hong Kong Holdings Ltd', local: false, segmentIds: 'biomed.intermediate' },
      { id: testUscc(41), name: '南京无成立年份测试有限公司', local: true, size: '小型', segmentIds: 'biomed.intermediate' },
    ];
    const report = await importFile(graph, knowledge, { entity: 'enterprises', filename: 'list.jsonl', content: jsonl(rows) });
    expect(report.rows).toBe(3);
    const stored = await graph.query<{
      id: string;
      foundedYear: number | null;
      revenueWan: number | null;
      employees: number | null;
      size: string | null;
      segment: string;
    }>(
      `MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE e.id IN $ids
       RETURN e.id AS id, e.foundedYear AS foundedYear, e.revenueWan AS revenueWan, e.employees AS employees, e.size AS size, s.id AS segment ORDER BY e.id`,
      { ids: rows.map((r) => r.id) },
    );
    expect(stored).toEqual([
      { id: testUscc(41), foundedYear: null, revenueWan: null, employees: null, size: 'small', segment: 'biomed.intermediate' },
      { id: 'LT-00700HK', foundedYear: null, revenueWan: null, employees: null, size: null, segment: 'biomed.intermediate' },
      { id: 'LT-600001SH', foundedYear: null, revenueWan: null, employees: null, size: null, segment: 'biomed.intermediate' },
    ]);
    // A supply tie between firms without a USCC imports too.
    const ties = Buffer.from('供应方统一社会信用代码,采购方统一社会信用代码,供货占比（%）\nLT-00700HK,LT-600001SH,20\n');
    await importFile(graph, knowledge, { entity: 'supply-ties', filename: 'ties.csv', content: ties });
    const [tie] = await graph.query<{ n: number }>(
      "MATCH (:Enterprise {id: 'LT-00700HK'})-[t:SUPPLIES]->(:Enterprise {id: 'LT-600001SH'}) RETURN count(t) AS n",
    );
    expect(tie.n).toBe(1);
    await cleanUp();
  });

  it('rejects an 18-character id with a wrong check character, naming row and field, and writes nothing', async () => {
    const counts = await graphCounts(graph);
    const rows = [
      { id: 'LT-600002SH', name: '测试上市公司乙', local: false, province: '上海市', city: '上海市', segmentIds: 'biomed.intermediate' },
      { id: badCheck(testUscc(42)), name: '南京校验位错误测试有限公司', local: true, segmentIds: 'biomed.intermediate' },
      { id: 'LT-600003SH', name: '测试上市公司丙', local: false, segmentIds: 'biomed.intermediate', parkId: 'park.qixia-hi-tech' },
    ];
    const error = await importFile(graph, knowledge, { entity: 'enterprises', filename: 'bad.jsonl', content: jsonl(rows) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = (error as InvalidInputError).issues;
    expect(issues.map((i) => [i.row, i.path])).toEqual([
      [2, 'id'],
      [3, 'parkId'],
    ]);
    expect(issues[0]).toMatchObject({ file: 'bad.jsonl', message: expect.stringContaining('check character') });
    expect(await graphCounts(graph)).toEqual(counts);
  });
});
