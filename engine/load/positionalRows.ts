import type { NodeRows, RelationshipRow, RelationshipRows } from './graphBatch.ts';

/**
 * Rows as the loader sends them: the keys that find the node or relationship (`id`, or `from` and
 * `to`) stay named, every other value travels in one list `v`, in the order of the statement's
 * `columns`. Neo4j decodes a Bolt map key by key; at 100k firms decoding rows of ~20 named
 * properties made the loader spend more server CPU per element than LOAD CSV (BENCHMARKS.md). A list
 * decodes without keys.
 *
 * Partial updates keep their meaning: a statement is built for one set of keys (its columns) and a
 * batch holds only consecutive rows with exactly those keys, so `SET n += {col: row.v[i], …}` sets
 * what the row names — null still removes — and leaves every other property as it was, as
 * `SET n += row` did. Row order is kept, so a repeated id still ends with its last row's values.
 */
export interface PositionalBatch<R> {
  columns: string[];
  rows: R[];
}

/** Property names go into Cypher text; they come from the model's schemas, and anything else is refused. */
const propertyName = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkedColumns(keys: string[]): string[] {
  for (const key of keys) if (!propertyName.test(key)) throw new RangeError(`not a property name the loader writes: ${JSON.stringify(key)}`);
  return keys.sort();
}

function setClause(variable: string, columns: string[]): string {
  return columns.length === 0 ? '' : ` SET ${variable} += {${columns.map((c, i) => `\`${c}\`: row.v[${i}]`).join(', ')}}`;
}

/** Statements are built from allow-listed labels and types and checked property names; all values are parameters. */
export function nodeMergeCypher(group: NodeRows, columns: string[] = []): string {
  return `UNWIND $rows AS row MERGE (n:${group.label} {id: row.id})${setClause('n', columns)}`;
}

export function relationshipMergeCypher(group: RelationshipRows, columns: string[] = []): string {
  return (
    `UNWIND $rows AS row MATCH (a:${group.from} {id: row.from}) MATCH (b:${group.to} {id: row.to}) ` +
    `MERGE (a)-[r:${group.type}]->(b)${setClause('r', columns)} RETURN count(r) AS written`
  );
}

/** Consecutive runs of rows with the same keys, at most `size` rows each, in order. */
function* runs<T>(rows: readonly T[], keysOf: (row: T) => string[], size: number): Generator<{ columns: string[]; rows: T[] }> {
  let columns: string[] = [];
  let shape = '';
  let current: T[] = [];
  for (const row of rows) {
    const keys = checkedColumns(keysOf(row));
    const key = keys.join('\u0000');
    if (current.length > 0 && (key !== shape || current.length >= size)) {
      yield { columns, rows: current };
      current = [];
    }
    if (current.length === 0) {
      columns = keys;
      shape = key;
    }
    current.push(row);
  }
  if (current.length > 0) yield { columns, rows: current };
}

export type NodeRow = { id: unknown; v: unknown[] };

export function* positionalNodeBatches(rows: readonly Record<string, unknown>[], size: number): Generator<PositionalBatch<NodeRow>> {
  for (const run of runs(rows, (row) => Object.keys(row).filter((k) => k !== 'id'), size)) {
    yield { columns: run.columns, rows: run.rows.map((row) => ({ id: row.id, v: run.columns.map((c) => row[c]) })) };
  }
}

export type RelationshipRowOut = { from: string; to: string; v: unknown[] };

export function* positionalRelationshipBatches(rows: readonly RelationshipRow[], size: number): Generator<PositionalBatch<RelationshipRowOut>> {
  for (const run of runs(rows, (row) => Object.keys(row.props ?? {}), size)) {
    yield { columns: run.columns, rows: run.rows.map((row) => ({ from: row.from, to: row.to, v: run.columns.map((c) => row.props![c]) })) };
  }
}
