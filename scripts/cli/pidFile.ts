import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultEmbeddedOptions } from '../neo4j/embedded.ts';

/**
 * `chainmatch db start` keeps the embedded Neo4j running in the foreground and says so in a pid
 * file in the data folder (just the process id, so `kill $(cat …)` works). Other commands connect
 * to it rather than start a second database on the same store.
 */
export function pidFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultEmbeddedOptions(env).dataDir, 'chainmatch.pid');
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where /proc exists, a reused pid is told apart: the process must be a chainmatch CLI. */
function looksLikeOurs(pid: number): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    return /chainmatch|cli\.ts/.test(readFileSync(cmdline, 'utf8'));
  } catch {
    return false;
  }
}

/** The pid of a running `db start`, or undefined (a stale file is removed). */
export function runningDatabase(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const path = pidFilePath(env);
  if (!existsSync(path)) return undefined;
  const pid = Number(readFileSync(path, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && looksLikeOurs(pid)) return pid;
  rmSync(path, { force: true });
  return undefined;
}

export function writePidFile(env: NodeJS.ProcessEnv = process.env): void {
  writeFileSync(pidFilePath(env), `${process.pid}\n`);
}

/** Removes the pid file if it is this process's. */
export function removePidFile(env: NodeJS.ProcessEnv = process.env): void {
  const path = pidFilePath(env);
  if (existsSync(path) && readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
}
