import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { type Graph, neo4jVersion } from '../../engine/index.ts';

export interface MachineInfo {
  nproc: number;
  ramGb: number;
  cpuModel: string;
  node: string;
  java: string;
  neo4j?: string;
  /** 1-minute load average when the run started: other work on the machine makes numbers noisy. */
  loadAverage1m: number;
}

/** First line of `java -version` (which writes to stderr). */
function javaVersion(): string {
  const run = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return `${run.stderr ?? ''}${run.stdout ?? ''}`.split('\n')[0].trim() || 'not found';
}

export async function machineInfo(graph?: Graph): Promise<MachineInfo> {
  return {
    nproc: availableParallelism(),
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    java: javaVersion(),
    neo4j: graph ? (await neo4jVersion(graph)).version : undefined,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

/** How busy the machine is: the 1-minute load average and the share of the last 60 s some task waited for a CPU (PSI). */
export function machineLoad(): { loadAverage1m: number; cpuPressureSome60Pct?: number } {
  let pressure: number | undefined;
  try {
    pressure = Number(/some avg10=[\d.]+ avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1]);
  } catch {
    // No pressure stall information on this kernel.
  }
  return { loadAverage1m: Math.round(loadavg()[0] * 100) / 100, cpuPressureSome60Pct: pressure };
}
