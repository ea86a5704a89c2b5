import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGraph } from '../../../scripts/test/testGraph.ts';
import { importJobLimits } from '../../config/importJobs.ts';
import type { ImportJobView } from '../../contracts/responses/imports.ts';
import type { Graph } from '../../graph/graph.ts';
import { ImportJobRecords } from './importJobRecords.ts';

const prefix = 'job-records-test-';

function finishedView(id: string, finishedAt: string): ImportJobView {
  return {
    id,
    entity: 'enterprises',
    filename: 'f.csv',
    bytes: 10,
    state: 'succeeded',
    progress: { phase: 'write', done: 1, total: 1 },
    cancelRequested: false,
    submittedAt: finishedAt,
    startedAt: finishedAt,
    finishedAt,
    report: null,
    problem: null,
  };
}

describe('import job records in Neo4j (real Neo4j)', () => {
  let graph: Graph;
  const clean = () => graph.run('MATCH (j:ImportJob) WHERE j.id STARTS WITH $prefix DELETE j', { prefix });
  beforeAll(async () => {
    graph = await testGraph();
    await clean();
  });
  afterAll(async () => {
    await clean();
    await graph.close();
  });

  it('keeps only the newest finished records beyond the number kept (the prune runs, its SKIP an integer)', async () => {
    // Our three finish in the future, so they are the newest records even beside other test files' jobs.
    const records = new ImportJobRecords(graph, 'test-instance', { ...importJobLimits, maxFinishedKept: 2 });
    for (const i of [0, 1, 2]) {
      const id = `${prefix}${i}`;
      await records.save({ id, owner: 'o' }, finishedView(id, new Date(Date.now() + i * 1000).toISOString()));
    }
    expect(await records.find(`${prefix}0`)).toBeUndefined();
    expect((await records.find(`${prefix}2`))?.view.state).toBe('succeeded');
  });
});
