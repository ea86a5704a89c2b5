import type { FieldIssue } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { nodeLabels, type NodeLabel } from '../model/graphModel.ts';
import type { Numbered } from './tableSpec.ts';

/**
 * Graph look-ups behind the reference checks of an import: a row may only point at nodes that
 * exist, and may only create ids no node of another label holds (ids are unique across the graph:
 * entity pages look nodes up by id alone). One index seek per label and id; never a label-less scan.
 */
/** Every (id, label) pair among the given labels that the graph holds. */
export async function labelledIds(graph: Graph, ids: string[], labels: readonly NodeLabel[]): Promise<{ id: string; label: NodeLabel }[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0 || labels.length === 0) return [];
  const union = labels.map((l) => `UNWIND $ids AS id MATCH (n:${l} {id: id}) RETURN id, '${l}' AS label`).join(' UNION ALL ');
  return graph.query<{ id: string; label: NodeLabel }>(`CALL () { ${union} } RETURN id, label`, { ids: unique });
}

/** The label each id has among `labels` (the first, should it have several). */
export async function labelsOf(graph: Graph, ids: string[], labels: readonly NodeLabel[]): Promise<Map<string, NodeLabel>> {
  const found = new Map<string, NodeLabel>();
  for (const r of await labelledIds(graph, ids, labels)) if (!found.has(r.id)) found.set(r.id, r.label);
  return found;
}

export async function existingIds(graph: Graph, label: NodeLabel, ids: string[]): Promise<Set<string>> {
  return new Set((await labelsOf(graph, ids, [label])).keys());
}

/** Issues for rows whose field names ids that `found` lacks. */
export function missingReferences<R>(
  rows: Numbered<R>[],
  field: string,
  ids: (r: R) => string | string[] | undefined,
  found: { has(id: string): boolean },
  what: string,
  file: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const { row, data } of rows) {
    const value = ids(data);
    for (const id of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
      if (!found.has(id)) issues.push({ file, row, path: field, message: `no ${what} with id "${id}" in the graph` });
    }
  }
  return issues;
}

/** Issues for rows whose new node's id is already held by a node of another label. */
export async function idsTakenElsewhere<R>(graph: Graph, rows: Numbered<R>[], label: NodeLabel, id: (r: R) => string, file: string): Promise<FieldIssue[]> {
  const taken = await labelsOf(
    graph,
    rows.map((r) => id(r.data)),
    nodeLabels.filter((l) => l !== label),
  );
  return rows
    .filter((r) => taken.has(id(r.data)))
    .map((r) => ({
      file,
      row: r.row,
      path: 'id',
      message: `"${id(r.data)}" is already the id of a ${taken.get(id(r.data))}; ids are unique across the graph`,
    }));
}
