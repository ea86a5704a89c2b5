import type { Graph } from './graph.ts';
import { nodeLabels, searchableLabels } from '../model/graphModel.ts';

/** Name of the full-text index over every searchable label (Lucene CJK bigrams for Chinese). */
export const fullTextIndexName = 'entity_text';

/**
 * The schema statements, in order. Every statement is `IF NOT EXISTS`, so running them on each
 * start is idempotent. Labels come from the model's allow-list, never from input.
 */
export function schemaStatements(): string[] {
  const constraints = [
    ...nodeLabels.map((label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`),
    // The one data-version node (graph/dataVersion.ts): two first writes at once MERGE one node, not two.
    'CREATE CONSTRAINT data_version_id IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.id IS UNIQUE',
  ];
  // Range indexes for the properties that queries filter on besides `id`.
  const indexes = [
    ['Enterprise', 'local'],
    ['Enterprise', 'province'],
    ['Enterprise', 'name'],
    // the attachment review queue (classify/reviewStore.ts) lists pending firms
    ['Enterprise', 'reviewStatus'],
    ['Segment', 'chainId'],
    ['Product', 'name'],
    ['Topic', 'name'],
    ['Offer', 'kind'],
    ['Demand', 'kind'],
    ['Match', 'status'],
  ].map(([label, prop]) => `CREATE INDEX ${label.toLowerCase()}_${prop} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`);
  const fullText =
    `CREATE FULLTEXT INDEX ${fullTextIndexName} IF NOT EXISTS FOR (n:${searchableLabels.join('|')}) ` +
    `ON EACH [n.name, n.description, n.title] ` +
    // Eventually consistent: Lucene updates leave the commit path (loads ran ~1.7× faster here);
    // search may trail a write by moments, which no caller depends on.
    `OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk', \`fulltext.eventually_consistent\`: true } }`;
  return [...constraints, ...indexes, fullText];
}

export async function ensureSchema(graph: Graph): Promise<void> {
  for (const statement of schemaStatements()) await graph.run(statement);
  await graph.run('CALL db.awaitIndexes(300)');
}

export interface SchemaReport {
  constraints: { name: string; labels: string[]; properties: string[] }[];
  indexes: { name: string; type: string; labels: string[]; properties: string[]; state: string; analyzer?: string }[];
}

export async function describeSchema(graph: Graph): Promise<SchemaReport> {
  const constraints = await graph.query<{ name: string; labels: string[]; properties: string[] }>(
    "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN name, labelsOrTypes AS labels, properties",
  );
  const indexes = await graph.query<{
    name: string;
    type: string;
    labels: string[];
    properties: string[];
    state: string;
    options: { indexConfig?: Record<string, unknown> };
  }>('SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, options RETURN name, type, labelsOrTypes AS labels, properties, state, options');
  return {
    constraints,
    indexes: indexes.map(({ options, ...i }) => ({ ...i, analyzer: options?.indexConfig?.['fulltext.analyzer'] as string | undefined })),
  };
}
