import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewQueue, type Graph, type ReviewSuggestion } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { startTestServer } from '../../scripts/test/testServer.ts';
import { hashKey } from '../config.ts';

const suggestion = (segmentId: string, segmentName: string, confidence: number): ReviewSuggestion => ({
  segmentId,
  segmentName,
  chainId: segmentId.split('.')[0],
  chainName: segmentId.startsWith('nev') ? '新能源汽车' : '生物医药',
  confidence,
  decision: 'review',
  evidence: { products: ['负极材料'], words: ['石墨', '负极'], similarFirms: [{ id: 'x', name: '某负极材料公司', similarity: 0.4 }] },
});
const firms = [1, 2, 3].map((n) => ({ id: `reviewtest.${n}`, name: `南京审核测试${n}号材料有限公司` }));
const suggestions = [suggestion('nev.anode', '负极材料', 0.62), suggestion('nev.cathode', '正极材料', 0.21), suggestion('biomed.api', '化学原料药', 0.05)];

describe('attachment review queue API (待审挂链)', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let queue: ReviewQueue;
  const url = (path: string) => `${api.base}/api/v1${path}`;
  const decide = (firmId: string, body: unknown, key: string | null = 'key-reviewer') =>
    fetch(url(`/attachments/review/${encodeURIComponent(firmId)}`), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
  /** Every page of the queue, in order, restricted to this test's firms (other files may queue their own). */
  const listed = async () => {
    const seen: { firm: { id: string }; queuedAt: string; suggestions: ReviewSuggestion[] }[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await fetch(url(`/attachments/review?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      expect(res.status).toBe(200);
      const page: { items: typeof seen; nextCursor: string | null } = await res.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen.filter((i) => i.firm.id.startsWith('reviewtest.'));
  };
  const segmentsOf = (id: string) =>
    graph.query<{ segmentId: string; inferred: boolean; by: string | null; at: string | null }>(
      'MATCH (:Enterprise {id: $id})-[r:IN_SEGMENT]->(s:Segment) RETURN s.id AS segmentId, r.inferred AS inferred, r.confirmedBy AS by, r.confirmedAt AS at',
      { id },
    );

  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph, { keys: [{ owner: '李审核', sha256: hashKey('key-reviewer'), scopes: ['write'] }] });
    await graph.write((tx) =>
      tx.run(
        `UNWIND $firms AS f MERGE (e:Enterprise {id: f.id})
      SET e += {name: f.name, local: true, kind: 'industrial', province: '江苏省', city: '南京市', size: 'small', revenueWan: 3000, employees: 80,
                tags: [], description: '锂电池材料', businessScope: '', techLoanWan: 0, source: 'import'}`,
        { firms },
      ),
    );
    queue = new ReviewQueue(graph);
    expect(await queue.queue(firms.map((f) => ({ firmId: f.id, suggestions })))).toEqual(firms.map((f) => f.id));
  });
  afterAll(async () => {
    await graph.write((tx) => tx.run("MATCH (e:Enterprise) WHERE e.id STARTS WITH 'reviewtest.' DETACH DELETE e"));
    await api.close();
    await graph.close();
  });

  it('lists queued firms page by page with their top-3 suggestions, confidence and evidence', async () => {
    const items = await listed();
    expect(items.map((i) => i.firm.id)).toEqual(firms.map((f) => f.id));
    expect(items[0]).toMatchObject({ firm: firms[0], suggestions });
    expect(Date.parse(items[0].queuedAt)).not.toBeNaN();
    const bad = await fetch(url('/attachments/review?limit=500'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe('query.limit');
  });

  it('queues idempotently: queuing again keeps one entry per firm and its first time', async () => {
    const before = await listed();
    await queue.queue(firms.map((f) => ({ firmId: f.id, suggestions })));
    expect(await listed()).toEqual(before);
  });

  it('refuses a decision without a write key, with an unknown action, or confirming a segment that was not suggested', async () => {
    expect((await decide(firms[0].id, { action: 'confirm' }, null)).status).toBe(401);
    const badAction = await decide(firms[0].id, { action: 'approve' });
    expect(badAction.status).toBe(400);
    expect(badAction.headers.get('content-type')).toContain('application/problem+json');
    expect((await badAction.json()).errors.map((e: { path: string }) => e.path)).toContain('body.action');
    const offList = await decide(firms[0].id, { action: 'confirm', segmentId: 'nev.separator' });
    expect(offList.status).toBe(400);
    expect((await offList.json()).errors[0].path).toBe('body.segmentId');
    expect((await decide('reviewtest.nobody', { action: 'reject' })).status).toBe(404);
  });

  it('confirms the top suggestion: a stated IN_SEGMENT with who and when, gone from the queue, the same answer again is 200 and another is 409', async () => {
    const res = await decide(firms[0].id, { action: 'confirm', note: '核对过主营产品' });
    expect(res.status).toBe(200);
    const outcome = await res.json();
    expect(outcome).toMatchObject({
      firm: firms[0],
      action: 'confirm',
      status: 'confirmed',
      segmentId: 'nev.anode',
      decidedBy: '李审核',
      note: '核对过主营产品',
    });
    expect(await segmentsOf(firms[0].id)).toEqual([{ segmentId: 'nev.anode', inferred: false, by: '李审核', at: outcome.decidedAt }]);
    expect((await listed()).map((i) => i.firm.id)).not.toContain(firms[0].id);

    const again = await decide(firms[0].id, { action: 'confirm' });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(outcome);
    expect(await segmentsOf(firms[0].id)).toHaveLength(1);
    const other = await decide(firms[0].id, { action: 'reject' });
    expect(other.status).toBe(409);
    expect(await segmentsOf(firms[0].id)).toHaveLength(1);
  });

  it('reassigns to another segment, validated: an unknown segment is 404 naming the field', async () => {
    const unknown = await decide(firms[1].id, { action: 'reassign', segmentId: 'nev.no-such-segment' });
    expect(unknown.status).toBe(404);
    const problem = await unknown.json();
    expect(problem.errors).toEqual([{ path: 'body.segmentId', message: expect.stringContaining('nev.no-such-segment') }]);
    expect(await segmentsOf(firms[1].id)).toEqual([]);
    expect((await listed()).map((i) => i.firm.id)).toContain(firms[1].id);

    const res = await decide(firms[1].id, { action: 'reassign', segmentId: 'nev.separator' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'reassigned', segmentId: 'nev.separator' });
    expect((await segmentsOf(firms[1].id)).map((s) => [s.segmentId, s.inferred])).toEqual([['nev.separator', false]]);
  });

  it('rejects: the firm stays unattached, leaves the queue, and queuing it again does not bring it back', async () => {
    const res = await decide(firms[2].id, { action: 'reject' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'rejected', segmentId: null });
    expect(await segmentsOf(firms[2].id)).toEqual([]);
    expect(await queue.queue([{ firmId: firms[2].id, suggestions }])).toEqual([]);
    expect(await listed()).toEqual([]);
  });

  it('documents both routes in the OpenAPI document', async () => {
    const doc = await (await fetch(`${api.base}/api/v1/openapi.json`)).json();
    expect(Object.keys(doc.paths['/attachments/review'])).toEqual(['get']);
    expect(doc.paths['/attachments/review/{firmId}'].post.responses).toHaveProperty('409');
    expect(doc.components.schemas.ReviewSuggestion.properties.evidence).toBeTruthy();
  });
});
