import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse';
import { InvalidInputError, nodeLabels, relationshipTypes, type GraphBatch, type NodeLabel, type RelationshipType } from '../../engine/index.ts';
import { arrayDelimiter, type ColumnType } from './importerCsv.ts';

const columnTypes: ColumnType[] = ['string', 'double', 'boolean', 'string[]', 'double[]', 'boolean[]'];

function decode(raw: string, type: ColumnType, where: string): unknown {
  if (type === 'string') return raw;
  if (type.endsWith('[]')) return raw === '' ? [] : raw.split(arrayDelimiter).map((p) => decode(p, type.slice(0, -2) as ColumnType, where));
  if (raw === '') return undefined;
  if (type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new InvalidInputError(`${where}: "${raw}" is not true or false`, [{ path: where, message: 'true or false' }]);
    return raw === 'true';
  }
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new InvalidInputError(`${where}: "${raw}" is not a number`, [{ path: where, message: 'a number' }]);
  return n;
}

/** `name` or `name:type`; the id columns (`id:ID(L)`, `:START_ID(L)`, `:END_ID(L)`) are read by position. */
function parseHeader(header: string[], file: string): { name: string; type: ColumnType }[] {
  return header.map((column) => {
    const [name, type = 'string'] = column.split(':');
    if (!columnTypes.includes(type as ColumnType)) {
      throw new InvalidInputError(`${file}: column "${column}" has an unknown type`, [{ file, path: column, message: `one of ${columnTypes.join(', ')}` }]);
    }
    return { name, type: type as ColumnType };
  });
}

async function* records(path: string): AsyncGenerator<string[]> {
  // relax_quotes off, quotes kept strict: the files are machine-written (writeImporterCsv) or follow its layout.
  yield* createReadStream(path).pipe(parse({ bom: true, max_record_size: 1 << 20 }));
}

/**
 * Reads a folder in the importer layout that writeImporterCsv writes (nodes/<Label>.csv,
 * relationships/<TYPE>.<From>.<To>.csv, typed headers) back into a GraphBatch, so that a user's bulk
 * files pass the same validation as every other load before the importer sees them. Labels and types
 * come from the file names and must be in the graph model.
 */
export async function readImporterCsv(dir: string): Promise<GraphBatch> {
  const batch: GraphBatch = { nodes: [], relationships: [] };
  const list = (sub: string) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => f.endsWith('.csv'))
          .sort()
      : [];
  const bad = (file: string, message: string) => new InvalidInputError(`${file}: ${message}`, [{ file, path: '(file)', message }]);

  for (const file of list('nodes')) {
    const label = basename(file, '.csv');
    if (!(nodeLabels as string[]).includes(label)) throw bad(file, `"${label}" is not a node label (${nodeLabels.join(', ')})`);
    let columns: { name: string; type: ColumnType }[] | undefined;
    const rows: Record<string, unknown>[] = [];
    for await (const record of records(join(dir, 'nodes', file))) {
      if (!columns) {
        if (record[0] !== `id:ID(${label})`) throw bad(file, `the first column must be id:ID(${label})`);
        columns = parseHeader(record.slice(1), file);
        continue;
      }
      const row: Record<string, unknown> = { id: record[0] };
      columns.forEach((c, i) => {
        const value = decode(record[i + 1] ?? '', c.type, `${file} row ${rows.length + 1} ${c.name}`);
        if (value !== undefined) row[c.name] = value;
      });
      rows.push(row);
    }
    batch.nodes.push({ label: label as NodeLabel, rows, file });
  }

  for (const file of list('relationships')) {
    const [type, from, to] = basename(file, '.csv').split('.');
    if (!(relationshipTypes as string[]).includes(type)) throw bad(file, `"${type}" is not a relationship type`);
    if (![from, to].every((l) => (nodeLabels as string[]).includes(l))) throw bad(file, 'the name must be <TYPE>.<FromLabel>.<ToLabel>.csv');
    let columns: { name: string; type: ColumnType }[] | undefined;
    const rows: GraphBatch['relationships'][number]['rows'] = [];
    for await (const record of records(join(dir, 'relationships', file))) {
      if (!columns) {
        if (record[0] !== `:START_ID(${from})` || record[1] !== `:END_ID(${to})`)
          throw bad(file, `the first columns must be :START_ID(${from}),:END_ID(${to})`);
        columns = parseHeader(record.slice(2), file);
        continue;
      }
      const props: Record<string, unknown> = {};
      columns.forEach((c, i) => {
        const value = decode(record[i + 2] ?? '', c.type, `${file} row ${rows.length + 1} ${c.name}`);
        if (value !== undefined) props[c.name] = value;
      });
      rows.push({ from: record[0], to: record[1], props });
    }
    batch.relationships.push({ type: type as RelationshipType, from: from as NodeLabel, to: to as NodeLabel, rows, file });
  }
  if (batch.nodes.length === 0) throw bad(dir, 'no nodes/<Label>.csv file in this folder');
  return batch;
}
