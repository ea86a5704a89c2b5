import type { AttachmentTraining } from './attachmentTraining.ts';
import { suggestSegments, trainScope } from './classifySegments.ts';
import type { ClassifyInput, ClassifyOptions, SegmentSuggestion } from './suggestion.ts';

/** The trained classifier of one chain scope, wherever it runs (this thread or a worker thread). */
export interface ScopeServer {
  /** The training data it learned from (attachmentTraining.ts): same fingerprint, same model. */
  readonly fingerprint: string;
  /** Attached firms it learned from. */
  readonly trainedOn: number;
  suggest(input: ClassifyInput, options: ClassifyOptions): Promise<SegmentSuggestion[]>;
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
    suggest: async (input, options) => suggestSegments(scope, input, options),
    alive: () => !retired,
    retire: () => void (retired = true),
  };
}
