import type { LayoutSpec } from './forceLayout.ts';

/** Messages between the explorer and its layout worker. Positions travel as transferred Float32Arrays. */
export type ToWorker =
  | { type: 'start'; spec: LayoutSpec; alpha: number }
  | { type: 'drag'; index: number; x: number; y: number }
  | { type: 'drop'; index: number }
  | { type: 'unpin'; index: number }
  | { type: 'stop' };

export type FromWorker = { type: 'tick'; positions: Float32Array; settled: boolean; generation: number };
