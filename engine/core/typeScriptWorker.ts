import { Worker } from 'node:worker_threads';

const boot = new URL('./tsWorkerBoot.mjs', import.meta.url);

/**
 * A worker thread running a TypeScript module of the engine, with `data` as its `workerData.data`.
 * Unreferenced: a worker never keeps the process alive on its own, so an engine that is never closed
 * (a script, a test) still exits.
 */
export function startTypeScriptWorker(entry: URL, data: unknown): Worker {
  const worker = new Worker(boot, { workerData: { entry: entry.href, data } });
  worker.unref();
  return worker;
}
