import { problemLimits } from '../../config/limits.ts';
import type { FieldIssue } from '../../core/errors.ts';
import type { Graph } from '../../graph/graph.ts';
import { chainTemplateSchema, type ChainTemplate } from '../../model/chainTemplate.ts';
import { nodeLabels, type NodeLabel } from '../../model/graphModel.ts';
import { labelledIds } from '../references.ts';
import { chainTemplateBoundIssues } from './chainTemplateBounds.ts';

/**
 * A custom chain template (产业链模板): one JSON object in the shape of seed/chains/*.json — the
 * chain, its segments with stage and order, each segment's products, FEEDS between segments and
 * INPUT_TO between products. Issues point into the object by path (segments.2.products.0.id).
 */
export async function checkChainTemplate(graph: Graph, value: unknown, file: string): Promise<{ template?: ChainTemplate; issues: FieldIssue[] }> {
  const oversized = chainTemplateBoundIssues(value, problemLimits.maxIssues);
  if (oversized.length > 0) return { issues: oversized.map((i) => ({ file, ...i })) };
  const parsed = chainTemplateSchema.safeParse(value);
  if (!parsed.success) {
    return { issues: parsed.error.issues.map((i) => ({ file, path: i.path.map(String).join('.') || '(template)', message: i.message })) };
  }
  const t = parsed.data;
  const issues: FieldIssue[] = [];

  // Within the template: a segment or product id may appear once.
  const seen = new Map<string, string>();
  const place = (id: string, path: string) => {
    const first = seen.get(id);
    if (first) issues.push({ file, path, message: `"${id}" is already used at ${first}` });
    else seen.set(id, path);
  };
  t.segments.forEach((s, i) => {
    place(s.id, `segments.${i}.id`);
    s.products.forEach((p, j) => place(p.id, `segments.${i}.products.${j}.id`));
  });
  if (seen.has(t.id)) issues.push({ file, path: 'id', message: `the chain id "${t.id}" is also a segment or product id` });

  // Against the graph: an id of another chain's segment or product, or of another label, is taken.
  const expected = new Map<string, NodeLabel>([[t.id, 'Chain']]);
  for (const s of t.segments) {
    expected.set(s.id, 'Segment');
    for (const p of s.products) expected.set(p.id, 'Product');
  }
  const pathOf = (id: string) => seen.get(id) ?? 'id';
  for (const { id, label } of await labelledIds(graph, [...expected.keys()], nodeLabels)) {
    if (label !== expected.get(id))
      issues.push({ file, path: pathOf(id), message: `"${id}" is already the id of a ${label}; ids are unique across the graph` });
  }
  const owned = await graph.query<{ id: string; chainId: string }>(
    `CALL () { UNWIND $ids AS id MATCH (n:Segment {id: id}) RETURN n.id AS id, n.chainId AS chainId
               UNION ALL UNWIND $ids AS id MATCH (n:Product {id: id}) RETURN n.id AS id, n.chainId AS chainId }
     RETURN id, chainId`,
    { ids: [...seen.keys()] },
  );
  for (const o of owned) if (o.chainId !== t.id) issues.push({ file, path: pathOf(o.id), message: `"${o.id}" already belongs to chain "${o.chainId}"` });
  return { template: issues.length === 0 ? t : undefined, issues };
}
