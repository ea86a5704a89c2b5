import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDecision } from '../../engine/config/attachment.ts';
import { testUscc } from '../../engine/import/testImports.ts';
import type { Graph, QueuedFirm } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../../scripts/test/testServer.ts';
import { hashKey } from '../config.ts';

const key = 'attach-review-key';
const header = '统一社会信用代码,企业名称,是否区内企业,主要产品,企业简介,企业规模,营业收入（万元）,从业人数,成立年份';
// An obvious firm, two whose products fit more than one segment (on the seed these land in review), and one with nothing to go on.
const rows = [
  [testUscc(9101), '南京挂链审核医药中间体有限公司', '手性中间体;含氟中间体', '医药中间体的研发与生产'],
  [testUscc(9102), '南京挂链审核电池有限公司', '电池;材料', '电池材料'],
  [testUscc(9103), '南京挂链审核材料有限公司', '新材料', '新材料'],
  [testUscc(9104), '南京甲乙丙丁戊有限公司', '', ''],
];
const file = Buffer.from([header, ...rows.map(([id, name, products, text]) => `${id},${name},是,${products},${text},小型,900,40,2019`)].join('\r\n') + '\r\n');
const ids = rows.map((r) => r[0]);

describe('import → attach / review / reject → a person confirms → training data, over HTTP', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const url = (path: string) => `${api.base}/api/v1${path}`;
  const importFirms = async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'review.csv');
    const res = await fetch(url('/import/enterprises'), { method: 'POST', body: form, headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    return res.json() as Promise<{ attached: { id: string; segmentId: string; confidence: number }[]; review: string[]; unattached: string[] }>;
  };
  const queue = async (): Promise<QueuedFirm[]> =>
    (await (await fetch(url('/attachments/review?limit=100'))).json()).items.filter((i: QueuedFirm) => ids.includes(i.firm.id));
  const segmentsOf = (id: string) =>
    graph.query<{ segmentId: string; inferred: boolean }>(
      'MATCH (:Enterprise {id: $id})-[r:IN_SEGMENT]->(s) RETURN s.id AS segmentId, r.inferred AS inferred',
      { id },
    );

  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph, { keys: [{ owner: '王审核', sha256: hashKey(key), scopes: ['write'] }] });
  });
  afterAll(async () => {
    await graph.run('UNWIND $ids AS id MATCH (e:Enterprise {id: id}) DETACH DELETE e', { ids });
    await api.close();
    await graph.close();
  });

  it('attaches only `attach` decisions, queues the `review` ones with top-3 suggestions and evidence, and writes nothing below the threshold', async () => {
    const report = await importFirms();
    expect(report.attached.map((a) => a.id)).toEqual([ids[0]]);
    expect(report.attached[0].confidence).toBeGreaterThanOrEqual(attachmentDecision.attach);
    expect(report.review.length).toBeGreaterThan(0);
    expect(report.review).not.toContain(ids[3]);
    expect(report.unattached).toEqual(ids.slice(1));
    for (const id of report.unattached) expect(await segmentsOf(id)).toEqual([]);

    const queued = await queue();
    expect(queued.map((q) => q.firm.id).sort()).toEqual([...report.review].sort());
    for (const q of queued) {
      expect(q.suggestions.length).toBeGreaterThan(0);
      expect(q.suggestions.length).toBeLessThanOrEqual(3);
      const [top] = q.suggestions;
      expect(top.decision).toBe('review');
      expect(top.confidence).toBeGreaterThanOrEqual(attachmentDecision.review);
      expect(top.confidence).toBeLessThan(attachmentDecision.attach);
      expect(top.evidence.products.length + top.evidence.words.length + top.evidence.similarFirms.length).toBeGreaterThan(0);
    }
  });

  it('importing the same file again keeps the queue as it was', async () => {
    const before = await queue();
    const report = await importFirms();
    expect(report.attached.map((a) => a.id)).toEqual([ids[0]]);
    expect(await queue()).toEqual(before);
  });

  it('a confirmed firm leaves the queue, sits in the segment as a stated attachment, and the classifier learns from it at once', async () => {
    const [first] = await queue();
    const trained = async () => (await (await postJson(url('/classify/segments'), { name: first.firm.name, limit: 1 })).json()).trainedOn as number;
    const before = await trained();
    const res = await fetch(url(`/attachments/review/${first.firm.id}`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({ action: 'confirm' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'confirmed', segmentId: first.suggestions[0].segmentId, decidedBy: '王审核' });
    expect(await segmentsOf(first.firm.id)).toEqual([{ segmentId: first.suggestions[0].segmentId, inferred: false }]);
    expect((await queue()).map((q) => q.firm.id)).not.toContain(first.firm.id);
    expect(await trained()).toBe(before + 1);
  });
});
