import type { GraphBatch, NodeLabel, RelationshipRow, RelationshipType } from '../../engine/index.ts';

/**
 * Collects generated nodes and relationships, keeps the first row per id (so a generator step can
 * safely mention a node twice) and one relationship per (type, from, to), and hands out a GraphBatch.
 */
export class GraphBuilder {
  private nodes = new Map<NodeLabel, Map<string, Record<string, unknown>>>();
  private rels = new Map<string, { type: RelationshipType; from: NodeLabel; to: NodeLabel; rows: Map<string, RelationshipRow> }>();

  node(label: NodeLabel, row: Record<string, unknown> & { id: string }): string {
    const rows = this.nodes.get(label) ?? this.nodes.set(label, new Map()).get(label)!;
    if (!rows.has(row.id)) rows.set(row.id, row);
    return row.id;
  }

  has(label: NodeLabel, id: string): boolean {
    return this.nodes.get(label)?.has(id) ?? false;
  }

  get<T = Record<string, unknown>>(label: NodeLabel, id: string): T | undefined {
    return this.nodes.get(label)?.get(id) as T | undefined;
  }

  all<T = Record<string, unknown>>(label: NodeLabel): T[] {
    return [...(this.nodes.get(label)?.values() ?? [])] as T[];
  }

  rel(type: RelationshipType, from: NodeLabel, fromId: string, to: NodeLabel, toId: string, props: Record<string, unknown> = {}): void {
    const key = `${type}:${from}:${to}`;
    const group = this.rels.get(key) ?? this.rels.set(key, { type, from, to, rows: new Map() }).get(key)!;
    const rowKey = `${fromId}\u0000${toId}`;
    if (!group.rows.has(rowKey)) group.rows.set(rowKey, { from: fromId, to: toId, props });
  }

  /** Every row of one relationship type so far, across label pairs. */
  relRows(type: RelationshipType): RelationshipRow[] {
    return [...this.rels.values()].filter((g) => g.type === type).flatMap((g) => [...g.rows.values()]);
  }

  batch(file = 'generator'): GraphBatch {
    return {
      nodes: [...this.nodes].map(([label, rows]) => ({ label, rows: [...rows.values()], file: `${file}:${label}` })),
      relationships: [...this.rels.values()].map((g) => ({ type: g.type, from: g.from, to: g.to, rows: [...g.rows.values()], file: `${file}:${g.type}` })),
    };
  }
}
