// Drill (d), consistency: a set of check queries run after the other drills. Neo4j cannot hold a
// relationship without both ends, so "orphans" here are semantic: nodes missing the relationship the
// model gives them (a Product no Segment INCLUDES), relationships between labels the model does not allow,
// duplicate ids and duplicate relationships, and counts against what is expected.
import { nodeLabels, relationshipSpecs, relationshipTypes, type Graph } from '../../engine/index.ts';

export interface Counts {
  byLabel: Record<string, number>;
  byType: Record<string, number>;
}

export function countsDiffer(expected: Counts, actual: Counts): string[] {
  const out: string[] = [];
  for (const [kind, e, a] of [
    [':', expected.byLabel, actual.byLabel],
    ['[:', expected.byType, actual.byType],
  ] as const) {
    for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
      if ((e[key] ?? 0) !== (a[key] ?? 0)) out.push(`${kind}${key}${kind === '[:' ? ']' : ''} expected ${e[key] ?? 0}, found ${a[key] ?? 0}`);
    }
  }
  return out;
}

/** Labels holding an id more than once, or nodes without an id. */
export async function duplicateIds(graph: Graph): Promise<string[]> {
  const out: string[] = [];
  for (const label of nodeLabels) {
    const [row] = await graph.query<{ duplicated: number; missing: number }>(
      `MATCH (n:${label}) WITH n.id AS id, count(*) AS c
       RETURN count(CASE WHEN id IS NOT NULL AND c > 1 THEN 1 END) AS duplicated, sum(CASE WHEN id IS NULL THEN c ELSE 0 END) AS missing`,
    );
    if (row.duplicated > 0) out.push(`:${label} has ${row.duplicated} duplicated ids`);
    if (row.missing > 0) out.push(`:${label} has ${row.missing} nodes without id`);
  }
  return out;
}

/** Semantic orphans: each query counts what should not exist. */
const orphanQueries: [string, string][] = [
  ['Segment without a Chain', 'MATCH (s:Segment) WHERE NOT EXISTS { (:Chain)-[:HAS_SEGMENT]->(s) } RETURN count(s) AS n'],
  ['Segment whose chainId is not its chain', 'MATCH (c:Chain)-[:HAS_SEGMENT]->(s:Segment) WHERE s.chainId <> c.id RETURN count(s) AS n'],
  ['Product no Segment INCLUDES', 'MATCH (p:Product) WHERE NOT EXISTS { (:Segment)-[:INCLUDES]->(p) } RETURN count(p) AS n'],
  [
    'IN_SEGMENT to a Segment outside every chain',
    'MATCH (:Enterprise)-[r:IN_SEGMENT]->(s:Segment) WHERE NOT EXISTS { (:Chain)-[:HAS_SEGMENT]->(s) } RETURN count(r) AS n',
  ],
  [
    'MAKES of a Product outside every segment',
    'MATCH (:Enterprise)-[r:MAKES]->(p:Product) WHERE NOT EXISTS { (:Segment)-[:INCLUDES]->(p) } RETURN count(r) AS n',
  ],
  ['Offer without an owner (OFFERS)', 'MATCH (o:Offer) WHERE NOT EXISTS { ()-[:OFFERS]->(o) } RETURN count(o) AS n'],
  ['Demand without an owner (HAS_DEMAND)', 'MATCH (d:Demand) WHERE NOT EXISTS { ()-[:HAS_DEMAND]->(d) } RETURN count(d) AS n'],
  ['PartyOrg without an owner (HAS_PARTY_ORG)', 'MATCH (o:PartyOrg) WHERE NOT EXISTS { ()-[:HAS_PARTY_ORG]->(o) } RETURN count(o) AS n'],
  ['Talent without an affiliation', 'MATCH (t:Talent) WHERE NOT EXISTS { (t)-[:AFFILIATED_WITH]->() } RETURN count(t) AS n'],
  ['ImportRun not complete', "MATCH (r:ImportRun) WHERE r.status <> 'complete' RETURN count(r) AS n"],
  ['node with no label of the model', 'MATCH (n) WHERE none(l IN labels(n) WHERE l IN $labels) RETURN count(n) AS n'],
];

export interface ConsistencyResult {
  check: string;
  ok: boolean;
  detail: string;
}

/** Every check of the set; `expected` adds exact counts per label and type. */
export async function consistencyChecks(graph: Graph, expected?: Counts, actual?: Counts): Promise<ConsistencyResult[]> {
  const results: ConsistencyResult[] = [];
  const dups = await duplicateIds(graph);
  results.push({ check: 'no duplicate or missing ids, any label', ok: dups.length === 0, detail: dups.join('; ') });
  for (const [name, cypher] of orphanQueries) {
    // ImportJob: import jobs' records (engine/import/jobs/importJobRecords.ts), kept beside the model;
    // DataVersion: the version every write bumps (engine/graph/dataVersion.ts).
    const [{ n }] = await graph.query<{ n: number }>(cypher, { labels: [...nodeLabels, 'ImportJob', 'DataVersion'] });
    results.push({ check: `no ${name}`, ok: n === 0, detail: n === 0 ? '' : `${n} found` });
  }
  const wrongEnds: string[] = [];
  const duplicated: string[] = [];
  for (const type of relationshipTypes) {
    const spec = relationshipSpecs[type];
    const [row] = await graph.query<{ wrong: number; duplicated: number }>(
      `CALL () { MATCH (a)-[r:${type}]->(b) WHERE none(l IN labels(a) WHERE l IN $from) OR none(l IN labels(b) WHERE l IN $to) RETURN count(r) AS wrong }
       CALL () { MATCH (a)-[r:${type}]->(b) WITH a, b, count(r) AS c WHERE c > 1 RETURN count(*) AS duplicated }
       RETURN wrong, duplicated`,
      { from: spec.from, to: spec.to },
    );
    if (row.wrong > 0) wrongEnds.push(`${type}: ${row.wrong}`);
    if (row.duplicated > 0) duplicated.push(`${type}: ${row.duplicated} pairs`);
  }
  results.push({ check: 'every relationship joins the labels the model allows', ok: wrongEnds.length === 0, detail: wrongEnds.join('; ') });
  results.push({ check: 'no relationship stored twice between the same two nodes', ok: duplicated.length === 0, detail: duplicated.join('; ') });
  if (expected && actual) {
    const differences = countsDiffer(expected, actual);
    results.push({ check: 'counts per label and type as expected', ok: differences.length === 0, detail: differences.slice(0, 8).join('; ') });
  }
  return results;
}
