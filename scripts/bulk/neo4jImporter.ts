import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { SetupError } from '../../engine/index.ts';
import { ensureJars, launcherClassPath, launcherDir } from '../neo4j/jars.ts';
import { checkJava, javaCommand } from '../neo4j/prerequisites.ts';
import { arrayDelimiterFlag, type ImporterFiles } from './importerCsv.ts';

export interface ImporterRun {
  ms: number;
  /** Peak resident memory of the importer JVM (VmHWM), MB. */
  peakRssMb: number;
  heapMb: number;
  offHeapMb: number;
  threads: number;
}

/**
 * Memory for the importer from this machine: it works mostly off-heap (its caches of node ids and
 * relationship groups), so the heap stays small and the off-heap budget takes a share of free memory.
 */
export function importerSizing(): { heapMb: number; offHeapMb: number; threads: number } {
  const mb = (bytes: number) => Math.floor(bytes / 2 ** 20);
  return {
    heapMb: Math.max(512, Math.min(4096, mb(totalmem() * 0.1))),
    offHeapMb: Math.max(512, Math.min(8192, mb(freemem() * 0.4))),
    threads: Math.max(1, availableParallelism()),
  };
}

/** The importer ships with Neo4j (neo4j-import-tool, a dependency of the `neo4j` artifact pom.xml resolves). */
function checkImporterJar(): void {
  const lib = join(launcherDir, 'target', 'lib');
  if (!readdirSync(lib).some((f) => f.startsWith('neo4j-import-tool-'))) {
    throw new SetupError(`Neo4j's offline importer (neo4j-import-tool) is not among the jars in ${lib}; run npm run neo4j:jars`);
  }
}

/** The JVM's high-water resident memory, from /proc (Linux); 0 where there is none. */
function peakRssMb(pid: number): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return hwm ? Math.round(Number(hwm[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `neo4j-admin database import full` (org.neo4j.cli.AdminTool, the same code) as a Java process
 * on the embedded database's home: the store it writes is the `neo4j` database the embedded server
 * opens next. Every bad row aborts the import (bad tolerance 0), so nothing half-imported is kept.
 */
export async function runNeo4jImporter(
  home: string,
  input: ImporterFiles,
  options: { overwrite: boolean; log?: (line: string) => void },
): Promise<ImporterRun> {
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  checkJava();
  await ensureJars(log);
  checkImporterJar();
  const sizing = importerSizing();
  const conf = join(home, 'conf');
  mkdirSync(conf, { recursive: true });
  const multiline = input.files.some((f) => f.multiline);
  const args = [
    `-Xms${Math.min(sizing.heapMb, 512)}m`,
    `-Xmx${sizing.heapMb}m`,
    '-XX:+UseG1GC',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    launcherClassPath(),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    ...input.files.map((f) => `--${f.kind}=${f.name}=${f.path}`),
    `--array-delimiter=${arrayDelimiterFlag}`,
    '--bad-tolerance=0',
    `--threads=${sizing.threads}`,
    `--max-off-heap-memory=${sizing.offHeapMb}m`,
    `--multiline-fields=${multiline}`,
    `--report-file=${join(input.dir, 'import.report')}`,
    `--overwrite-destination=${options.overwrite}`,
    'neo4j',
  ];
  const started = Date.now();
  const child = spawn(javaCommand(), args, {
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid!))), 250);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      // The importer's own stage lines ("(1/4) Node import", "IMPORT DONE …") are the progress.
      if (/^\(\d\/\d\)|IMPORT DONE|Imported:/.test(line.trim())) log(`[bulk] ${line.trim()}`);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  clearInterval(poll);
  if (code !== 0) {
    const report = join(input.dir, 'import.report');
    const bad = existsSync(report) ? readFileSync(report, 'utf8').slice(0, 4000) : '';
    throw new SetupError(`Neo4j's importer failed (exit ${code}); nothing was imported.\n${tail.join('\n')}${bad ? `\nBad entries:\n${bad}` : ''}`);
  }
  return { ms: Date.now() - started, peakRssMb: peak, ...sizing };
}
