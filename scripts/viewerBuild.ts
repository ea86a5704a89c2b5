import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const viewerDir = new URL('../viewer/', import.meta.url).pathname;
const configFile = join(viewerDir, 'vite.config.ts');
const builtIndex = join(viewerDir, 'dist', 'index.html');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the viewer when it has no build or a source is newer than the build, so `npm start` always serves the current one. */
export async function ensureViewerBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!existsSync(configFile)) return;
  if (existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource(viewerDir)) return;
  log('[viewer] building …');
  const { build } = await import('vite');
  await build({ configFile, logLevel: 'warn' });
  log('[viewer] built');
}
