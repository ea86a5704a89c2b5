import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphBatch, NodeLabel, RelationshipType } from '../../engine/index.ts';

/**
 * The CSV layout Neo4j's offline importer reads (docs: "neo4j-admin database import"), one file per
 * node label and per relationship type between two labels:
 *
 *   nodes/<Label>.csv                      id:ID(<Label>),name,revenueWan:double,local:boolean,tags:string[],…
 *   relationships/<TYPE>.<From>.<To>.csv   :START_ID(<From>),:END_ID(<To>),sharePct:double,…
 *
 * Node ids live in one ID space per label (the graph's ids are unique per label, as its constraints
 * say). Strings are always quoted ("" doubles a quote), so an empty string stays an empty string and
 * an empty unquoted field is an absent property. Numbers are written as `double`, because that is
 * what the online loader stores (JavaScript numbers travel over Bolt as floats). Array elements are
 * separated by U+001F, a control character no stored text may contain (engine/contracts/text.ts).
 */
export const arrayDelimiter = '\u001f';
/** How the importer is told the delimiter above. */
export const arrayDelimiterFlag = 'U+001F';

export type ColumnType = 'string' | 'double' | 'boolean' | 'string[]' | 'double[]' | 'boolean[]';

export interface ImporterFile {
  kind: 'nodes' | 'relationships';
  /** The label (nodes) or relationship type the importer is given for the file. */
  name: NodeLabel | RelationshipType;
  path: string;
  rows: number;
  /** Some value spans lines: the importer must then be told to read multi-line fields. */
  multiline: boolean;
  /**
   * List columns holding an empty list somewhere. The importer stores no empty array (it leaves the
   * property out), where the online loader stores `[]`; these are set after the import. `ids` names
   * the nodes when some rows lack the column altogether, else every node without it gets `[]`.
   */
  emptyLists: { column: string; ids?: string[] }[];
}

export interface ImporterFiles {
  dir: string;
  files: ImporterFile[];
  nodes: number;
  relationships: number;
}

function typeOf(value: unknown, where: string): ColumnType | 'empty[]' {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'empty[]';
    return `${typeOf(value[0], where)}[]` as ColumnType;
  }
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  throw new Error(`${where}: a ${typeof value} cannot be a stored property`);
}

/** Property columns of a group of rows and their types, in first-seen order (`skip` keys excluded). */
export function columnsOf(rows: Iterable<Record<string, unknown>>, where: string, skip: string[] = []): [string, ColumnType][] {
  const columns = new Map<string, ColumnType | 'empty[]'>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (value === null || value === undefined || skip.includes(key)) continue;
      const type = typeOf(value, `${where}.${key}`);
      const known = columns.get(key);
      if (known === undefined || known === 'empty[]') columns.set(key, type);
      else if (type !== known && type !== 'empty[]') throw new Error(`${where}.${key} holds both ${known} and ${type} values`);
    }
  }
  return [...columns].map(([key, type]) => [key, type === 'empty[]' ? 'string[]' : type]);
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function encodeValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const parts = value.map(String);
    if (parts.some((p) => p.includes(arrayDelimiter))) throw new Error('an array element holds U+001F, the importer array delimiter');
    return quote(parts.join(arrayDelimiter));
  }
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/** Lines are gathered into ~1 MB strings before each write: memory stays bounded whatever the row count. */
class LineWriter {
  private fd: number;
  private pending: string[] = [];
  private size = 0;
  multiline = false;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(fields: string[]): void {
    const text = fields.join(',');
    if (!this.multiline && /[\r\n]/.test(text)) this.multiline = true;
    this.pending.push(text, '\n');
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Later rows of the same id update earlier ones, as `MERGE … SET n += row` does (null removes). */
function mergedById<T>(groups: { rows: T[] }[], keyOf: (row: T) => string, merge: (into: T, row: T) => T): Iterable<T> {
  const byKey = new Map<string, T>();
  for (const group of groups) {
    for (const row of group.rows) {
      const key = keyOf(row);
      const earlier = byKey.get(key);
      byKey.set(key, earlier === undefined ? row : merge(earlier, row));
    }
  }
  return byKey.values();
}

function mergeProps(into: Record<string, unknown>, row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...into };
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** See ImporterFile.emptyLists. */
function emptyListsOf(rows: Record<string, unknown>[], columns: [string, ColumnType][]): ImporterFile['emptyLists'] {
  const out: ImporterFile['emptyLists'] = [];
  for (const [column, type] of columns) {
    if (!type.endsWith('[]')) continue;
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(column)) throw new Error(`${column}: not a property name`);
    let empty = 0;
    let absent = 0;
    for (const row of rows) {
      const v = row[column];
      if (v === null || v === undefined) absent++;
      else if (Array.isArray(v) && v.length === 0) empty++;
    }
    if (empty === 0) continue;
    const isEmpty = (r: Record<string, unknown>) => Array.isArray(r[column]) && (r[column] as unknown[]).length === 0;
    out.push(absent === 0 ? { column } : { column, ids: rows.filter(isEmpty).map((r) => String(r.id)) });
  }
  return out;
}

function writeFile(path: string, header: string[], rows: Iterable<string[]>): { rows: number; multiline: boolean } {
  const out = new LineWriter(path);
  out.line(header);
  let count = 0;
  for (const fields of rows) {
    out.line(fields);
    count++;
  }
  out.close();
  return { rows: count, multiline: out.multiline };
}

/**
 * Writes a validated batch as importer CSV files under `dir` (nodes/ and relationships/). Rows with
 * the same id (nodes) or the same two ends (relationships of one type) become one, as the online
 * loader's MERGE makes them.
 */
export function writeImporterCsv(batch: GraphBatch, dir: string): ImporterFiles {
  mkdirSync(join(dir, 'nodes'), { recursive: true });
  mkdirSync(join(dir, 'relationships'), { recursive: true });
  const files: ImporterFile[] = [];
  let nodes = 0;
  let relationships = 0;

  const labels = [...new Set(batch.nodes.map((g) => g.label))];
  for (const label of labels) {
    const rows = [
      ...mergedById(
        batch.nodes.filter((g) => g.label === label),
        (r) => String(r.id),
        mergeProps,
      ),
    ];
    const columns = columnsOf(rows, label, ['id']);
    const header = [`id:ID(${label})`, ...columns.map(([k, t]) => (t === 'string' ? k : `${k}:${t}`))];
    const path = join(dir, 'nodes', `${label}.csv`);
    const written = writeFile(
      path,
      header,
      (function* () {
        for (const row of rows) yield [quote(String(row.id)), ...columns.map(([k]) => encodeValue(row[k]))];
      })(),
    );
    files.push({ kind: 'nodes', name: label, path, ...written, emptyLists: emptyListsOf(rows, columns) });
    nodes += written.rows;
  }

  const pairs = [...new Set(batch.relationships.map((g) => `${g.type}.${g.from}.${g.to}`))];
  for (const pair of pairs) {
    const groups = batch.relationships.filter((g) => `${g.type}.${g.from}.${g.to}` === pair);
    const { type, from, to } = groups[0];
    const rows = [
      ...mergedById(
        groups,
        (r) => `${r.from}\u0000${r.to}`,
        (a, b) => ({ ...b, props: mergeProps(a.props ?? {}, b.props ?? {}) }),
      ),
    ];
    const columns = columnsOf(
      (function* () {
        for (const r of rows) yield r.props ?? {};
      })(),
      pair,
    );
    const header = [`:START_ID(${from})`, `:END_ID(${to})`, ...columns.map(([k, t]) => (t === 'string' ? k : `${k}:${t}`))];
    const path = join(dir, 'relationships', `${pair}.csv`);
    const written = writeFile(
      path,
      header,
      (function* () {
        for (const r of rows) yield [quote(r.from), quote(r.to), ...columns.map(([k]) => encodeValue(r.props?.[k]))];
      })(),
    );
    if (columns.some(([, t]) => t.endsWith('[]'))) throw new Error(`${pair}: list properties on relationships are not supported by the bulk path`);
    files.push({ kind: 'relationships', name: type, path, ...written, emptyLists: [] });
    relationships += written.rows;
  }
  return { dir, files, nodes, relationships };
}
