/// <reference lib="webworker" />
import { createLayout, dragNode, dropNode, isSettled, stepLayout, unpinNode, type LayoutState } from './forceLayout.ts';
import type { FromWorker, ToWorker } from './layoutProtocol.ts';

/**
 * The force layout off the main thread: steps the simulation and posts positions after each step,
 * yielding between steps so drags and restarts are heard at once.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let state: LayoutState | null = null;
let generation = 0;
let running = false;

function loop(): void {
  if (!state) {
    running = false;
    return;
  }
  const started = performance.now();
  let out: Float32Array;
  // Small graphs: several steps per message; big ones: one (each step is already a few ms).
  do out = stepLayout(state, 1);
  while (!isSettled(state) && performance.now() - started < 12 && state.nodes.length < 2000);
  const settled = isSettled(state);
  const message: FromWorker = { type: 'tick', positions: out, settled, generation };
  scope.postMessage(message, [out.buffer]);
  if (settled) running = false;
  else setTimeout(loop, 0);
}

function wake(): void {
  if (running) return;
  running = true;
  setTimeout(loop, 0);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'start') {
    state = createLayout(m.spec, m.alpha);
    generation++;
    wake();
  } else if (m.type === 'stop') {
    state = null;
  } else if (state) {
    if (m.type === 'drag') dragNode(state, m.index, m.x, m.y);
    else if (m.type === 'drop') dropNode(state, m.index);
    else if (m.type === 'unpin') unpinNode(state, m.index);
    wake();
  }
};
