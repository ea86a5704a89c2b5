// The entry of every worker thread the engine starts. Workers do not inherit the TypeScript loader of the
// thread that starts them (tsx's hooks are registered per thread), so this plain module registers it and
// then imports the worker's own TypeScript entry, named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
