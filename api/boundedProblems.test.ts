import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemLimits, type Graph } from '../engine/index.ts';
import { seededGraph } from '../scripts/test/seededGraph.ts';
import { postJson, startTestServer } from '../scripts/test/testServer.ts';

/** Issue 15 item 2 for JSON bodies: a list of bad elements gets at most 100 issues and their count, and no echoed key is long. */
describe('problem documents of JSON bodies are bounded', () => {
  let graph: Graph;
  let api: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    graph = await seededGraph();
    api = await startTestServer(graph);
  });
  afterAll(async () => {
    await api.close();
    await graph.close();
  });

  it('lists 100 of 5,000 bad list elements and counts them all', async () => {
    const res = await postJson(`${api.base}/api/v1/match/resources/assign`, { demandIds: Array.from({ length: 5_000 }, () => '') });
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors).toHaveLength(problemLimits.maxIssues);
    expect(problem.errors[0].path).toBe('body.demandIds.0');
    expect(problem.detail).toMatch(/5000 problems, the first 100 listed/);
    expect(JSON.stringify(problem).length).toBeLessThan(20_000);
  });

  it('cuts an unknown 100,000-character key to a short prefix in the issue path', async () => {
    const res = await postJson(`${api.base}/api/v1/match/resources/assign`, { ['键'.repeat(100_000)]: 1 });
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0].path.length).toBeLessThanOrEqual(problemLimits.maxMessageChars + 1);
    expect(problem.errors[0].message).toBe('unknown field');
  });
});
