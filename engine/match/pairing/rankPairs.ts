import { InvalidInputError, NotFoundError } from '../../errors.ts';
import type { Graph } from '../../graph/graph.ts';
import type { TextSimilarity } from '../../text/textSimilarity.ts';
import { round, type Explanation } from '../explanation.ts';
import { carrierOf, enterpriseText, pairPaths, pairSignals, unitText, type NeedSide, type PairCarrier } from './pairSignals.ts';
import { enterprisesForTopics, loadEnterpriseProfiles, type EnterpriseProfile, type ResearchCatalog, type ResearchUnitProfile } from './researchCatalog.ts';
import { oncePer } from '../../oncePer.ts';

export interface PairingRequest {
  enterpriseId?: string;
  researchUnitId?: string;
  text?: string;
  /** For free text: a need (→ research units, the default) or a capability (→ enterprises). */
  textRole?: 'need' | 'capability';
  limit: number;
  filters?: { inXianlin?: boolean; universityIds?: string[]; localOnly?: boolean };
}

export interface PairResult {
  enterprise: { id: string; name: string } | null;
  researchUnit: { id: string; name: string; university: string | null };
  score: number;
  /** The researcher and topic that carry the pair. */
  carriedBy: PairCarrier;
  explanation: Explanation;
}

export interface PairingResponse {
  direction: 'to-research-units' | 'to-enterprises';
  items: PairResult[];
  textProvider: TextSimilarity['provider'];
}

function confidence(signals: Explanation['signals']): Explanation['confidence'] {
  const v = (n: string) => signals.find((s) => s.signal === n)?.value ?? 0;
  if (v('topics') > 0 && (v('cooperation') > 0 || v('channel') > 0 || v('talent') >= 0.8)) return 'strong';
  if (v('topics') > 0 || v('text') >= 0.3) return 'medium';
  return 'weak';
}

function reason(need: NeedSide, unit: ResearchUnitProfile, carrier: PairCarrier, signals: Explanation['signals']): string {
  const v = (n: string) => signals.find((s) => s.signal === n);
  const parts = [carrier.topic ? `围绕「${carrier.topic}」` : `研究方向相近`];
  if (carrier.researcher) parts.push(`由${carrier.researcher.name}（${carrier.researcher.title}）对接`);
  if ((v('cooperation')?.value ?? 0) > 0) parts.push(v('cooperation')!.detail);
  if ((v('channel')?.value ?? 0) > 0) parts.push(v('channel')!.detail);
  if ((v('proximity')?.value ?? 0) > 0) parts.push(v('proximity')!.detail);
  return `${unit.name}${need.profile ? ` ↔ ${need.profile.name}` : ''}：${parts.join('；')}`;
}

/** research unit → its university, built once per catalog (needSide runs for up to 400 firms a request). */
const universityIndex = oncePer((catalog: ResearchCatalog) => new Map(catalog.units.map((u) => [u.id, u.university?.id])));

function needSide(profile: EnterpriseProfile | null, text: string, catalog: ResearchCatalog): NeedSide {
  const universityOf = universityIndex(catalog);
  const partnerUniversities = new Set((profile?.partners ?? []).map((p) => universityOf.get(p)).filter((x): x is string => Boolean(x)));
  return { profile, text, topics: profile?.needs ?? [], partnerUniversities };
}

/**
 * Scores every pair, then explains only the `limit` best: at 100k enterprises the catalog holds
 * ~1,500 research units, and paths and reasons for all of them cost more than the scoring.
 */
async function scorePairs(similarity: TextSimilarity, pairs: { need: NeedSide; unit: ResearchUnitProfile }[], limit: number): Promise<PairResult[]> {
  // One similarity call per distinct need text keeps embedding calls batched.
  const byText = new Map<string, { need: NeedSide; unit: ResearchUnitProfile }[]>();
  for (const p of pairs) (byText.get(p.need.text) ?? byText.set(p.need.text, []).get(p.need.text)!).push(p);
  const scored: { need: NeedSide; unit: ResearchUnitProfile; carrier: PairCarrier; total: number; signals: Explanation['signals'] }[] = [];
  for (const [text, group] of byText) {
    const sims = await similarity.scores(text, group.map((p) => unitText(p.unit)));
    group.forEach(({ need, unit }, i) => {
      const carrier = carrierOf(need, unit);
      scored.push({ need, unit, carrier, ...pairSignals(need, unit, sims[i], carrier) });
    });
  }
  const order = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    b.total - a.total || a.unit.id.localeCompare(b.unit.id) || (a.need.profile?.id ?? '').localeCompare(b.need.profile?.id ?? '');
  return scored.sort(order).slice(0, limit).map(({ need, unit, carrier, total, signals }) => ({
    enterprise: need.profile ? { id: need.profile.id, name: need.profile.name } : null,
    researchUnit: { id: unit.id, name: unit.name, university: unit.university?.name ?? null },
    score: total,
    carriedBy: carrier,
    explanation: { signals, paths: pairPaths(need, unit, carrier), confidence: confidence(signals), reason: reason(need, unit, carrier, signals) },
  }));
}

/**
 * School–enterprise pairing (DESIGN §3), both directions: an enterprise (or a need in words) to
 * research units, or a research unit (or a capability in words) to enterprises.
 */
export async function rankPairs(graph: Graph, catalog: ResearchCatalog, similarity: TextSimilarity, request: PairingRequest): Promise<PairingResponse> {
  const given = [request.enterpriseId, request.researchUnitId, request.text].filter((x) => x !== undefined).length;
  if (given !== 1) throw new InvalidInputError('give exactly one of enterpriseId, researchUnitId or text', [{ path: 'body', message: 'exactly one of enterpriseId, researchUnitId, text' }]);
  const f = request.filters ?? {};
  const units = catalog.units.filter(
    (u) => (f.inXianlin === undefined || (u.university?.inXianlin ?? false) === f.inXianlin) && (!f.universityIds?.length || (u.university && f.universityIds.includes(u.university.id))),
  );

  if (request.enterpriseId || (request.text !== undefined && request.textRole !== 'capability')) {
    let need: NeedSide;
    if (request.enterpriseId) {
      const [profile] = await loadEnterpriseProfiles(graph, [request.enterpriseId]);
      if (!profile) throw new NotFoundError('Enterprise', request.enterpriseId);
      need = needSide(profile, enterpriseText(profile), catalog);
    } else {
      need = needSide(null, request.text!, catalog);
    }
    const items = await scorePairs(similarity, units.map((unit) => ({ need, unit })), request.limit);
    return { direction: 'to-research-units', items, textProvider: similarity.provider };
  }

  // Towards enterprises: a named research unit, or a capability in words matched to the catalog's units' topics.
  let unit: ResearchUnitProfile;
  if (request.researchUnitId) {
    const found = catalog.units.find((u) => u.id === request.researchUnitId);
    if (!found) throw new NotFoundError('ResearchUnit', request.researchUnitId);
    unit = found;
  } else {
    const topicNames = [...new Set(catalog.units.flatMap((u) => u.topics))];
    const sims = await similarity.scores(request.text!, topicNames);
    const topics = topicNames.map((t, i) => [t, sims[i]] as const).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([t]) => t);
    unit = { id: 'text-query', name: '需求描述', description: request.text!, topics, university: null, parkId: null, researchers: [], partners: [], alliances: [], partyOrgs: [] };
  }
  const topics = [...new Set([...unit.topics, ...unit.researchers.flatMap((r) => r.expertise)])];
  const candidates = await enterprisesForTopics(graph, topics, request.researchUnitId ?? null, 400);
  const pool = f.localOnly ? candidates.filter((e) => e.local) : candidates;
  const items = await scorePairs(similarity, pool.map((e) => ({ need: needSide(e, enterpriseText(e), catalog), unit })), request.limit);
  if (!request.researchUnitId) for (const item of items) item.explanation.paths = item.explanation.paths.filter((p) => !p.nodes.some((n) => n.id === 'text-query'));
  return { direction: 'to-enterprises', items: items.map((x) => ({ ...x, score: round(x.score) })), textProvider: similarity.provider };
}
