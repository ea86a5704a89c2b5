import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../../../scripts/test/testGraph.ts';
import { Random } from '../../../../seed/generate/random.ts';
import { syntheticUscc } from '../../../../seed/generate/uscc.ts';
import { createOfferRequest } from '../../../contracts/resources.ts';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../../core/errors.ts';
import type { Graph } from '../../../graph/graph.ts';
import { loadGraph } from '../../../load/loadGraph.ts';
import { ResourcesEngine } from '../../../resourcesEngine.ts';

/**
 * Ownership and concurrency of offers in a real Neo4j (issue 15 F2, F9): the probe's key `w` edited
 * and deleted key `a`'s offer; four concurrent PATCHes of different fields kept one; a PATCH racing a
 * DELETE recreated the offer without an owner.
 */
const random = new Random(1515);
const firm = { id: syntheticUscc('320113', random), name: '南京测试所有权有限公司' };
const admin = { name: 'root', admin: true };
/** As the API passes it: parsed by the request schema, defaults filled. */
const site = (id: string) =>
  createOfferRequest.parse({ id, kind: 'site', ownerId: firm.id, title: `测试厂房 ${id}`, parkId: 'own.park', areaM2: 2000, price: 30, capacity: 1 });

describe('offer ownership and concurrent writes', () => {
  let graph: Graph;
  let engine: ResourcesEngine;

  beforeAll(async () => {
    graph = await testGraph();
    engine = new ResourcesEngine(graph);
    await loadGraph(graph, {
      nodes: [
        { label: 'Park', rows: [{ id: 'own.park', name: '测试所有权园区', sectorId: 'own.sector', description: '', source: 'synthetic' }] },
        {
          label: 'Enterprise',
          rows: [
            {
              ...firm,
              local: true,
              kind: 'industrial',
              province: '江苏省',
              city: '南京市',
              size: 'small',
              revenueWan: 5000,
              employees: 80,
              tags: [],
              description: '测试',
              businessScope: '测试',
              foundedYear: 2015,
              techLoanWan: 0,
              source: 'synthetic',
            },
          ],
        },
        // Written before ownership existed: no createdBy, no version.
        {
          label: 'Offer',
          rows: [
            {
              id: 'own.legacy',
              kind: 'site',
              title: '旧厂房',
              description: '',
              areaM2: 1000,
              floorLoadKnM2: null,
              certifications: [],
              price: 20,
              amountWan: null,
              ratePct: null,
              termMonths: null,
              parkId: 'own.park',
              availableFrom: null,
              availableUntil: null,
              capacity: 1,
              status: 'open',
              source: 'synthetic',
            },
          ],
        },
      ],
      relationships: [{ type: 'OFFERS', from: 'Enterprise', to: 'Offer', rows: [{ from: firm.id, to: 'own.legacy' }] }],
    });
  });
  afterAll(async () => {
    await graph.run("MATCH (n) WHERE (n:Offer OR n:Park) AND n.id STARTS WITH 'own.' DETACH DELETE n");
    await graph.run('MATCH (n:Enterprise {id: $id}) DETACH DELETE n', { id: firm.id });
    await graph.close();
  });

  it('lets only the creator or an admin change or delete an offer, and shows who wrote it to them alone', async () => {
    const created = await engine.createOffer(site('own.a1'), 'a');
    expect(created).toMatchObject({ createdBy: 'a', updatedBy: 'a', version: 1 });
    await expect(engine.updateOffer('own.a1', { price: 1 }, 'w')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(engine.deleteOffer('own.a1', 'w')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(engine.updateOffer('own.a1', { status: 'closed' }, 'w')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await engine.getOffer('own.a1')).price).toBe(30);

    const anonymousView = await engine.getOffer('own.a1');
    expect(anonymousView).not.toHaveProperty('createdBy');
    expect(anonymousView).not.toHaveProperty('updatedBy');
    expect(await engine.getOffer('own.a1', 'w')).not.toHaveProperty('createdBy');
    const listed = (await engine.listOffers({ limit: 200 } as never)).items.find((o) => o.id === 'own.a1')!;
    expect(listed).not.toHaveProperty('updatedBy');
    expect(await engine.getOffer('own.a1', 'a')).toMatchObject({ createdBy: 'a' });
    expect(await engine.getOffer('own.a1', admin)).toMatchObject({ createdBy: 'a' });

    const byAdmin = await engine.updateOffer('own.a1', { price: 25 }, admin);
    expect(byAdmin).toMatchObject({ price: 25, createdBy: 'a', updatedBy: 'root', version: 2 });
    await engine.deleteOffer('own.a1', 'a');
    await expect(engine.getOffer('own.a1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('leaves a record without an owner to admins', async () => {
    await expect(engine.updateOffer('own.legacy', { price: 1 }, 'a')).rejects.toThrow(/no recorded owner/);
    expect(await engine.updateOffer('own.legacy', { price: 22 }, admin)).toMatchObject({ price: 22, version: 1, createdBy: null });
  });

  it('keeps all four of four concurrent PATCHes of different fields, one version each', async () => {
    for (let round = 0; round < 5; round++) {
      const id = `own.merge${round}`;
      await engine.createOffer(site(id), 'a');
      const changes = [{ price: 11 }, { areaM2: 2222 }, { floorLoadKnM2: 33 }, { description: `第${round}轮` }];
      await Promise.all(changes.map((c) => engine.updateOffer(id, c, 'a')));
      expect(await engine.getOffer(id, 'a')).toMatchObject({ price: 11, areaM2: 2222, floorLoadKnM2: 33, description: `第${round}轮`, version: 5 });
    }
  });

  it('refuses a change made against a version that is no longer stored (If-Match)', async () => {
    const created = await engine.createOffer(site('own.ifmatch'), 'a');
    const first = await engine.updateOffer('own.ifmatch', { price: 12 }, 'a', created.version);
    expect(first.version).toBe(2);
    const stale = await engine.updateOffer('own.ifmatch', { price: 13 }, 'a', created.version).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleVersionError);
    expect((stale as StaleVersionError).current).toBe(2);
    await expect(engine.deleteOffer('own.ifmatch', 'a', 1)).rejects.toBeInstanceOf(StaleVersionError);
    expect((await engine.getOffer('own.ifmatch')).price).toBe(12);
  });

  it('never recreates an offer a DELETE removed while a PATCH raced it', async () => {
    for (let round = 0; round < 30; round++) {
      const id = `own.race${round}`;
      await engine.createOffer(site(id), 'a');
      const [patched, deleted] = await Promise.allSettled([engine.updateOffer(id, { price: round + 1 }, 'a'), engine.deleteOffer(id, 'a')]);
      expect(deleted.status).toBe('fulfilled');
      // The PATCH either ran first (and was then deleted) or found nothing: 404, never a recreation.
      if (patched.status === 'rejected') expect(patched.reason).toBeInstanceOf(NotFoundError);
      const [left] = await graph.query<{ n: number }>('MATCH (n:Offer {id: $id}) RETURN count(n) AS n', { id });
      expect(left.n, `round ${round}`).toBe(0);
    }
  });
});
