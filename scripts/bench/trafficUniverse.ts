import { readFileSync } from 'node:fs';
import { type ChainMatchEngine, type GraphBatch, targetSegments } from '../../engine/index.ts';

type Mode = 'fill' | 'strengthen' | 'extend';
const modes: Mode[] = ['fill', 'strengthen', 'extend'];

/** What realistic requests are drawn over: everything the graph holds that a request can name. */
export interface TrafficUniverse {
  chains: {
    id: string;
    /** Modes a partner request without a segment has targets for. */
    modes: Mode[];
    /** Each segment with the modes that fit it (the others are a 409 pointing to the one that does). */
    segments: { id: string; modes: Mode[] }[];
  }[];
  /** Local enterprises with technical needs: pairing and talent by enterprise. */
  enterpriseIds: string[];
  researchUnitIds: string[];
  universityIds: string[];
  topics: string[];
  /** Talent levels present in the graph (a filter on levels nobody has is not what a user asks). */
  talentLevels: string[];
  products: string[];
  /** Provinces of the enterprises, with how many firms each has (filters follow where firms are). */
  provinces: { name: string; firms: number }[];
  /** Needs in words officers actually type (seed/eval/needs.zh.jsonl). */
  needTexts: string[];
  /** Industrial firms described by their products, as a client would send them for classification. */
  firms: { name: string; products: string[]; description: string }[];
}

type Row = Record<string, unknown>;
const needsFile = new URL('../../seed/eval/needs.zh.jsonl', import.meta.url);

/**
 * The universe from the batch that was loaded (no database needed). Segment modes are a first guess
 * (local firms → strengthen, none → fill or extend); `fitModes` replaces them with the engine's own.
 */
export function universeFromBatch(batch: GraphBatch): TrafficUniverse {
  const nodes = (label: string): Row[] => batch.nodes.filter((g) => g.label === label).flatMap((g) => g.rows as Row[]);
  const ties = (type: string) => batch.relationships.filter((g) => g.type === type).flatMap((g) => g.rows);
  const enterprises = nodes('Enterprise');
  const local = new Set(enterprises.filter((e) => e.local === true).map((e) => e.id as string));
  const withLocalFirms = new Set(
    ties('IN_SEGMENT')
      .filter((t) => local.has(t.from))
      .map((t) => t.to),
  );
  const needing = new Set(
    ties('NEEDS_TECH')
      .filter((t) => local.has(t.from))
      .map((t) => t.from),
  );
  const researching = new Set(ties('RESEARCHES').map((t) => t.from));
  const productName = new Map(nodes('Product').map((p) => [p.id as string, p.name as string]));
  const makes = new Map<string, string[]>();
  for (const t of ties('MAKES')) if (productName.has(t.to)) makes.set(t.from, [...(makes.get(t.from) ?? []), productName.get(t.to)!]);
  const provinceCounts = new Map<string, number>();
  for (const e of enterprises) if (typeof e.province === 'string') provinceCounts.set(e.province, (provinceCounts.get(e.province) ?? 0) + 1);
  const segments = nodes('Segment');
  const byId = (a: Row, b: Row) => ((a.id as string) < (b.id as string) ? -1 : 1);
  return {
    chains: nodes('Chain')
      .sort(byId)
      .map((c) => ({
        id: c.id as string,
        modes: ['fill', 'strengthen'],
        segments: segments
          .filter((s) => s.chainId === c.id)
          .sort(byId)
          .map((s) => ({ id: s.id as string, modes: withLocalFirms.has(s.id as string) ? ['strengthen'] : ['fill', 'extend'] })),
      })),
    enterpriseIds: [...needing].sort(),
    researchUnitIds: nodes('ResearchUnit')
      .map((u) => u.id as string)
      .filter((id) => researching.has(id))
      .sort(),
    universityIds: nodes('University')
      .map((u) => u.id as string)
      .sort(),
    talentLevels: [...new Set(nodes('Talent').map((t) => t.level as string))].sort(),
    topics: nodes('Topic')
      .map((t) => t.name as string)
      .sort(),
    products: [...productName.values()].sort(),
    provinces: [...provinceCounts].map(([name, firms]) => ({ name, firms })).sort((a, b) => b.firms - a.firms || (a.name < b.name ? -1 : 1)),
    needTexts: readFileSync(needsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text: string }).text),
    firms: enterprises
      .filter((e) => e.kind === 'industrial' && makes.has(e.id as string))
      .sort(byId)
      .slice(0, 5000)
      .map((e) => ({ name: e.name as string, products: makes.get(e.id as string)!.slice(0, 5), description: String(e.description ?? '').slice(0, 400) })),
  };
}

/** The modes the engine accepts, per chain and per segment, read from its own snapshots (so no draw is a 409). */
export async function fitModes(universe: TrafficUniverse, engine: ChainMatchEngine): Promise<TrafficUniverse> {
  const chains: TrafficUniverse['chains'] = [];
  for (const chain of universe.chains) {
    const snapshot = await engine.snapshots.get(chain.id);
    const fits = (segmentId?: string) =>
      modes.filter((mode) => {
        try {
          return targetSegments(snapshot, { segmentId, mode }).targets.length > 0;
        } catch {
          return false;
        }
      });
    chains.push({ id: chain.id, modes: fits(), segments: chain.segments.map((s) => ({ id: s.id, modes: fits(s.id) })) });
  }
  return { ...universe, chains };
}
