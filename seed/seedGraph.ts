import { type Graph, lastRunStatus, loadGraph, type LoadOptions, type LoadReport } from '../engine/index.ts';
import { buildSeed, defaultSeed, type SeedOptions } from './generate/buildSeed.ts';

export function seedRunId(options: SeedOptions = {}): string {
  return `seed:scale=${options.scale ?? 1}:seed=${options.seed ?? defaultSeed}`;
}

/** Generates and loads the seed graph (idempotent: MERGE on ids, recorded as an ImportRun). */
export async function seedGraph(graph: Graph, options: SeedOptions & Omit<LoadOptions, 'runId' | 'atomic'> = {}): Promise<LoadReport> {
  const batch = buildSeed(options);
  return loadGraph(graph, batch, { ...options, runId: seedRunId(options) });
}

/** Seeds only when this seed has not completed yet (an empty database, or an interrupted load). */
export async function ensureSeeded(graph: Graph, options: Parameters<typeof seedGraph>[1] = {}): Promise<LoadReport | undefined> {
  if ((await lastRunStatus(graph, seedRunId(options))) === 'complete') return undefined;
  return seedGraph(graph, options);
}
