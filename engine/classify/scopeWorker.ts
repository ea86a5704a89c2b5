import { attachmentService } from '../config/attachment.ts';
import { startTypeScriptWorker } from '../core/typeScriptWorker.ts';
import { hasFirmEmbeddings, type AttachmentTraining } from './attachmentTraining.ts';
import type { ScopeServer } from './scopeServer.ts';
import type { ClassifyInput, ClassifyOptions, SegmentSuggestion } from './suggestion.ts';

export interface ScopeRequest {
  id: number;
  input: ClassifyInput;
  options: ClassifyOptions;
  /** The firm's embedding comes in a second message (`ScopeEmbedding`): compute the rest meanwhile. */
  embeddingFollows: boolean;
}

/** The embedding a request said would follow; null when it could not be had (the request fails). */
export interface ScopeEmbedding {
  id: number;
  embedding: Float32Array | null;
}

export type ScopeReply =
  | { kind: 'trained' }
  | { kind: 'answer'; id: number; items: SegmentSuggestion[] }
  /** Without `id`: training failed and the worker is of no use. */
  | { kind: 'failed'; id?: number; message: string };

const entry = new URL('./scopeWorkerThread.ts', import.meta.url);

/**
 * Trains a scope's classifier in a worker thread and answers from it there. Training takes seconds
 * of CPU at thousands of attached firms (issue 17: 4–10 s on the seed, 25–34 s at 11k firms); on the
 * API's one thread it stopped every other request meanwhile. In a worker the API keeps answering, and
 * on two cores the training runs beside it. Resolves once trained; rejects if training fails.
 */
export function workerScope(training: AttachmentTraining): Promise<ScopeServer> {
  const worker = startTypeScriptWorker(entry, training);
  const pending = new Map<number, { resolve: (items: SegmentSuggestion[]) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopped = false;
  let retired = false;
  let retireDue = false;
  // Referenced only while it has work: a caller awaiting it keeps the process alive, an idle one does not.
  const holdProcessWhileBusy = () => (pending.size > 0 ? worker.ref() : worker.unref());
  const stopIfDone = () => {
    if (retireDue && pending.size === 0 && !stopped) {
      stopped = true;
      void worker.terminate();
    }
    holdProcessWhileBusy();
  };

  const server: ScopeServer = {
    fingerprint: training.fingerprint,
    trainedOn: training.firms.length,
    dense: hasFirmEmbeddings(training),
    suggest: (input, options, embedding) =>
      new Promise((resolve, reject) => {
        if (stopped) return reject(new Error('The classifier of this scope has stopped'));
        const id = nextId++;
        pending.set(id, { resolve, reject });
        holdProcessWhileBusy();
        worker.postMessage({ id, input, options, embeddingFollows: embedding !== undefined } satisfies ScopeRequest);
        // A rejected embedding is a null one: the worker then fails the request.
        embedding?.then(
          (v) => !stopped && worker.postMessage({ id, embedding: v ?? null } satisfies ScopeEmbedding),
          () => !stopped && worker.postMessage({ id, embedding: null } satisfies ScopeEmbedding),
        );
      }),
    alive: () => !stopped && !retired,
    // A request may hold this server between the await that handed it over and its `suggest`: the worker
    // stops only after a grace period and once the answers asked of it are given.
    retire: () => {
      if (retired) return;
      retired = true;
      setTimeout(() => {
        retireDue = true;
        stopIfDone();
      }, attachmentService.retireGraceMs).unref();
    },
  };

  return new Promise((resolve, reject) => {
    let trained = false;
    const fail = (error: Error) => {
      stopped = true;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      if (!trained) reject(error);
    };
    worker.ref();
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The classifier's worker stopped (exit code ${code})`)));
    worker.on('message', (message: ScopeReply) => {
      if (message.kind === 'trained') {
        trained = true;
        holdProcessWhileBusy();
        return resolve(server);
      }
      if (message.kind === 'failed' && message.id === undefined) {
        fail(new Error(message.message));
        return void worker.terminate();
      }
      const waiting = pending.get(message.id!);
      pending.delete(message.id!);
      if (message.kind === 'answer') waiting?.resolve(message.items);
      else waiting?.reject(new Error(message.message));
      stopIfDone();
    });
  });
}
