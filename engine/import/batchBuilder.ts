import type { GraphBatch, RelationshipRow } from '../load/graphBatch.ts';
import type { GraphSink } from '../model/chainTemplateRows.ts';
import type { NodeLabel, RelationshipType } from '../model/graphModel.ts';

/**
 * Collects the rows of one import: one node per (label, id) — a topic named on many rows is written
 * once — and one relationship per (type, from, to). Groups are named after the file, so a loader
 * error still says where the rows came from.
 */
export class BatchBuilder implements GraphSink {
  private readonly nodes = new Map<NodeLabel, Map<string, Record<string, unknown>>>();
  private readonly rels = new Map<string, { type: RelationshipType; from: NodeLabel; to: NodeLabel; rows: Map<string, RelationshipRow> }>();

  node(label: NodeLabel, row: Record<string, unknown> & { id: string }): void {
    const rows = this.nodes.get(label) ?? this.nodes.set(label, new Map()).get(label)!;
    if (!rows.has(row.id)) rows.set(row.id, row);
  }

  rel(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props: Record<string, unknown> = {}): void {
    const key = `${type}:${from}:${to}`;
    const group = this.rels.get(key) ?? this.rels.set(key, { type, from, to, rows: new Map() }).get(key)!;
    const rowKey = `${fromId}\u0000${toId}`;
    if (!group.rows.has(rowKey)) group.rows.set(rowKey, { from: fromId, to: toId, props });
  }

  batch(file: string): GraphBatch {
    return {
      nodes: [...this.nodes].map(([label, rows]) => ({ label, rows: [...rows.values()], file })),
      relationships: [...this.rels.values()].map((g) => ({ type: g.type, from: g.from, to: g.to, rows: [...g.rows.values()], file })),
    };
  }
}
