// The server-side reference for the loader benchmark: the same validated rows written to CSV under the
// database's import folder and loaded with `LOAD CSV … CALL (row) { MERGE … } IN TRANSACTIONS OF n ROWS`,
// MERGE on the same labelled, uniquely constrained keys as engine/load/loadGraph.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Graph, GraphBatch } from '../../engine/index.ts';

type ColumnType = 'string' | 'number' | 'boolean' | 'list';

interface Column {
  name: string;
  type: ColumnType;
}

export interface CsvStatement {
  /** Label, or TYPE(From→To). */
  name: string;
  file: string;
  rows: number;
  /** Passed as $url. */
  url: string;
  cypher: string;
}

/** Lists travel as one field joined by this (checked absent from every item); an empty list is `[]`. */
const listSeparator = '|';
const emptyList = '[]';

function typeOf(value: unknown): ColumnType | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function columnsOf(rows: Record<string, unknown>[], skip: string[]): Column[] {
  const types = new Map<string, ColumnType | undefined>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      if (skip.includes(name)) continue;
      if (!types.get(name)) types.set(name, typeOf(value));
    }
  }
  // A column that is null in every row is never written by the loader either (SET += null removes).
  return [...types].filter(([, type]) => type).map(([name, type]) => ({ name, type: type! }));
}

function encode(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'list') {
    const items = (value as unknown[]).map(String);
    if (items.length === 0) return emptyList;
    if (items.some((i) => i.includes(listSeparator))) throw new Error(`a list item contains "${listSeparator}"`);
    return items.join(listSeparator);
  }
  return String(value);
}

/** The Cypher expression that turns the CSV string back into the loader's type (JS numbers are sent as floats). */
function decode(column: Column): string {
  const field = `row.\`${column.name}\``;
  switch (column.type) {
    case 'number':
      return `toFloat(${field})`;
    case 'boolean':
      return `CASE ${field} WHEN 'true' THEN true WHEN 'false' THEN false END`;
    case 'list':
      return `CASE WHEN ${field} IS NULL THEN null WHEN ${field} = '${emptyList}' THEN [] ELSE split(${field}, '${listSeparator}') END`;
    default:
      return field;
  }
}

function setClause(variable: string, columns: Column[]): string {
  if (columns.length === 0) return '';
  return ` SET ${variable} += {${columns.map((c) => `\`${c.name}\`: ${decode(c)}`).join(', ')}}`;
}

/**
 * Writes one CSV per node and relationship group into `dir` and returns the LOAD CSV statements in
 * the loader's order (every node group, then every relationship group). `urlOf` turns a file name
 * into the URL the server accepts (see importUrl).
 */
export function writeCsvReference(batch: GraphBatch, dir: string, urlOf: (file: string) => string, rowsPerTransaction: number): CsvStatement[] {
  mkdirSync(dir, { recursive: true });
  const statements: CsvStatement[] = [];
  batch.nodes.forEach((group, i) => {
    const columns = columnsOf(group.rows, ['id']);
    const file = `nodes-${i}-${group.label}.csv`;
    const header = ['id', ...columns.map((c) => c.name)];
    const records = group.rows.map((r) => [String(r.id), ...columns.map((c) => encode(r[c.name], c.type))]);
    writeFileSync(join(dir, file), stringify([header, ...records]));
    statements.push({
      name: group.label,
      file,
      rows: group.rows.length,
      url: urlOf(file),
      cypher:
        `LOAD CSV WITH HEADERS FROM $url AS row ` +
        `CALL (row) { MERGE (n:${group.label} {id: row.id})${setClause('n', columns)} } IN TRANSACTIONS OF ${rowsPerTransaction} ROWS`,
    });
  });
  batch.relationships.forEach((group, i) => {
    const columns = columnsOf(
      group.rows.map((r) => r.props ?? {}),
      [],
    );
    const file = `rels-${i}-${group.type}-${group.from}-${group.to}.csv`;
    const header = ['from', 'to', ...columns.map((c) => c.name)];
    const records = group.rows.map((r) => [r.from, r.to, ...columns.map((c) => encode(r.props?.[c.name], c.type))]);
    writeFileSync(join(dir, file), stringify([header, ...records]));
    statements.push({
      name: `${group.type}(${group.from}→${group.to})`,
      file,
      rows: group.rows.length,
      url: urlOf(file),
      cypher:
        `LOAD CSV WITH HEADERS FROM $url AS row ` +
        `CALL (row) { MATCH (a:${group.from} {id: row.from}) MATCH (b:${group.to} {id: row.to}) ` +
        `MERGE (a)-[r:${group.type}]->(b)${setClause('r', columns)} } IN TRANSACTIONS OF ${rowsPerTransaction} ROWS`,
    });
  });
  return statements;
}

export interface ImportFolder {
  /** Where to write the CSV files. */
  dir: string;
  /** How a file there is named in `LOAD CSV FROM`. */
  urlOf: (file: string) => string;
  /** What the probe found, for the report. */
  note: string;
}

/**
 * Finds how the server reads `<home>/import`. When `server.directories.import` is set to it (Neo4j
 * server's default), `file:///name.csv` resolves inside it; the embedded DBMS built by
 * DatabaseManagementServiceBuilder leaves the setting unset, and then file URLs are absolute paths
 * anywhere on the file system. Probes both with a one-line file and says which worked.
 */
export async function probeImportFolder(graph: Graph, home: string): Promise<ImportFolder> {
  const dir = join(home, 'import');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'probe.csv'), 'x\n1\n');
  const tryUrl = async (url: string) => {
    try {
      await graph.run('LOAD CSV WITH HEADERS FROM $url AS row RETURN count(row) AS n', { url });
      return undefined;
    } catch (error) {
      return `${(error as { code?: string }).code ?? ''} ${(error as Error).message.split('\n')[0]}`;
    }
  };
  const relativeError = await tryUrl('file:///probe.csv');
  if (!relativeError) return { dir, urlOf: (f) => `file:///${f}`, note: 'server.directories.import = <home>/import (file:///name.csv resolves inside it)' };
  const absoluteError = await tryUrl(`file://${join(dir, 'probe.csv')}`);
  if (!absoluteError) {
    writeFileSync(join(home, 'outside-import.csv'), 'x\n1\n');
    const outsideError = await tryUrl(`file://${join(home, 'outside-import.csv')}`);
    return {
      dir,
      urlOf: (f) => `file://${join(dir, f)}`,
      note:
        `server.directories.import is not <home>/import: file:///probe.csv failed (${relativeError.trim()}); the absolute path worked, ` +
        (outsideError ? 'and a file outside <home>/import was refused' : 'and so did a file outside <home>/import: LOAD CSV reads any file the JVM can'),
    };
  }
  throw new Error(`LOAD CSV is refused: relative URL: ${relativeError}; absolute URL: ${absoluteError}`);
}

/** Runs the statements one after another (each an auto-commit `CALL … IN TRANSACTIONS`); returns wall ms. */
export async function runCsvReference(graph: Graph, statements: CsvStatement[]): Promise<number> {
  const started = performance.now();
  for (const s of statements) await graph.run(s.cypher, { url: s.url });
  return performance.now() - started;
}
