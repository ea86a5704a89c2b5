import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { classifyRequestSchema, pairingRequestSchema, partnerRequestSchema, searchQuerySchema, talentRequestSchema } from '../../engine/contracts/index.ts';
import { buildSeed } from '../../seed/generate/buildSeed.ts';
import { endpointWeights, type Endpoint, realisticRequests, toAutocannon } from './realisticTraffic.ts';
import { universeFromBatch } from './trafficUniverse.ts';

// The seed graph in memory, no database: the generator's universe comes from the batch the bench loads.
const universe = universeFromBatch(buildSeed());

const bodies: Partial<Record<Endpoint, ZodType>> = {
  partners: partnerRequestSchema,
  pairing: pairingRequestSchema,
  talent: talentRequestSchema,
  classify: classifyRequestSchema,
};

describe('realistic traffic', () => {
  it('gives the same requests for the same seed and others for another seed', () => {
    const a = realisticRequests(universe, { seed: 11, count: 500 });
    expect(realisticRequests(universe, { seed: 11, count: 500 })).toEqual(a);
    expect(realisticRequests(universe, { seed: 12, count: 500 })).not.toEqual(a);
  });

  it('draws only requests the API schemas accept, over every chain, with varied inputs', () => {
    const requests = realisticRequests(universe, { seed: 201412, count: 4000 });
    const chainIds = new Set(universe.chains.map((c) => c.id));
    const seen = new Set<string>();
    for (const r of requests) {
      const schema = bodies[r.endpoint];
      if (schema) {
        const parsed = schema.safeParse(r.body);
        expect(parsed.success, `${r.endpoint} ${JSON.stringify(r.body)}: ${parsed.error?.message}`).toBe(true);
      }
      if (r.endpoint === 'search') expect(searchQuerySchema.safeParse(r.query).success, JSON.stringify(r.query)).toBe(true);
      const chainId = (r.body?.chainId as string | undefined) ?? /\/chains\/([^/]+)\//.exec(r.path)?.[1];
      if (chainId) {
        expect(chainIds.has(chainId), chainId).toBe(true);
        seen.add(chainId);
      }
      if (r.endpoint === 'partners' && r.body?.segmentId) {
        const segment = universe.chains.find((c) => c.id === chainId)!.segments.find((s) => s.id === r.body!.segmentId);
        expect(segment?.modes).toContain(r.body.mode);
      }
      const sent = toAutocannon(r);
      expect(sent.path!.startsWith('/api/v1/')).toBe(true);
      if (sent.body) expect(JSON.parse(sent.body)).toEqual(r.body);
    }
    expect([...seen].sort()).toEqual([...chainIds].sort());
    // Every endpoint appears, near its stated share.
    for (const [endpoint, weight] of Object.entries(endpointWeights)) {
      const share = requests.filter((r) => r.endpoint === endpoint).length / requests.length;
      expect(Math.abs(share - weight), endpoint).toBeLessThan(0.03);
    }
    // Repeats come from popularity, not from a short list: most match requests are distinct.
    const match = requests.filter((r) => r.body && r.endpoint !== 'classify').map((r) => JSON.stringify(r.body));
    expect(new Set(match).size / match.length).toBeGreaterThan(0.6);
  });
});
