// The engine's public surface. api/, scripts/ and seed/ import from here; internals stay behind it.
export * from './errors.ts';
export { Graph } from './graph/graph.ts';
export { createDriver, remoteTargetFromEnv, type GraphTarget } from './graph/connection.ts';
export { ensureSchema, describeSchema, fullTextIndexName } from './graph/schema.ts';
export { graphCounts, neo4jVersion, deleteAllData, type GraphCounts } from './graph/stats.ts';
export { loadGraph, lastRunStatus, type LoadOptions, type LoadReport } from './load/loadGraph.ts';
export type { GraphBatch, NodeRows, RelationshipRows } from './load/graphBatch.ts';
export { healthReport, type HealthReport } from './health.ts';
export { ChainMatchEngine, type GapReport } from './chainMatchEngine.ts';
export * from './contracts/chains.ts';
export * from './contracts/partners.ts';
export type { PartnerResult, PartnerCandidate } from './match/partners/rankPartners.ts';
export type { Explanation, GraphPath, SignalScore } from './match/explanation.ts';
export { tableToCsv, tableToXlsx, partnerTable, type Table } from './export/tables.ts';
