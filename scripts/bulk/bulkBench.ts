// `node --max-old-space-size=12288 --import tsx scripts/bulk/bulkBench.ts --scale N --mode bulk|online`:
// one first load of the generated graph of about N enterprises into a fresh temporary embedded Neo4j,
// through the offline importer (bulk) or the online loader, in its own process so that the Node peak
// memory belongs to that path alone. Prints one JSON line; the temporary database is deleted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { countElements, loadGraph } from '../../engine/index.ts';
import { buildSeed, seedEnterpriseCount } from '../../seed/generate/buildSeed.ts';
import { numberFlags } from '../args.ts';
import { freePort } from '../bench/freePort.ts';
import { sizingFor, startScratchNeo4j } from '../bench/scratchNeo4j.ts';
import { bulkLoad } from './bulkLoad.ts';

const mode = process.argv.includes('bulk') ? 'bulk' : 'online';
const flags = numberFlags(
  ['scale'] as const,
  process.argv.slice(2).filter((a) => a !== '--mode' && a !== 'bulk' && a !== 'online'),
);
const enterprises = flags.scale ?? 100_000;
const sizing = sizingFor(enterprises);
const loadAtStart = loadavg()[0];

/** Peak resident memory of a process (VmHWM), MB, polled while it runs. */
function watchPeak(pid: number): () => number {
  let peak = 0;
  const read = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Math.round(Number(m[1]) / 1024));
    } catch {
      // the process has exited; the last reading stands
    }
  };
  const timer = setInterval(read, 500);
  return () => {
    read();
    clearInterval(timer);
    return peak;
  };
}

const started = Date.now();
const batch = buildSeed({ scale: enterprises / seedEnterpriseCount() });
const generateMs = Date.now() - started;
const { nodes, relationships } = countElements(batch);
const elements = nodes + relationships;
const rssAfterGenerateMb = Math.round(process.memoryUsage().rss / 2 ** 20);
const base = { mode, enterprises, nodes, relationships, generateMs, rssAfterGenerateMb, loadAverageAtStart: loadAtStart, sizing };

if (mode === 'bulk') {
  const home = mkdtempSync(join(tmpdir(), 'chainmatch-bulkbench-'));
  try {
    const { report, neo4j, graph } = await bulkLoad(batch, {
      dataDir: home,
      boltPort: await freePort(),
      ...sizing,
      log: (l) => process.stderr.write(l + '\n'),
    });
    const neo4jPeak = watchPeak(neo4j.process.pid!)();
    await graph.close();
    await neo4j.stop();
    console.log(JSON.stringify({ ...base, ...report, neo4jPeakRssMbAfterStart: neo4jPeak, loadAverageAtEnd: loadavg()[0] }));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
} else {
  const db = await startScratchNeo4j('bulkbench-online', sizing, { quiet: true });
  try {
    const stopWatch = watchPeak(db.neo4j.process.pid!);
    const t = Date.now();
    const report = await loadGraph(db.graph, batch);
    const wallMs = Date.now() - t;
    console.log(
      JSON.stringify({
        ...base,
        loaderMs: report.ms,
        wallMs,
        elementsPerSecond: Math.round((elements / wallMs) * 1000),
        neo4jPeakRssMb: stopWatch(),
        nodePeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        loadAverageAtEnd: loadavg()[0],
      }),
    );
  } finally {
    await db.dispose();
  }
}
