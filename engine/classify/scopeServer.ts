import { hasFirmEmbeddings, type AttachmentTraining } from './attachmentTraining.ts';
import { finishSuggestions, prepareSuggestions, trainScope } from './classifySegments.ts';
import type { ClassifyInput, ClassifyOptions, SegmentSuggestion } from './suggestion.ts';

/** The trained classifier of one chain scope, wherever it runs (this thread or a worker thread). */
export interface ScopeServer {
  /** The training data it learned from (attachmentTraining.ts): same fingerprint, same model. */
  readonly fingerprint: string;
  /** Attached firms it learned from. */
  readonly trainedOn: number;
  /** Whether it reads meaning too: every firm it learned from had a vector, so a firm asked about needs one (`embedding`). */
  readonly dense: boolean;
  /**
   * `embedding`: the firm's vector, on its way (a dense scope): the rest of its signals are computed
   * meanwhile. Rejects when it resolves to undefined (the caller answers lexically instead).
   */
  suggest(input: ClassifyInput, options: ClassifyOptions, embedding?: Promise<Float32Array | undefined>): Promise<SegmentSuggestion[]>;
  /** False once it can no longer answer (its worker stopped): the scope is trained again. */
  alive(): boolean;
  /** Frees it once the answers already asked of it are given. */
  retire(): void;
}

/** Trains and answers on the calling thread: blocks it while training (seconds at thousands of firms). */
export function inProcessScope(training: AttachmentTraining): ScopeServer {
  const scope = trainScope(training);
  let retired = false;
  return {
    fingerprint: training.fingerprint,
    trainedOn: training.firms.length,
    dense: hasFirmEmbeddings(training),
    suggest: async (input, options, embedding) => {
      const prepared = prepareSuggestions(scope, input, options);
      return finishSuggestions(scope, prepared, embedding && ((await embedding) ?? noEmbedding()));
    },
    alive: () => !retired,
    retire: () => void (retired = true),
  };
}

/** The firm's embedding did not come: a dense classifier cannot answer without it. */
export function noEmbedding(): never {
  throw new Error('The firm could not be embedded: a classifier that reads meaning cannot rank it');
}
