import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../../engine/index.ts';
import { checkMaven } from './prerequisites.ts';

export const launcherDir = new URL('.', import.meta.url).pathname;
const targetDir = join(launcherDir, 'target');
const stampFile = join(targetDir, 'chainmatch.stamp');
const sources = ['pom.xml', 'src/main/java/chainmatch/EmbeddedNeo4j.java'];

/** Class path of the launcher and every Neo4j jar. */
export function launcherClassPath(): string {
  return `${join(targetDir, 'classes')}:${join(targetDir, 'lib', '*')}`;
}

function sourcesDigest(): string {
  const hash = createHash('sha256');
  for (const file of sources) hash.update(readFileSync(join(launcherDir, file)));
  return hash.digest('hex');
}

/**
 * The size of one artifact Maven reports it downloaded, or null for any other line. Maven prefixes
 * its lines with `[INFO] ` (batch mode included); matching only a bare `Downloaded from` counted 0
 * artifacts after a 162 MB first resolution.
 */
export function downloadedBytes(line: string): number | null {
  // eslint-disable-next-line no-control-regex -- Maven colours its log with ANSI escapes (ESC = \x1b), stripped before parsing
  const done = /^(?:\[INFO\] )?Downloaded from .*\((\d+(?:\.\d+)?) (kB|MB|B)\b/.exec(line.replace(/\x1b\[[0-9;]*m/g, ''));
  return done ? Number(done[1]) * (done[2] === 'MB' ? 1e6 : done[2] === 'kB' ? 1e3 : 1) : null;
}

/**
 * Resolves Neo4j's jars from Maven Central and compiles the launcher, once: a stamp records the
 * digest of the pom and the launcher source, so later starts skip Maven entirely.
 */
export async function ensureJars(log: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<void> {
  const digest = sourcesDigest();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest) return;
  checkMaven();
  log('[neo4j] resolving Neo4j Community jars from Maven Central (first run: ~120 MB) …');
  const started = Date.now();
  let downloaded = 0;
  let bytes = 0;
  const tail: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const mvn = spawn('mvn', ['-B', 'package', '-DskipTests'], { cwd: launcherDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      const size = downloadedBytes(line);
      if (size === null) return;
      downloaded += 1;
      bytes += size;
      // Visible progress without flooding the terminal: one line per 25 artifacts.
      if (downloaded % 25 === 0) log(`[neo4j] … ${downloaded} artifacts, ${(bytes / 1e6).toFixed(0)} MB`);
    };
    let buffer = '';
    const feed = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    mvn.stdout.on('data', feed);
    mvn.stderr.on('data', feed);
    mvn.on('error', reject);
    mvn.on('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new SetupError(`Maven could not resolve Neo4j (exit ${code}). Last lines:\n${tail.join('\n')}`);
  writeFileSync(stampFile, digest);
  log(`[neo4j] jars ready: ${downloaded} artifacts downloaded (${(bytes / 1e6).toFixed(0)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
