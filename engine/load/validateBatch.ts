import { InvalidInputError, type FieldIssue } from '../core/errors.ts';
import type { Graph } from '../graph/graph.ts';
import { nodeSchemas, relationshipSpecs, type NodeLabel } from '../model/graphModel.ts';
import type { GraphBatch } from './graphBatch.ts';

const maxReported = 200;

/**
 * Validates every row before anything is written: each node row against its label's schema,
 * each relationship against the allowed labels and its property schema, and every relationship
 * end against the nodes of the batch or, failing that, the graph. Returns the rows as parsed
 * (defaults applied); throws InvalidInputError naming file, row and field of every bad row.
 */
export async function validateBatch(batch: GraphBatch, graph?: Graph): Promise<GraphBatch> {
  const issues: FieldIssue[] = [];
  const report = (issue: FieldIssue) => {
    if (issues.length < maxReported) issues.push(issue);
  };
  const known = new Map<NodeLabel, Set<string>>();
  const seen = (label: NodeLabel) => known.get(label) ?? known.set(label, new Set()).get(label)!;

  const nodes = batch.nodes.map((group) => {
    const schema = nodeSchemas[group.label];
    const ids = seen(group.label);
    const rows = group.rows.map((row, i) => {
      const parsed = schema.safeParse(row);
      // A bad row still names its node, so relationships to it are not reported a second time.
      if (typeof row.id === 'string') ids.add(row.id);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          report({ file: group.file ?? group.label, row: i + 1, path: issue.path.join('.') || '(row)', message: issue.message });
        }
        return row;
      }
      return parsed.data as Record<string, unknown>;
    });
    return { ...group, rows };
  });

  const unresolved = new Map<NodeLabel, Map<string, { file: string; row: number; path: string }>>();
  const relationships = batch.relationships.map((group) => {
    const spec = relationshipSpecs[group.type];
    const file = group.file ?? group.type;
    const labelsOk = (spec.from as readonly string[]).includes(group.from) && (spec.to as readonly string[]).includes(group.to);
    if (!labelsOk) {
      report({ file, path: 'type', message: `${group.type} cannot join ${group.from} to ${group.to}` });
      return group;
    }
    const rows = group.rows.map((row, i) => {
      const props = spec.props.safeParse(row.props ?? {});
      if (!props.success) {
        for (const issue of props.error.issues) report({ file, row: i + 1, path: ['props', ...issue.path].join('.'), message: issue.message });
      }
      for (const [end, label] of [
        ['from', group.from],
        ['to', group.to],
      ] as const) {
        const id = row[end];
        if (typeof id !== 'string' || id === '') {
          report({ file, row: i + 1, path: end, message: 'a node id is required' });
        } else if (!seen(label).has(id)) {
          const pending = unresolved.get(label) ?? unresolved.set(label, new Map()).get(label)!;
          if (!pending.has(id)) pending.set(id, { file, row: i + 1, path: end });
        }
      }
      return { ...row, props: props.success ? props.data : {} };
    });
    return { ...group, rows };
  });

  // Ends not in this batch must already be in the graph.
  for (const [label, pending] of unresolved) {
    const found = graph
      ? new Set(
          (await graph.query<{ id: string }>(`UNWIND $ids AS id MATCH (n:${label} {id: id}) RETURN n.id AS id`, { ids: [...pending.keys()] })).map((r) => r.id),
        )
      : new Set<string>();
    for (const [id, where] of pending) {
      if (!found.has(id)) report({ ...where, message: `no ${label} with id "${id}" in this import or in the graph` });
    }
  }

  if (issues.length > 0) {
    throw new InvalidInputError(`${issues.length}${issues.length >= maxReported ? '+' : ''} invalid row(s); nothing was written`, issues);
  }
  return { nodes, relationships };
}
