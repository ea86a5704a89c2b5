import type { NodeLabel, RelationshipType } from '../model/graphModel.ts';

/** Rows of one node label; each row has an `id` and the label's properties. */
export interface NodeRows {
  label: NodeLabel;
  rows: Record<string, unknown>[];
  /** Where the rows came from, for error messages (a file name, "generator", …). */
  file?: string;
}

export interface RelationshipRow {
  from: string;
  to: string;
  props?: Record<string, unknown>;
}

/** Rows of one relationship type between one pair of labels. */
export interface RelationshipRows {
  type: RelationshipType;
  from: NodeLabel;
  to: NodeLabel;
  rows: RelationshipRow[];
  file?: string;
}

/** Everything one load writes: nodes first, then the relationships between them. */
export interface GraphBatch {
  nodes: NodeRows[];
  relationships: RelationshipRows[];
}

export function countElements(batch: GraphBatch): { nodes: number; relationships: number } {
  return {
    nodes: batch.nodes.reduce((n, g) => n + g.rows.length, 0),
    relationships: batch.relationships.reduce((n, g) => n + g.rows.length, 0),
  };
}
