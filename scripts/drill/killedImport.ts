// Drill (a), killed import: a large seed load through the project's loader in a child process, SIGKILLed
// at seeded random points; after each kill the partial state is checked (no batch half-written, the
// ImportRun says "not complete", no duplicate ids) and the load is run again to completion, which must
// leave exactly the counts of a clean import.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countElements, deleteAllData, graphCounts, lastRunStatus, nodeLabels, relationshipTypes, type Graph } from '../../engine/index.ts';
import { buildSeed } from '../../seed/generate/buildSeed.ts';
import { Random } from '../../seed/generate/random.ts';
import { seedRunId } from '../../seed/seedGraph.ts';
import type { ScratchNeo4j } from '../bench/scratchNeo4j.ts';
import { countsDiffer, duplicateIds, type Counts } from './consistency.ts';
import type { JournalEntry } from './importChild.ts';
import type { Outcome } from './outcome.ts';

const childScript = fileURLToPath(new URL('./importChild.ts', import.meta.url));
const drill = 'killed import';

interface ChildRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Progress (rows done / total) when the kill was sent. */
  killedAt?: { done: number; total: number };
  stderr: string;
}

/** Runs the import child; with `killAtFraction`, SIGKILLs it at the first progress report at or past that fraction. */
function runImport(db: ScratchNeo4j, scale: number, seed: number, journal: string, killAtFraction?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', childScript, '--uri', db.uri, '--scale', String(scale), '--seed', String(seed), '--journal', journal],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let killedAt: ChildRun['killedAt'];
    let buffer = '';
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^PROGRESS (\d+) (\d+)$/.exec(line);
        if (!m || killAtFraction === undefined || killedAt) continue;
        const [done, total] = [Number(m[1]), Number(m[2])];
        if (done / total >= killAtFraction) {
          killedAt = { done, total };
          child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve({ exitCode, signal, killedAt, stderr }));
  });
}

function readJournal(path: string): { begun: Map<number, Exclude<JournalEntry, { t: 'commit' }>>; committed: Set<number> } {
  const begun = new Map<number, Exclude<JournalEntry, { t: 'commit' }>>();
  const committed = new Set<number>();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // No journal: the child died before its first write.
  }
  for (const line of text.split('\n')) {
    if (!line) continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue; // a line cut by the kill; its statement had not been sent yet
    }
    if (entry.t === 'commit') committed.add(entry.seq);
    else begun.set(entry.seq, entry);
  }
  return { begun, committed };
}

/**
 * For every journalled batch: how many of its elements the database holds. An acknowledged batch must
 * be whole; a batch in flight at the kill must be whole (committed, unacknowledged) or absent (rolled back).
 */
async function halfWrittenBatches(
  graph: Graph,
  journal: ReturnType<typeof readJournal>,
): Promise<{ problems: string[]; whole: number; absent: number; inFlight: number; unrecognised: string[] }> {
  const problems: string[] = [];
  const unrecognised: string[] = [];
  let whole = 0;
  let absent = 0;
  let inFlight = 0;
  for (const [seq, entry] of journal.begun) {
    let expected: number;
    let present: number;
    if (entry.kind === 'node') {
      if (!nodeLabels.includes(entry.label as never)) throw new Error(`journal names an unknown label ${entry.label}`);
      expected = new Set(entry.ids).size;
      // Index hints: after a wipe the planner's statistics say "empty" and it may plan a scan instead.
      [{ present }] = await graph.query<{ present: number }>(
        `UNWIND $ids AS id MATCH (n:${entry.label} {id: id}) USING INDEX n:${entry.label}(id) RETURN count(n) AS present`,
        { ids: entry.ids },
      );
    } else if (entry.kind === 'rel') {
      if (!relationshipTypes.includes(entry.type as never) || !nodeLabels.includes(entry.from as never) || !nodeLabels.includes(entry.to as never)) {
        throw new Error(`journal names an unknown relationship ${entry.type}`);
      }
      expected = new Set(entry.pairs.map((p) => p.join('\u0000'))).size;
      [{ present }] = await graph.query<{ present: number }>(
        `UNWIND $pairs AS p MATCH (a:${entry.from} {id: p[0]}) USING INDEX a:${entry.from}(id)
         MATCH (a)-[r:${entry.type}]->(b:${entry.to}) WHERE b.id = p[1] RETURN count(r) AS present`,
        { pairs: entry.pairs },
      );
    } else {
      if (!/ImportRun/.test(entry.statement)) unrecognised.push(entry.statement);
      continue;
    }
    const acknowledged = journal.committed.has(seq);
    if (!acknowledged) inFlight++;
    if (present === expected) whole++;
    else if (present === 0 && !acknowledged) absent++;
    else
      problems.push(
        `batch ${seq} (${entry.kind === 'node' ? `:${entry.label}` : `:${entry.type}`}, ${acknowledged ? 'acknowledged' : 'in flight'}): ${present} of ${expected} present`,
      );
  }
  return { problems, whole, absent, inFlight, unrecognised };
}

/**
 * Waits until no transaction of the killed import is left on the server. A SIGKILLed client's last
 * transaction can still be executing there and, when its COMMIT was already sent, commit after the
 * client is gone; and a read in Neo4j is not a snapshot, so counting while it commits would see part
 * of it. Returns how long it waited and how many transactions were still open at first.
 */
async function waitForQuiescence(graph: Graph): Promise<{ waitedMs: number; open: number }> {
  const started = Date.now();
  let first: number | undefined;
  for (;;) {
    const [{ open }] = await graph.query<{ open: number }>(
      "SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS open",
    );
    first ??= open;
    if (open === 0) return { waitedMs: Date.now() - started, open: first };
    if (Date.now() - started > 120_000) throw new Error(`${open} transactions still open on the server 120 s after the kill`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function countsOf(graph: Graph): Promise<Counts> {
  const c = await graphCounts(graph);
  return { byLabel: c.byLabel, byType: c.byType };
}

export interface KilledImportOptions {
  enterprises: number;
  kills: number;
  seed: number;
  /** Seeds the kill points. */
  killSeed: number;
  seedEnterprises: number;
}

/** Returns the counts of the clean import, which the database holds at the end. */
export async function killedImportDrill(out: Outcome, db: ScratchNeo4j, options: KilledImportOptions): Promise<Counts> {
  const scale = options.enterprises / options.seedEnterprises;
  const runId = seedRunId({ scale, seed: options.seed });
  const generated = countElements(buildSeed({ scale, seed: options.seed }));
  const journalOf = (name: string) => join(db.home, `journal-${name}.jsonl`);

  // The reference: a clean import, uninterrupted, into the empty database.
  let t = Date.now();
  const clean = await runImport(db, scale, options.seed, journalOf('clean'));
  if (clean.exitCode !== 0) throw new Error(`the clean import failed (exit ${clean.exitCode}): ${clean.stderr}`);
  const expected = await countsOf(db.graph);
  const nodes = Object.values(expected.byLabel).reduce((a, b) => a + b, 0);
  const rels = Object.values(expected.byType).reduce((a, b) => a + b, 0);
  out.info(drill, `clean import of ${options.enterprises} enterprises: ${nodes} nodes + ${rels} relationships in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  out.check(
    drill,
    'clean import holds what the generator made',
    nodes === generated.nodes + 1 && rels === generated.relationships,
    `${nodes} nodes (generator ${generated.nodes} + 1 ImportRun), ${rels} relationships (generator ${generated.relationships})`,
  );

  const random = new Random(options.killSeed);
  for (let k = 1; k <= options.kills; k++) {
    await deleteAllData(db.graph);
    const fraction = Math.round((0.02 + 0.93 * random.next()) * 1000) / 1000;
    const journal = journalOf(`kill-${k}`);
    t = Date.now();
    const run = await runImport(db, scale, options.seed, journal, fraction);
    const label = `kill ${k}/${options.kills} at ${(fraction * 100).toFixed(1)} %`;
    if (!run.killedAt) {
      out.check(drill, `${label}: the import was killed`, false, `it ended first (exit ${run.exitCode}) ${run.stderr.slice(-300)}`);
      continue;
    }
    const quiet = await waitForQuiescence(db.graph);
    if (quiet.open > 0)
      out.info(drill, `${label}: ${quiet.open} transaction(s) of the killed import were still open on the server; they ended ${quiet.waitedMs} ms later`);
    const partial = await countsOf(db.graph);
    const partialElements = Object.values(partial.byLabel).reduce((a, b) => a + b, 0) + Object.values(partial.byType).reduce((a, b) => a + b, 0);
    const batches = await halfWrittenBatches(db.graph, readJournal(journal));
    out.info(
      drill,
      `${label}: killed at ${run.killedAt.done}/${run.killedAt.total} rows reported, ${partialElements} elements in the database; ` +
        `${batches.whole} batches whole, ${batches.absent} rolled back, ${batches.inFlight} were in flight`,
    );
    out.check(
      drill,
      `${label}: no batch half-written`,
      batches.problems.length === 0 && batches.unrecognised.length === 0,
      [...batches.problems.slice(0, 5), ...batches.unrecognised.map((s) => `unrecognised statement: ${s}`)].join('; '),
    );
    const status = await lastRunStatus(db.graph, runId);
    out.check(drill, `${label}: the ImportRun does not claim completion`, status !== 'complete', `status ${status ?? '(not yet written)'}`);
    const dupsAfterKill = await duplicateIds(db.graph);
    out.check(drill, `${label}: no duplicate ids after the kill`, dupsAfterKill.length === 0, dupsAfterKill.join('; '));

    const rerun = await runImport(db, scale, options.seed, journalOf(`rerun-${k}`));
    const after = await countsOf(db.graph);
    const differences = countsDiffer(expected, after);
    out.check(
      drill,
      `${label}: re-run completes with the clean import's counts`,
      rerun.exitCode === 0 && differences.length === 0,
      rerun.exitCode !== 0 ? `re-run exit ${rerun.exitCode}: ${rerun.stderr.slice(-300)}` : differences.slice(0, 5).join('; '),
    );
    const dups = await duplicateIds(db.graph);
    out.check(drill, `${label}: no duplicate ids after the re-run`, dups.length === 0, dups.join('; '));
    out.check(drill, `${label}: ImportRun complete after the re-run`, (await lastRunStatus(db.graph, runId)) === 'complete');
    out.info(drill, `${label}: kill + check + re-run took ${((Date.now() - t) / 1000).toFixed(1)} s`);
    for (const name of [`kill-${k}`, `rerun-${k}`]) rmSync(journalOf(name), { force: true });
  }
  return expected;
}
