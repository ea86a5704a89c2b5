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
    graph.set(relative(engineDir, file), targets.filter((t) => t.startsWith(engineDir + sep)).map((t) => relative(engineDir, t)));
  }
  return graph;
}

const folderOf = (file: string) => (file.includes(sep) ? file.split(sep)[0] : '(root)');

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

  it('would see the cycle it guards against (the walker finds a ring written into a copy of the graph)', () => {
    const ringed = new Map(graph);
    ringed.set('export/matchTable.ts', [...(graph.get('export/matchTable.ts') ?? []), 'match/explanation.ts']);
    ringed.set('match/explanation.ts', [...(graph.get('match/explanation.ts') ?? []), 'export/matchTable.ts']);
    expect(findCycle(ringed)).not.toBeNull();
  });
});
