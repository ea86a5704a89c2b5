import { parentPort, workerData } from 'node:worker_threads';
import type { AttachmentTraining } from './attachmentTraining.ts';
import { finishSuggestions, prepareSuggestions, trainScope, type PreparedSuggestions } from './classifySegments.ts';
import { noEmbedding } from './scopeServer.ts';
import type { ScopeEmbedding, ScopeRequest, ScopeReply } from './scopeWorker.ts';

// The worker side of scopeWorker.ts: trains once on the training data it was started with, says so,
// then answers suggestion requests one at a time until it is stopped; a request whose embedding follows is
// answered when it comes, its other signals computed before.
const port = parentPort!;
const reply = (message: ScopeReply) => port.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

try {
  const scope = trainScope((workerData as { data: AttachmentTraining }).data);
  // Requests whose embedding is still on its way, with the rest of their signals computed.
  const waiting = new Map<number, PreparedSuggestions>();
  port.on('message', (message: ScopeRequest | ScopeEmbedding) => {
    const { id } = message;
    try {
      if ('input' in message) {
        const prepared = prepareSuggestions(scope, message.input, message.options);
        if (message.embeddingFollows) return void waiting.set(id, prepared);
        return reply({ kind: 'answer', id, items: finishSuggestions(scope, prepared) });
      }
      const prepared = waiting.get(id)!;
      waiting.delete(id);
      reply({ kind: 'answer', id, items: finishSuggestions(scope, prepared, message.embedding ?? noEmbedding()) });
    } catch (error) {
      waiting.delete(id);
      reply({ kind: 'failed', id, message: messageOf(error) });
    }
  });
  reply({ kind: 'trained' });
} catch (error) {
  reply({ kind: 'failed', message: messageOf(error) });
}
