import type { z } from 'zod';
import type { ReviewEntry } from '../classify/reviewEntry.ts';
import type { Classification, ClassifyInput, ClassifyOptions } from '../classify/suggestion.ts';
import type { FieldIssue } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import type { NodeLabel } from '../model/graphModel.ts';
import type { BatchBuilder } from './batchBuilder.ts';
import type { Column } from './columns.ts';

/** A validated row with its 1-based data-row number in the file. */
export interface Numbered<R> {
  row: number;
  data: R;
}

/** attach: automatic segment attachment, firm by firm; write: the one atomic load. */
export type ImportPhase = 'attach' | 'write';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void | Promise<void>;

/**
 * What an import asks of the engine: the classifier for firms that name no segment, and a reset of what it
 * keeps once the graph has changed (the KnowledgeEngine the API holds does both). Declared here, where it is
 * used, so import/ imports no engine class.
 */
export interface ImportKnowledge {
  classify(input: ClassifyInput, options?: ClassifyOptions): Promise<Classification>;
  invalidate(): void;
}

export interface ImportContext {
  graph: Graph;
  knowledge: ImportKnowledge;
  /** The file name, for issues and the loader's error messages. */
  file: string;
  onProgress?: ImportProgress;
}

/** A firm attached to a segment automatically (IN_SEGMENT {inferred: true}). */
export interface Attachment {
  id: string;
  segmentId: string;
  confidence: number;
}

export interface BuildResult {
  attached?: Attachment[];
  unattached?: string[];
  /** Firms whose top suggestion is `review`: queued for a person once the load has committed. */
  review?: ReviewEntry[];
  /** Enterprise product names that match no Product of the chains in scope (kept out of MAKES). */
  unmatchedProducts?: { id: string; products: string[] }[];
}

/**
 * One row-based entity of the import: its columns (English + Chinese headers), the schema a row
 * must pass once its cells are read, the checks against the graph, and how rows become nodes and
 * relationships. Each entity's spec lives in its own file under entities/.
 */
export interface TableSpec<R> {
  entity: string;
  /** The label the rows create, keyed by their id (none for supply ties, which only join enterprises). */
  label: NodeLabel | null;
  /** What a row is, in Chinese, for docs and messages. */
  title: string;
  columns: Column[];
  schema: z.ZodType<R>;
  /** Two rows with the same key are the same record twice: an error, reported at `path`. */
  key: { path: string; of(row: R): string };
  /** References against the graph; called only with rows that passed the schema. (Id clashes with other labels are checked for every entity.) */
  check(rows: Numbered<R>[], ctx: ImportContext): Promise<FieldIssue[]>;
  build(rows: Numbered<R>[], batch: BatchBuilder, ctx: ImportContext): Promise<BuildResult>;
}
