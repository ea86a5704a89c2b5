// `npm run model:fetch -- [--model <hf id>]`: download a sentence-embedding model in transformers.js layout
// (default Xenova/bge-small-zh-v1.5) into EMBED_MODEL_PATH (default .data/models), on a machine with internet.
// Only this command downloads: loadEmbedder never does, so copy the folder to machines without internet.
// HF_ENDPOINT, the Hugging Face clients' own setting, points it at a mirror where huggingface.co is blocked.
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DEFAULT_MODEL_ID, MODEL_FILES } from '../engine/index.ts';

const { values } = parseArgs({ options: { model: { type: 'string' } }, strict: true });
const modelId = values.model ?? DEFAULT_MODEL_ID;
const modelPath = path.resolve(process.env.EMBED_MODEL_PATH || '.data/models');
const endpoint = (process.env.HF_ENDPOINT || 'https://huggingface.co').replace(/\/+$/, '');
const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);

async function fetchFile(file: string): Promise<void> {
  const target = path.join(modelPath, modelId, file);
  if (
    await access(target).then(
      () => true,
      () => false,
    )
  ) {
    console.error(`${file}: already present`);
    return;
  }
  const url = `${endpoint}/${modelId}/resolve/main/${file}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(
      `cannot reach ${endpoint} (${code}): model:fetch needs internet. Run it on a machine that has it and copy ${path.join(modelPath, modelId)} here, or set HF_ENDPOINT to a reachable mirror.`,
    );
  }
  if (!response.ok || !response.body) {
    throw new Error(`${url} answered HTTP ${response.status}: is "${modelId}" a public model in transformers.js layout (with onnx/model.onnx)?`);
  }

  const total = Number(response.headers.get('content-length')) || 0;
  const bar = new cliProgress.SingleBar(
    {
      format: `${file.padEnd(21)} [{bar}] {percentage}% | {done}/{size} MB`,
      hideCursor: true,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { done: '0.0', size: total ? megabytes(total) : '?' });
  let received = 0;
  const progress = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      bar.update(received, { done: megabytes(received) });
      done(null, chunk);
    },
  });
  // Written aside and renamed once complete: the loader only checks that files exist, so an interrupted
  // download must never leave a file under its final name.
  const partial = `${target}.part`;
  await mkdir(path.dirname(target), { recursive: true });
  try {
    // The DOM and node:stream/web typings of the same ReadableStream differ; the object is Node's own.
    await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), progress, createWriteStream(partial));
  } finally {
    bar.stop();
  }
  await rename(partial, target);
}

try {
  console.error(`fetching ${modelId} from ${endpoint} into ${path.join(modelPath, modelId)}`);
  for (const file of MODEL_FILES) await fetchFile(file);
  const size = (await Promise.all(MODEL_FILES.map((f) => stat(path.join(modelPath, modelId, f))))).reduce((sum, s) => sum + s.size, 0);
  console.log(`${modelId}: ${megabytes(size)} MB in ${path.join(modelPath, modelId)}`);
  console.log(`use it with: EMBED_MODEL_PATH=${modelPath} EMBED_MODEL_ID=${modelId}`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
