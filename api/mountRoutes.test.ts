import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mountRoutes } from './mountRoutes.ts';
import { problemHandler } from './problem.ts';
import { created, defineRoute, json, noContent } from './route.ts';

/** What the "engine" answers here: a fixed record, so the schemas below are right or wrong by construction. */
const record = { id: 'r1', name: '南京某某', share: 0.4 };
const rightSchema = z.strictObject({ id: z.string(), name: z.string(), share: z.number() });
/** Drifted on purpose: `share` renamed, as when the engine changes a field and the contract is not told. */
const wrongSchema = z.strictObject({ id: z.string(), name: z.string(), ratio: z.number() });

const routes = [
  defineRoute({
    method: 'get',
    path: '/right',
    summary: 'right',
    tags: ['t'],
    scope: 'read',
    response: { status: 200, schema: rightSchema },
    handler: async () => json(record),
  }),
  defineRoute({
    method: 'get',
    path: '/wrong',
    summary: 'wrong',
    tags: ['t'],
    scope: 'read',
    response: { status: 200, schema: wrongSchema },
    handler: async () => json(record),
  }),
  defineRoute({
    method: 'post',
    path: '/things/{id}',
    summary: 'create',
    tags: ['t'],
    scope: 'write',
    params: z.strictObject({ id: z.string().regex(/^[a-z]+$/) }),
    query: z.strictObject({ dry: z.enum(['yes', 'no']).optional() }),
    body: z.strictObject({ n: z.number().int() }),
    response: { status: 201, schema: z.strictObject({ id: z.string(), n: z.number() }) },
    handler: async ({ params, body }) => created({ id: params.id, n: body.n }, `/things/${params.id}`),
  }),
  defineRoute({
    method: 'delete',
    path: '/things/{id}',
    summary: 'delete',
    tags: ['t'],
    scope: 'write',
    params: z.strictObject({ id: z.string() }),
    response: { status: 204 },
    handler: async () => noContent(),
  }),
];

async function serve(checkResponses: boolean) {
  const app = express();
  app.use(express.json());
  app.use(mountRoutes(routes, { checkResponses }));
  app.use(problemHandler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('mountRoutes: a declared route served over real HTTP', () => {
  let checked: Awaited<ReturnType<typeof serve>>;
  let unchecked: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    checked = await serve(true);
    unchecked = await serve(false);
  });
  afterAll(async () => {
    await checked.close();
    await unchecked.close();
  });

  it('runs under NODE_ENV=test, where createApp checks every answer by default', () => {
    expect(process.env.NODE_ENV).toBe('test');
  });

  it('sends an answer that matches its response schema unchanged', async () => {
    const res = await fetch(`${checked.base}/right`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(record);
  });

  it('catches a deliberately wrong response schema: 500 problem+json naming the fields that differ', async () => {
    const res = await fetch(`${checked.base}/wrong`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem.detail).toContain('GET /wrong');
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['response.ratio', 'response.share']);
  });

  it('does not check answers when told not to (production): the same route answers 200', async () => {
    expect((await fetch(`${unchecked.base}/wrong`)).status).toBe(200);
  });

  it('names every offending field of path, query and body in one 400', async () => {
    const res = await fetch(`${checked.base}/things/NO?dry=maybe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ n: 1.5 }),
    });
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.detail).toBe('invalid path and query and body');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['path.id', 'query.dry', 'body.n']);
  });

  it('answers 201 with Location, and 204 with no body, as declared', async () => {
    const made = await fetch(`${checked.base}/things/abc`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ n: 2 }) });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe('/things/abc');
    expect(await made.json()).toEqual({ id: 'abc', n: 2 });
    const gone = await fetch(`${checked.base}/things/abc`, { method: 'DELETE' });
    expect(gone.status).toBe(204);
    expect(await gone.text()).toBe('');
  });
});
