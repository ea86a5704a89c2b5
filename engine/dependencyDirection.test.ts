import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Keeps issue 14's cycle from returning: matchers, tracking and exports once imported each other in a
 * ring (match/resources → tracking → export → match). The dependency goes one way now — exports print
 * what the matchers and the tracking hold, the resource matcher reads agreed matches from tracking, and
 * tracking keeps an explanation as the contract's snapshot (engine/contracts) without importing a matcher.
 *
 * The same holds between folders: engine sub-folders and the engine root (the engine classes, which
 * import the folders; `index.ts`, the public entry, is left out) may not import each other in a ring,
 * save through the few imports listed in `knownFolderCycles`, each a cycle found when the check was
 * written and named so it can be undone. A new ring fails with the folders and one file import per step.
 *
 * Reads the source as text (relative `.ts` imports only; every engine import is one), so it costs
 * milliseconds and needs no dependency-graph package.
 */
const engineDir = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

// `import … from '…'` and `export … from '…'`, types included: a type import ties the folders as much as a value does.
const importSpecifier = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+'(\.[^']+)'/gm;

/** Every engine file and the engine files it imports, by path relative to engine/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(engineDir)) {
    const targets = [...readFileSync(file, 'utf8').matchAll(importSpecifier)].map((m) => resolve(dirname(file), m[1]));
    graph.set(
      relative(engineDir, file),
      targets.filter((t) => t.startsWith(engineDir + sep)).map((t) => relative(engineDir, t)),
    );
  }
  return graph;
}

const folderOf = (file: string) => (file.includes(sep) ? file.split(sep)[0] : '(root)');

/**
 * The folder each engine folder (the root counted as one) imports, with one file import that ties them
 * (for the failure message). Imports inside a folder are left out, and so are index.ts's: it is the
 * public entry, re-exporting every folder, and nothing in the engine imports it.
 */
function folderGraph(graph: Map<string, string[]>): Map<string, Map<string, string>> {
  const folders = new Map<string, Map<string, string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    if (file === 'index.ts') continue;
    for (const target of targets) {
      const to = folderOf(target);
      if (to === from) continue;
      if (!folders.has(from)) folders.set(from, new Map());
      if (!folders.get(from)!.has(to)) folders.get(from)!.set(to, `${file} → ${target}`);
    }
  }
  return folders;
}

/**
 * Folder imports that close a ring today, each with where it comes from; removed from the folder graph
 * before the cycle check. Fix one, and the test below tells you to strike it from this list.
 */
// Empty since the last ring (text → match) was undone; a ring that cannot be fixed at once goes here with its cause.
const knownFolderCycles: [from: string, to: string, why: string][] = [];

/** One file-level cycle, as the files around it, or null. Depth-first with colours. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const found = visit(file);
    if (found) return found;
  }
  return null;
}

describe('engine dependency direction (issue 14)', () => {
  const graph = importGraph();

  it('reads the engine: hundreds of files, the three folders among them', () => {
    expect(graph.size).toBeGreaterThan(100);
    for (const folder of ['match', 'tracking', 'export']) expect([...graph.keys()].some((f) => folderOf(f) === folder)).toBe(true);
  });

  it('no engine file reaches itself through its imports', () => {
    expect(findCycle(graph)).toBeNull();
  });

  // export → match → tracking: each line names a file that would import against that order.
  it.each([
    ['tracking', 'match'],
    ['tracking', 'export'],
    ['match', 'export'],
  ])('%s/ imports nothing from %s/', (from, to) => {
    const against = [...graph].flatMap(([file, targets]) =>
      folderOf(file) === from ? targets.filter((t) => folderOf(t) === to).map((t) => `${file} → ${t}`) : [],
    );
    expect(against).toEqual([]);
  });

  it('core/ imports nothing of the engine outside core/ (every folder may use it, so it may use none)', () => {
    expect([...graph].some(([file]) => folderOf(file) === 'core')).toBe(true);
    const outside = [...graph].flatMap(([file, targets]) =>
      folderOf(file) === 'core' ? targets.filter((t) => folderOf(t) !== 'core').map((t) => `${file} → ${t}`) : [],
    );
    expect(outside).toEqual([]);
  });

  const folders = folderGraph(graph);
  const withoutKnown = new Map(
    [...folders].map(([from, tos]) => [from, [...tos.keys()].filter((to) => !knownFolderCycles.some(([f, t]) => f === from && t === to))]),
  );

  it('no engine sub-folder reaches itself through its imports (save the known cycles listed above)', () => {
    const ring = findCycle(withoutKnown);
    const steps = ring?.slice(1).map((to, i) => `${ring[i]} → ${to} (${folders.get(ring[i])?.get(to)})`);
    expect(steps ?? null).toBeNull();
  });

  it.each(knownFolderCycles)('known cycle %s/ → %s/ is still there (strike it from the list once fixed)', (from, to) => {
    expect(folders.get(from)?.has(to)).toBe(true);
  });

  it('nothing in the engine imports its public entry (index.ts)', () => {
    expect([...graph].filter(([, targets]) => targets.includes('index.ts')).map(([file]) => file)).toEqual([]);
  });

  it('would see a ring through the engine root (a folder importing an engine class, as export/ once did)', () => {
    expect(folders.get('(root)')?.has('export')).toBe(true);
    const ringed = new Map(withoutKnown);
    ringed.set('export', [...(withoutKnown.get('export') ?? []), '(root)']);
    expect(findCycle(ringed)).not.toBeNull();
  });

  it('would see a folder ring (config/ importing match/ again, as it did through the Confidence type)', () => {
    const ringed = new Map(withoutKnown);
    ringed.set('config', [...(withoutKnown.get('config') ?? []), 'match']);
    expect(findCycle(ringed)).not.toBeNull();
  });

  it('would see the cycle it guards against (the walker finds a ring written into a copy of the graph)', () => {
    const ringed = new Map(graph);
    ringed.set('export/matchTable.ts', [...(graph.get('export/matchTable.ts') ?? []), 'match/explanation.ts']);
    ringed.set('match/explanation.ts', [...(graph.get('match/explanation.ts') ?? []), 'export/matchTable.ts']);
    expect(findCycle(ringed)).not.toBeNull();
  });
});
