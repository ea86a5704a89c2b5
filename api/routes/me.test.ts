import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../config.ts';
import { meResponse } from '../../engine/contracts/responses/me.ts';
import type { Graph } from '../../engine/index.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { startTestServer } from '../../scripts/test/testServer.ts';

describe('GET /me over HTTP', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  const me = (key?: string) => fetch(`${api.base}/api/v1/me`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph, {
      keys: [
        { owner: 'park-staff', sha256: hashKey('staff-key'), scopes: ['write'] },
        { owner: 'district-admin', sha256: hashKey('admin-key'), scopes: ['admin'] },
      ],
    });
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  it('names the key’s owner and what it may do, implied scopes included', async () => {
    const staff = await (await me('staff-key')).json();
    expect(meResponse.parse(staff)).toEqual({ id: 'park-staff', name: 'park-staff', scopes: ['write', 'read'], admin: false, keyed: true });
    const admin = await (await me('admin-key')).json();
    expect(admin).toMatchObject({ id: 'district-admin', admin: true, scopes: ['admin', 'write', 'match', 'read'] });
  });

  it('answers a key that is not configured with 401 problem+json', async () => {
    const response = await me('not-a-key');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await response.json()).title).toMatch(/API/);
  });

  it('answers without a key as the anonymous reader, or 401 when reads need a key', async () => {
    const response = await me();
    if (response.status === 200) expect(await response.json()).toMatchObject({ id: 'anonymous', keyed: false, admin: false });
    else expect(response.status).toBe(401);
  });
});
