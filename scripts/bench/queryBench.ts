import { servingEngines } from '../../api/app.ts';
import { type CandidateQuery, ChainMatchEngine, type Graph } from '../../engine/index.ts';
import { postJson, startTestServer } from '../test/testServer.ts';
import type { BenchInputs } from './benchInputs.ts';
import { measureLatency, type LatencyRow } from './endpointLatency.ts';
import { partnerRetrievalQueries, retrieveCandidates } from './partnerRetrieval.ts';

export interface PartnerRatio {
  mode: 'fill' | 'strengthen';
  /** Endpoint over HTTP ÷ retrieval-only Cypher, at p50 and p95. */
  httpP50: number;
  httpP95: number;
  /** rankPartners in process (no HTTP) ÷ retrieval-only Cypher. */
  engineP50: number;
  /** Every candidate the endpoint returned is in the retrieved set. */
  sameCandidateSet: boolean;
}

export interface QueryBenchResult {
  rows: LatencyRow[];
  partnerRatios: PartnerRatio[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * p50/p95/p99 of the API's query endpoints over real HTTP against an in-process server (rate limit
 * lifted), each after a warm-up; plus the engine calls that explain them (gaps without the snapshot
 * cache, partners without HTTP) and the retrieval-only baseline of partners.
 */
export async function queryBench(graph: Graph, inputs: BenchInputs, options: { runs: number; warmup: number }): Promise<QueryBenchResult> {
  // The engines of a server after `npm start`'s warm-up: its research catalog (pairing's pool of firms) read.
  const { knowledge } = servingEngines(graph);
  await knowledge.warmResearch();
  const api = await startTestServer(graph, { rateLimitPerMinute: 100_000_000 }, { knowledge });
  const url = (path: string) => `${api.base}/api/v1${path}`;
  const at = <T>(items: T[], i: number) => items[i % items.length];
  const rows: LatencyRow[] = [];
  const measure = async (name: string, call: (i: number) => Promise<unknown>) => {
    const row = await measureLatency(name, call, options);
    rows.push(row);
    process.stderr.write(`  ${name.padEnd(48)} p50 ${row.p50} ms  p95 ${row.p95} ms  p99 ${row.p99} ms\n`);
    return row;
  };
  try {
    await measure('GET /chains/{id}/gaps', (i) => fetch(url(`/chains/${at(inputs.chains, i)}/gaps`)));
    await measure('gaps, cold snapshot (engine, no cache)', (i) => new ChainMatchEngine(graph).gaps(at(inputs.chains, i)));

    const partnerRatios: PartnerRatio[] = [];
    const modes = [
      ['fill', inputs.fillChains],
      ['strengthen', inputs.strengthenChains],
    ] as const;
    for (const [mode, chains] of modes) {
      const body = (i: number) => ({ chainId: at(chains, i), mode, limit: 10 });
      const http = await measure(`POST /match/partners (${mode})`, (i) => postJson(url('/match/partners'), body(i)));
      const engine = new ChainMatchEngine(graph);
      const direct = await measure(`partners ${mode} (engine, no HTTP)`, (i) => engine.partners({ ...body(i), filters: {} }));
      const queries = new Map<string, CandidateQuery[]>();
      for (const c of chains) queries.set(c, await partnerRetrievalQueries(graph, c, mode));
      const retrieval = await measure(`partners ${mode} retrieval-only Cypher`, (i) => retrieveCandidates(graph, queries.get(at(chains, i))!));
      let same = true;
      for (const c of chains) {
        const retrieved = await retrieveCandidates(graph, queries.get(c)!);
        const answer = (await (await postJson(url('/match/partners'), { chainId: c, mode, limit: 10 })).json()) as { candidates: { id: string }[] };
        if (!answer.candidates.every((x) => retrieved.has(x.id))) same = false;
      }
      partnerRatios.push({
        mode,
        httpP50: r2(http.p50 / retrieval.p50),
        httpP95: r2(http.p95 / retrieval.p95),
        engineP50: r2(direct.p50 / retrieval.p50),
        sameCandidateSet: same,
      });
    }

    await measure('POST /match/school-enterprise {enterpriseId}', (i) =>
      postJson(url('/match/school-enterprise'), { enterpriseId: at(inputs.enterpriseIds, i), limit: 10 }),
    );
    await measure('POST /match/school-enterprise {researchUnitId}', (i) =>
      postJson(url('/match/school-enterprise'), { researchUnitId: at(inputs.researchUnitIds, i), limit: 10 }),
    );
    await measure('POST /match/school-enterprise {text}', (i) => postJson(url('/match/school-enterprise'), { text: at(inputs.needTexts, i), limit: 10 }));
    await measure('POST /match/talent {enterpriseId}', (i) => postJson(url('/match/talent'), { enterpriseId: at(inputs.enterpriseIds, i), limit: 10 }));
    await measure('POST /match/talent {text}', (i) => postJson(url('/match/talent'), { text: at(inputs.needTexts, i), limit: 10 }));
    await measure('GET /search?q=', (i) => fetch(url(`/search?q=${encodeURIComponent(at(inputs.searchTerms, i))}`)));
    await measure('POST /classify/segments', (i) => postJson(url('/classify/segments'), at(inputs.classify, i)));
    return { rows, partnerRatios };
  } finally {
    await api.close();
    knowledge.close();
  }
}
