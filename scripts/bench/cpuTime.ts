import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. On a shared machine
 * wall time says how long something took; CPU time says how much work it was.
 */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th of those.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** CPU seconds of this Node process so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Runs `work` and says how much CPU the Neo4j JVM (`pid`) and this process used meanwhile. */
export async function withCpu<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; neo4jCpuS: number; nodeCpuS: number }> {
  const [jvm, own] = [cpuSecondsOf(pid), ownCpuSeconds()];
  const value = await work();
  const round = (x: number) => Math.round(x * 10) / 10;
  return { value, neo4jCpuS: round(cpuSecondsOf(pid) - jvm), nodeCpuS: round(ownCpuSeconds() - own) };
}
