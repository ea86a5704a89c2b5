import { parentPort, workerData } from 'node:worker_threads';
import type { AttachmentTraining } from './attachmentTraining.ts';
import { suggestSegments, trainScope } from './classifySegments.ts';
import type { ScopeRequest, ScopeReply } from './scopeWorker.ts';

// The worker side of scopeWorker.ts: trains once on the training data it was started with, says so,
// then answers suggestion requests one at a time until it is stopped.
const port = parentPort!;
const reply = (message: ScopeReply) => port.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

try {
  const scope = trainScope((workerData as { data: AttachmentTraining }).data);
  port.on('message', ({ id, input, options }: ScopeRequest) => {
    try {
      reply({ kind: 'answer', id, items: suggestSegments(scope, input, options) });
    } catch (error) {
      reply({ kind: 'failed', id, message: messageOf(error) });
    }
  });
  reply({ kind: 'trained' });
} catch (error) {
  reply({ kind: 'failed', message: messageOf(error) });
}
