import { queueForReview } from '../classify/reviewStore.ts';
import { importLimits, problemLimits } from '../config/limits.ts';
import { importEntities, type ImportEntity } from '../contracts/imports.ts';
import { InvalidInputError, type FieldIssue } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { loadGraph } from '../load/loadGraph.ts';
import { addChainTemplate } from '../model/chainTemplateRows.ts';
import { BatchBuilder } from './batchBuilder.ts';
import { checkChainTemplate } from './entities/chains.ts';
import { demands } from './entities/demands.ts';
import { enterprises } from './entities/enterprises.ts';
import { offers } from './entities/offers.ts';
import { researchUnits } from './entities/researchUnits.ts';
import { supplyTies } from './entities/supplyTies.ts';
import { talent } from './entities/talent.ts';
import { universities } from './entities/universities.ts';
import { idsTakenElsewhere } from './references.ts';
import type { TextEncoding } from './decodeText.ts';
import { formatOfFilename, importFormats, parseJson, readTable, type ImportFormat } from './readTable.ts';
import type { Attachment, BuildResult, ImportContext, ImportKnowledge, ImportProgress, TableSpec } from './tableSpec.ts';
import { validateRows } from './validateRows.ts';

export type TableEntity = Exclude<ImportEntity, 'chains'>;

// Each spec has its own row type; the registry only hands them to the generic pipeline.
export const tableSpecs: Record<TableEntity, TableSpec<any>> = {
  universities,
  'research-units': researchUnits,
  talent,
  enterprises,
  'supply-ties': supplyTies,
  offers,
  demands,
};

export { importLimits };

export interface ImportOptions {
  entity: string;
  /** The uploaded file's name: gives the format when `format` is absent, and names the file in issues. */
  filename: string;
  content: Buffer;
  format?: ImportFormat;
  /** The encoding of a CSV/JSON file when it is not UTF-8 or UTF-16 with a BOM: declared, never guessed. */
  encoding?: TextEncoding;
  onProgress?: ImportProgress;
  /**
   * Cancels the import (an import job's DELETE): checked between stages and at every progress report,
   * the last one inside the write transaction before its commit, so a cancelled import writes nothing.
   */
  signal?: AbortSignal;
}

export interface ImportReport {
  entity: ImportEntity;
  format: ImportFormat;
  /** Data rows read (1 for a chain template). */
  rows: number;
  /** Nodes and relationships written (merged): the same file twice gives the same numbers. */
  nodes: number;
  relationships: number;
  /** Enterprises attached to a segment automatically (IN_SEGMENT {inferred: true}). */
  attached: Attachment[];
  /** Industrial enterprises without a segment whose best suggestion fell below the attach threshold. */
  unattached: string[];
  /** Those of them now in the review queue (GET /attachments/review): their top suggestion is `review`. */
  review: string[];
  /** Enterprise products that no Product of the chains in scope is named exactly like. */
  unmatchedProducts: { id: string; products: string[] }[];
  ms: number;
}

function isImportEntity(value: string): value is ImportEntity {
  return (importEntities as readonly string[]).includes(value);
}

/** All problems counted, the first problemLimits.maxIssues listed (issue 15 F3: reports were unbounded). */
function invalid(file: string, issues: FieldIssue[]): InvalidInputError {
  const rows = new Set(issues.filter((i) => i.row !== undefined).map((i) => i.row)).size;
  // Header and file problems first, then by row: the order a person fixes them in.
  const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const listed = sorted.slice(0, problemLimits.maxIssues);
  const more = sorted.length - listed.length;
  return new InvalidInputError(
    `${issues.length} problem(s)${rows ? ` in ${rows} row(s)` : ''} of ${file}; nothing was imported${more > 0 ? `; the first ${listed.length} are listed, ${more} more not` : ''}`,
    listed,
  );
}

/**
 * Imports one file (docs/import-format.md): reads it, validates every row and every reference
 * against the graph, and reports every bad row at once (InvalidInputError, nothing written); then
 * attaches enterprises that name no segment, and writes everything in ONE transaction, so a
 * failure part-way leaves the graph as it was. Every write is a MERGE on an id: importing the same
 * file again changes nothing. Callers holding a ChainMatchEngine invalidate it afterwards.
 */
export async function importFile(graph: Graph, knowledge: ImportKnowledge, options: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const file = options.filename;
  if (!isImportEntity(options.entity)) {
    throw new InvalidInputError(`cannot import "${options.entity}"`, [{ path: 'entity', message: `one of ${importEntities.join(', ')}` }]);
  }
  const entity = options.entity;
  const format = options.format ?? formatOfFilename(file);
  if (!format)
    throw new InvalidInputError(`cannot tell the format of "${file}"`, [
      { file, path: 'format', message: `name the format (${importFormats.join(', ')}) or use a file ending in .csv, .xlsx, .jsonl or .json` },
    ]);
  if (entity === 'chains' && format !== 'json') {
    throw new InvalidInputError('a chain template is one JSON object', [
      { file, path: 'format', message: 'chains are imported as JSON (.json), in the shape of seed/chains/*.json' },
    ]);
  }
  if (options.content.length > importLimits.maxBytes) {
    throw new InvalidInputError(`${file} is too large`, [
      { file, path: '(file)', message: `at most ${importLimits.maxBytes / 1024 / 1024} MB per import; split the file` },
    ]);
  }

  const { signal } = options;
  const onProgress: ImportProgress = (phase, done, total) => {
    signal?.throwIfAborted();
    return options.onProgress?.(phase, done, total);
  };
  const ctx: ImportContext = { graph, knowledge, file, onProgress };
  const batch = new BatchBuilder();
  let rows: number;
  let built: BuildResult = {};
  if (entity === 'chains') {
    const json = parseJson(options.content, file, options.encoding);
    if (json.issues.length > 0) throw invalid(file, json.issues);
    const { template, issues } = await checkChainTemplate(graph, json.value, file);
    if (!template) throw invalid(file, issues);
    addChainTemplate(batch, template, 'import');
    rows = 1;
  } else {
    const spec = tableSpecs[entity];
    const table = await readTable(format, options.content, file, options.encoding);
    if (table.records.length > importLimits.maxRows) {
      throw new InvalidInputError(`${file} has too many rows`, [
        { file, path: '(file)', message: `${table.records.length} rows; at most ${importLimits.maxRows} per import` },
      ]);
    }
    signal?.throwIfAborted();
    const valid = validateRows(spec, table, file);
    const issues = [
      ...valid.issues,
      ...(await spec.check(valid.rows, ctx)),
      ...(spec.label ? await idsTakenElsewhere(graph, valid.rows, spec.label, (r) => spec.key.of(r), file) : []),
    ];
    if (issues.length > 0) throw invalid(file, issues);
    signal?.throwIfAborted();
    built = await spec.build(valid.rows, batch, ctx);
    rows = valid.rows.length;
  }

  signal?.throwIfAborted();
  const load = await loadGraph(graph, batch.batch(file), { atomic: true, onProgress: (done, total) => onProgress('write', done, total) });
  // After the load, in a transaction of its own (the queue lives on the firms' nodes, which must exist):
  // should it fail, the firms stay unattached and importing the file again queues them.
  const review = await queueForReview(graph, built.review ?? []);
  knowledge.invalidate();
  return {
    entity,
    format,
    rows,
    nodes: load.nodes,
    relationships: load.relationships,
    attached: built.attached ?? [],
    unattached: built.unattached ?? [],
    review,
    unmatchedProducts: built.unmatchedProducts ?? [],
    ms: Date.now() - started,
  };
}
