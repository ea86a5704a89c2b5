// The import the killed-import drill kills: generates the seed graph of `--scale` and loads it through
// the project's loader (engine/load/loadGraph.ts, one transaction per batch, recorded as an ImportRun)
// into the Neo4j at `--uri`. Every write transaction is journalled to `--journal` — "begin" with the
// ids it writes, synchronously, before the statement is sent; "commit" once the driver acknowledged it —
// so the drill can tell, after a SIGKILL, which batches had to be whole and which could be absent.
import { openSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ManagedTransaction } from 'neo4j-driver';
import { createDriver, Graph, loadGraph } from '../../engine/index.ts';
import { buildSeed } from '../../seed/generate/buildSeed.ts';
import { seedRunId } from '../../seed/seedGraph.ts';

export type JournalEntry =
  | { t: 'begin'; seq: number; kind: 'node'; label: string; ids: string[] }
  | { t: 'begin'; seq: number; kind: 'rel'; type: string; from: string; to: string; pairs: [string, string][] }
  | { t: 'begin'; seq: number; kind: 'other'; statement: string }
  | { t: 'commit'; seq: number };

const nodeStatement = /^UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row\.id\}\)/;
const relStatement = /^UNWIND \$rows AS row MATCH \(a:(\w+) \{id: row\.from\}\) MATCH \(b:(\w+) \{id: row\.to\}\) MERGE \(a\)-\[r:(\w+)\]->\(b\)/;

/** What one statement of the loader writes, recognised from the loader's own Cypher shapes. */
export function describeStatement(seq: number, cypher: string, params: Record<string, unknown> = {}): JournalEntry {
  const rows = (params.rows ?? []) as { id?: string; from?: string; to?: string }[];
  const node = nodeStatement.exec(cypher);
  if (node) return { t: 'begin', seq, kind: 'node', label: node[1], ids: rows.map((r) => r.id!) };
  const rel = relStatement.exec(cypher);
  if (rel) return { t: 'begin', seq, kind: 'rel', from: rel[1], to: rel[2], type: rel[3], pairs: rows.map((r) => [r.from!, r.to!]) };
  return { t: 'begin', seq, kind: 'other', statement: cypher.replace(/\s+/g, ' ').slice(0, 80) };
}

/** A Graph whose write transactions are journalled (see the file comment). */
class JournalledGraph extends Graph {
  private seq = 0;

  constructor(
    driver: ConstructorParameters<typeof Graph>[0],
    private readonly fd: number,
  ) {
    super(driver);
  }

  private journal(entry: JournalEntry): void {
    writeSync(this.fd, JSON.stringify(entry) + '\n');
  }

  override async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const seq = ++this.seq;
    const value = await super.write((tx) => {
      const journalled = {
        run: (cypher: string, params?: Record<string, unknown>) => (this.journal(describeStatement(seq, cypher, params)), tx.run(cypher, params)),
      };
      return work(journalled as unknown as ManagedTransaction);
    });
    this.journal({ t: 'commit', seq });
    return value;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { uri: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' }, journal: { type: 'string' } },
    strict: true,
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  const graph = new JournalledGraph(createDriver({ uri: values.uri! }), openSync(values.journal!, 'a'));
  const batch = buildSeed({ scale, seed });
  const report = await loadGraph(graph, batch, {
    runId: seedRunId({ scale, seed }),
    onProgress: (done, total) => void process.stdout.write(`PROGRESS ${done} ${total}\n`),
  });
  process.stdout.write(`DONE ${JSON.stringify(report)}\n`);
  await graph.close();
}

if (process.argv[1]?.endsWith('importChild.ts')) await main();
