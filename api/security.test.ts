import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, type Graph } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../scripts/test/testServer.ts';
import { hashKey } from './config.ts';

const readKey = 'test-read-key';
const adminKey = 'test-admin-key';
const keys = [
  { owner: 'reader', sha256: hashKey(readKey), scopes: ['read' as const] },
  { owner: 'admin', sha256: hashKey(adminKey), scopes: ['admin' as const] },
];

type OpenApi = {
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema: { type?: string } }[]; requestBody?: { content: Record<string, { example?: unknown }> } }>
  >;
};

describe('API keys, scopes, limits and errors', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  let doc: OpenApi;
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph, { keys, openScopes: ['read', 'match'] });
    doc = await (await fetch(`${api.base}/api/v1/openapi.json`)).json();
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  const writeRoutes = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== 'get' && !/^\/match\/|\/what-if$|^\/classify\//.test(path))
        .map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'x') })),
    );

  it('serves an OpenAPI 3.1 document covering the routes, and the docs page', async () => {
    expect(doc.paths['/match/partners']).toBeTruthy();
    expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
    const page = await fetch(`${api.base}/api/docs`);
    expect(await page.text()).toContain('swagger-ui');
    expect((await fetch(`${api.base}/api/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
  });

  it('authorisation matrix: every write route answers 401 without a key and 403 with a read key', async () => {
    const routes = writeRoutes();
    // offers, demands (create, update, delete), matches (record, update) and import at least.
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const { method, path } of routes) {
      const url = `${api.base}/api/v1${path}`;
      const anonymous = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      const reader = await fetch(url, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${readKey}` }, body: '{}' });
      expect(reader.status, `${method} ${path}`).toBe(403);
      expect(reader.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('rejects an unknown key with 401, and lets reads and matching through without one', async () => {
    expect((await fetch(`${api.base}/api/v1/chains`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    // Another scheme is invalid credentials, not an anonymous request.
    const basic = await fetch(`${api.base}/api/v1/chains`, { headers: { Authorization: `Basic ${btoa('a:b')}` } });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${api.base}/api/v1/chains`)).status).toBe(200);
    expect((await postJson(`${api.base}/api/v1/classify/segments`, { name: '测试' })).status).toBe(200);
  });

  it('caps sizes: 413 for a large body, 400 beyond limit caps and for unknown fields', async () => {
    const big = await postJson(`${api.base}/api/v1/classify/segments`, { name: 'x', description: 'x'.repeat(1_100_000) });
    expect(big.status).toBe(413);
    expect((await postJson(`${api.base}/api/v1/match/partners`, { chainId: 'biomed', mode: 'fill', limit: 101 })).status).toBe(400);
    expect((await fetch(`${api.base}/api/v1/entities/x/neighbourhood?depth=3`)).status).toBe(400);
    expect((await fetch(`${api.base}/api/v1/chains?limit=201`)).status).toBe(400);
    expect((await fetch(`${api.base}/api/v1/chains?colour=blue`)).status).toBe(400);
    const malformed = await fetch(`${api.base}/api/v1/match/partners`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"chainId": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).not.toMatch(/\n\s+at /);
  });

  it('pages the chain list with a cursor', async () => {
    const first = await (await fetch(`${api.base}/api/v1/chains?limit=4`)).json();
    expect(first.items).toHaveLength(4);
    const second = await (await fetch(`${api.base}/api/v1/chains?limit=4&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
  });

  it('rate-limits per caller with 429 and Retry-After', async () => {
    const limited = await startTestServer(graph, { keys, rateLimitPerMinute: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${limited.base}/api/v1/chains`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await fetch(`${limited.base}/api/v1/chains`);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).status).toBe(429);
      // Another caller (a key) has its own budget.
      expect((await fetch(`${limited.base}/api/v1/chains`, { headers: { Authorization: `Bearer ${readKey}` } })).status).toBe(200);
      // Made-up credentials get no budget of their own (issue 15 F1): Basic is refused, an unknown Bearer
      // is refused, and either way the address's spent budget still holds (429 before any 401).
      for (let i = 0; i < 5; i++) {
        const basic = await fetch(`${limited.base}/api/v1/chains`, { headers: { Authorization: `Basic ${btoa(`x${i}:y${i}`)}` } });
        expect(basic.status).toBe(429);
        expect((await fetch(`${limited.base}/api/v1/chains`, { headers: { Authorization: `Bearer made-up-${i}` } })).status).toBe(429);
      }
    } finally {
      await limited.close();
    }
  });

  it('sends security headers, echoes request ids, and answers /ready', async () => {
    const res = await fetch(`${api.base}/ready`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('survives an injection corpus in every string field: no 5xx, graph unchanged', async () => {
    const corpus = [
      "'",
      '"',
      '\\',
      '//',
      '}) DETACH DELETE n //',
      "' OR 1=1 --",
      'MATCH (n) DETACH DELETE n',
      'CALL db.clearQueryCaches()',
      '${x}',
      '\u202Eevil\u202C',
      '😀🏭',
      'name:* OR *',
      'x'.repeat(100_000),
    ];
    const before = await graphCounts(graph);
    let requests = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const example = op.requestBody?.content['application/json']?.example;
        const stringParams = (op.parameters ?? []).filter((p) => p.schema.type === 'string');
        for (const payload of corpus) {
          const sends: { url: string; body?: string }[] = [];
          const concretePath = path.replace(/\{[^}]+\}/g, encodeURIComponent(payload.slice(0, 2000)));
          for (const p of stringParams.filter((x) => x.in === 'query')) sends.push({ url: `${concretePath}?${p.name}=${encodeURIComponent(payload)}` });
          if (path.includes('{')) sends.push({ url: concretePath });
          if (example)
            for (const body of mutateStrings(example, payload)) sends.push({ url: path.replace(/\{[^}]+\}/g, 'biomed'), body: JSON.stringify(body) });
          for (const s of sends) {
            const res = await fetch(`${api.base}/api/v1${s.url}`, {
              method: method.toUpperCase(),
              headers: { 'Content-Type': 'application/json' },
              body: s.body,
            });
            requests++;
            expect(res.status, `${method} ${s.url.slice(0, 80)}`).toBeLessThan(500);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(100);
    expect(await graphCounts(graph)).toEqual(before);
  }, 240_000);
});

/** Copies of `value` with each string leaf (one at a time) replaced by `payload`. */
function mutateStrings(value: unknown, payload: string): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, set: (v: unknown) => unknown): void => {
    if (typeof node === 'string') out.push(set(payload));
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, (v) => set(node.map((x, j) => (j === i ? v : x)))));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, (nv) => set({ ...node, [k]: nv }));
  };
  walk(value, (v) => v);
  return out;
}
