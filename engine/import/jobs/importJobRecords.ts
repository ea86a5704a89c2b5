import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { importJobLimits } from '../../config/importJobs.ts';
import type { ImportJobView } from '../../contracts/responses/imports.ts';
import type { Graph } from '../../graph/graph.ts';

/** A job as Neo4j keeps it: who submitted it, under which Idempotency-Key, and its view as the API last showed it. */
export interface ImportJobRecord {
  id: string;
  owner: string;
  idempotencyKey?: string;
  fingerprint?: string;
  view: ImportJobView;
}

/** What the record of a job needs from the queue's job. */
interface RecordedJob {
  id: string;
  owner: string;
  idempotencyKey?: string;
  fingerprint?: string;
}

const unfinished = ['queued', 'running'];

/**
 * Import jobs kept in Neo4j beside the queue's memory, so a job outlives a restart of the API:
 * (:ImportJob {id, owner, idempotencyKey, fingerprint, instance, state, submittedAt, finishedAt, view}),
 * `view` the job as the API shows it (JSON), written when the job is queued and when it ends — two
 * small writes a job. A record still `queued`/`running` that another process (`instance`) wrote is a
 * job that process never finished: the API restarted under it. Read, it is turned `failed` with that
 * reason, never lost; one Neo4j database serves one API process (the embedded set-up). Kept as long as
 * the queue keeps finished jobs (config/importJobs.ts), and no more of them.
 */
export class ImportJobRecords {
  private constrained = false;

  constructor(
    private readonly graph: Graph,
    readonly instance: string = randomUUID(),
    private readonly limits = importJobLimits,
  ) {}

  /** Records the job's view; a view of an unfinished job never overwrites a finished one (the two writes may cross). */
  async save(job: RecordedJob, view: ImportJobView): Promise<void> {
    await this.ensureConstraint();
    const finished = !unfinished.includes(view.state);
    const now = new Date().toISOString();
    await this.graph.writeRecords((tx) =>
      tx.run(
        `MERGE (j:ImportJob {id: $id})
         ON CREATE SET j.owner = $owner, j.idempotencyKey = $key, j.fingerprint = $fingerprint, j.submittedAt = $submittedAt
         WITH j WHERE j.finishedAt IS NULL
         SET j.state = $state, j.instance = $instance, j.view = $view, j.finishedAt = $finishedAt`,
        {
          id: job.id,
          owner: job.owner,
          key: job.idempotencyKey ?? null,
          fingerprint: job.fingerprint ?? null,
          submittedAt: view.submittedAt,
          state: view.state,
          instance: this.instance,
          view: JSON.stringify(view),
          finishedAt: finished ? now : null,
        },
      ),
    );
    if (finished) await this.prune(now);
  }

  /** The job's record; one a stopped process left unfinished comes back `failed`, as the reason says. */
  async find(id: string): Promise<ImportJobRecord | undefined> {
    const [row] = await this.graph.query<{ j: Record<string, unknown> }>('MATCH (j:ImportJob {id: $id}) RETURN j {.*} AS j', { id });
    return row ? this.settle(row.j) : undefined;
  }

  /**
   * The newest record of this caller's key, when its job ended: a repeat after a restart gets the job
   * that imported, not a second import. An interrupted one (the restart stopped it) is no answer: it
   * wrote nothing the client was told of, so the key may run again.
   */
  async byIdempotencyKey(owner: string, key: string): Promise<ImportJobRecord | undefined> {
    const [row] = await this.graph.query<{ j: Record<string, unknown> }>(
      'MATCH (j:ImportJob {owner: $owner, idempotencyKey: $key}) RETURN j {.*} AS j ORDER BY j.submittedAt DESC LIMIT 1',
      { owner, key },
    );
    const record = row && (await this.settle(row.j));
    return record && !isInterrupted(record.view) ? record : undefined;
  }

  private async settle(j: Record<string, unknown>): Promise<ImportJobRecord> {
    const record: ImportJobRecord = {
      id: String(j.id),
      owner: String(j.owner),
      idempotencyKey: (j.idempotencyKey as string | null) ?? undefined,
      fingerprint: (j.fingerprint as string | null) ?? undefined,
      view: JSON.parse(String(j.view)) as ImportJobView,
    };
    if (!unfinished.includes(String(j.state)) || j.instance === this.instance) return record;
    record.view = interrupted(record.view);
    await this.graph.writeRecords((tx) =>
      tx.run(
        `MATCH (j:ImportJob {id: $id}) WHERE j.finishedAt IS NULL AND j.instance = $was
         SET j.state = 'failed', j.view = $view, j.finishedAt = $now`,
        { id: record.id, was: j.instance, view: JSON.stringify(record.view), now: new Date().toISOString() },
      ),
    );
    return record;
  }

  /** Drops records past the TTL, then the oldest beyond the number kept (as the queue does in memory). */
  private async prune(now: string): Promise<void> {
    const cutoff = new Date(Date.parse(now) - this.limits.finishedTtlMs).toISOString();
    await this.graph.writeRecords(async (tx) => {
      await tx.run('MATCH (j:ImportJob) WHERE coalesce(j.finishedAt, j.submittedAt) < $cutoff DELETE j', { cutoff });
      await tx.run('MATCH (j:ImportJob) WHERE j.finishedAt IS NOT NULL WITH j ORDER BY j.finishedAt DESC SKIP $keep DELETE j', {
        keep: neo4j.int(this.limits.maxFinishedKept),
      });
    });
  }

  private async ensureConstraint(): Promise<void> {
    if (this.constrained) return;
    await this.graph.run('CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (j:ImportJob) REQUIRE j.id IS UNIQUE');
    this.constrained = true;
  }
}

const interruptedTitle = '导入被中断 Import interrupted';
const isInterrupted = (view: ImportJobView) => view.state === 'failed' && view.problem?.title === interruptedTitle;

/** A job the API stopped under (a restart): failed, and why — its write transaction, uncommitted, was rolled back. */
function interrupted(view: ImportJobView): ImportJobView {
  return {
    ...view,
    state: 'failed',
    problem: {
      title: interruptedTitle,
      status: 503,
      detail:
        `the API restarted while this job was ${view.state}: its outcome was not recorded. An import whose write had not committed was rolled back by Neo4j; ` +
        'submit the file again (an import writes by id, so rows already written are updated, not duplicated)',
    },
  };
}
