import type { FirmDescription } from './firmTerms.ts';
import type { Neighbour } from './nearest.ts';

/** A firm the deployment already placed in segments: the training data of attachment. */
export interface LabelledFirm extends FirmDescription {
  id: string;
  /** Indices into the model's segment list. */
  labels: number[];
}

/** A segment as its chain template describes it (name, description, keywords, included products). */
export interface SegmentWords {
  id: string;
  text: string[];
  /** The products the segment INCLUDES in its chain template. */
  products?: string[];
  /**
   * How many firms are attached to it in the graph, when the training holds only a sample of them
   * (attachmentModel.maxFirmsPerSegment): the frequency prior reads the whole count.
   */
  attached?: number;
}

/**
 * The signals, in order. Each is computed for every segment (`attachmentModel.ts`); a conditional
 * logit fit on the graph's own firms weighs them (`attachmentClassifier.ts`).
 */
export const signalNames = [
  'gramCentroid',
  'wordCentroid',
  'nameCentroid',
  'gramNeighbours',
  'wordNeighbours',
  'productNeighbours',
  'segmentText',
  'prior',
  'productLines',
  'segmentProducts',
  'leadingProductLines',
  'leadingGramCentroid',
  'similarSegments',
  'denseCentroid',
  'denseNeighbours',
  'nameNeighbours',
  'nameSegmentText',
  'termLogit',
] as const;
export type SignalName = (typeof signalNames)[number];

/** Signals per segment: the row width of a signal table. */
export const signalCount = signalNames.length;
export const column = (name: SignalName) => signalNames.indexOf(name);

export interface SignalTable {
  /** segments × signals, row-major. */
  values: Float64Array;
  /** The nearest attached firms (by product n-grams), for explanations. */
  neighbours: Neighbour[];
}
