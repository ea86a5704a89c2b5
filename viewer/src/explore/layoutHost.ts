import { createLayout, dragNode, dropNode, isSettled, stepLayout, unpinNode, type LayoutSpec, type LayoutState } from './forceLayout.ts';
import type { FromWorker, ToWorker } from './layoutProtocol.ts';

/** Runs the force layout somewhere and reports positions (flat [x, y, …] in the spec's order). */
export interface LayoutRunner {
  readonly host: 'main' | 'worker';
  start(spec: LayoutSpec, alpha: number): void;
  drag(index: number, x: number, y: number): void;
  drop(index: number): void;
  unpin(index: number): void;
  destroy(): void;
}

type OnTick = (positions: Float32Array, settled: boolean) => void;

/** Small graphs: stepped on animation frames in the page, within a few milliseconds per frame. */
class MainThreadRunner implements LayoutRunner {
  readonly host = 'main';
  private state: LayoutState | null = null;
  private frame = 0;
  constructor(private readonly onTick: OnTick) {}

  start(spec: LayoutSpec, alpha: number): void {
    this.state = createLayout(spec, alpha);
    this.wake();
  }
  drag(index: number, x: number, y: number): void {
    if (!this.state) return;
    dragNode(this.state, index, x, y);
    this.wake();
  }
  drop(index: number): void {
    if (this.state) dropNode(this.state, index);
  }
  unpin(index: number): void {
    if (!this.state) return;
    unpinNode(this.state, index);
    this.wake();
  }
  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.state = null;
  }
  private wake(): void {
    if (this.frame) return;
    const run = () => {
      this.frame = 0;
      const state = this.state;
      if (!state) return;
      const started = performance.now();
      let out: Float32Array;
      do out = stepLayout(state, 1);
      while (!isSettled(state) && performance.now() - started < 8);
      const settled = isSettled(state);
      this.onTick(out, settled);
      if (!settled) this.frame = requestAnimationFrame(run);
    };
    this.frame = requestAnimationFrame(run);
  }
}

/** Large graphs: the same step function in a module Web Worker; positions arrive as transferred buffers. */
class WorkerRunner implements LayoutRunner {
  readonly host = 'worker';
  private readonly worker: Worker;
  private generation = 0;
  constructor(onTick: OnTick) {
    this.worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module', name: 'chainmatch-layout' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (event.data.generation === this.generation) onTick(event.data.positions, event.data.settled);
    };
  }
  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }
  start(spec: LayoutSpec, alpha: number): void {
    this.generation++;
    this.send({ type: 'start', spec, alpha });
  }
  drag(index: number, x: number, y: number): void {
    this.send({ type: 'drag', index, x, y });
  }
  drop(index: number): void {
    this.send({ type: 'drop', index });
  }
  unpin(index: number): void {
    this.send({ type: 'unpin', index });
  }
  destroy(): void {
    this.worker.terminate();
  }
}

export function workerAvailable(): boolean {
  return typeof Worker !== 'undefined';
}

export function createRunner(host: 'main' | 'worker', onTick: OnTick): LayoutRunner {
  if (host === 'worker') {
    try {
      return new WorkerRunner(onTick);
    } catch {
      // a blocked worker (policy, old browser): the page lays out itself, slower but working
    }
  }
  return new MainThreadRunner(onTick);
}
