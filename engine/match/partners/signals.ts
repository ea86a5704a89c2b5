import { channelValues, fitWeights, saturation, sizeValues, tierValues } from '../../config/scoring.ts';
import { saturate } from '../explanation.ts';
import type { ChainSnapshot } from '../../chain/snapshot.ts';
import type { CandidateBasics, CandidateRelations } from './candidates.ts';
import { oncePer } from '../../core/oncePer.ts';

/**
 * The pure signal functions of a 强链/补链/延链 candidate, each normalised to 0–1.
 * docs/matching.md states each formula; weights live in config/scoring.ts.
 */

/**
 * How a local firm would trade with a candidate: through a product pair along INPUT_TO, or, when
 * the candidate has no known product, through a pair of segments along FEEDS.
 */
export type TradeLink =
  { kind: 'product'; candidateProductId: string; localProductId: string } | { kind: 'segment'; candidateSegmentId: string; localSegmentId: string };

/** Who in the local chain would trade with a candidate. */
export interface ChainTrade {
  /** local firm → how it would buy from the candidate (its product takes the candidate's as input) */
  buyers: ReadonlyMap<string, TradeLink>;
  /** local firm → how it would sell to the candidate */
  sellers: ReadonlyMap<string, TradeLink>;
  /** buyers and sellers together */
  partners: ReadonlySet<string>;
}

/** Indexes of the chain used for every candidate of one request. */
export class ChainTradeIndex {
  private readonly makers = new Map<string, string[]>();
  private readonly outputs = new Map<string, string[]>();
  private readonly inputs = new Map<string, string[]>();
  private readonly segmentFirms = new Map<string, string[]>();

  /**
   * Trade depends only on the candidate's products (or, without products, its segments), and many
   * candidates share them: computed once per product set. Measured at 100k enterprises: this was
   * the largest part of a partners request (~40 ms for 400 candidates, each merging hundreds of firms).
   */
  private readonly byOffer = new Map<string, ChainTrade>();

  /** One index per snapshot: requests on the same snapshot share it and its cache. */
  static readonly of = oncePer((snapshot: ChainSnapshot) => new ChainTradeIndex(snapshot));

  constructor(private readonly snapshot: ChainSnapshot) {
    for (const f of snapshot.firms) {
      for (const p of f.productIds) (this.makers.get(p) ?? this.makers.set(p, []).get(p)!).push(f.id);
      for (const s of f.segmentIds) (this.segmentFirms.get(s) ?? this.segmentFirms.set(s, []).get(s)!).push(f.id);
    }
    for (const [from, to] of snapshot.inputTo) {
      (this.outputs.get(from) ?? this.outputs.set(from, []).get(from)!).push(to);
      (this.inputs.get(to) ?? this.inputs.set(to, []).get(to)!).push(from);
    }
  }

  /**
   * Local firms whose products take the candidate's products as input (buyers), or make the inputs of
   * the candidate's products (sellers). A candidate with no known product trades at segment level:
   * local firms of the segments its segments feed, and of those feeding them.
   */
  trade(candidate: Pick<CandidateBasics, 'id' | 'products' | 'segmentIds'>): ChainTrade {
    const key = candidate.products.length > 0 ? candidate.products.map((p) => p.id).join('\u0000') : `segments\u0000${candidate.segmentIds.join('\u0000')}`;
    let shared = this.byOffer.get(key);
    if (!shared) this.byOffer.set(key, (shared = this.tradeOf(candidate)));
    // A local candidate is among the makers of its own products, but does not trade with itself.
    if (!shared.partners.has(candidate.id)) return shared;
    const without = <V>(m: ReadonlyMap<string, V>) => new Map([...m].filter(([id]) => id !== candidate.id));
    const partners = new Set(shared.partners);
    partners.delete(candidate.id);
    return { buyers: without(shared.buyers), sellers: without(shared.sellers), partners };
  }

  private tradeOf(candidate: Pick<CandidateBasics, 'products' | 'segmentIds'>): ChainTrade {
    const buyers = new Map<string, TradeLink>();
    const sellers = new Map<string, TradeLink>();
    const add = (into: Map<string, TradeLink>, firms: string[] | undefined, link: TradeLink) => {
      for (const f of firms ?? []) if (!into.has(f)) into.set(f, link);
    };
    for (const { id: p } of candidate.products) {
      for (const q of this.outputs.get(p) ?? []) add(buyers, this.makers.get(q), { kind: 'product', candidateProductId: p, localProductId: q });
      for (const q of this.inputs.get(p) ?? []) add(sellers, this.makers.get(q), { kind: 'product', candidateProductId: p, localProductId: q });
    }
    if (candidate.products.length === 0) {
      for (const s of candidate.segmentIds) {
        for (const [from, to] of this.snapshot.feeds) {
          if (from === s) add(buyers, this.segmentFirms.get(to), { kind: 'segment', candidateSegmentId: s, localSegmentId: to });
          if (to === s) add(sellers, this.segmentFirms.get(from), { kind: 'segment', candidateSegmentId: s, localSegmentId: from });
        }
      }
    }
    return { buyers, sellers, partners: new Set([...buyers.keys(), ...sellers.keys()]) };
  }
}

/** Segment and product fit: 0.5·membership + 0.3·product coverage + 0.2·text similarity. */
export function fitSignal(input: { member: boolean; matchingProducts: number; segmentProducts: number; textSimilarity: number }): number {
  const productCoverage = input.segmentProducts > 0 ? Math.min(1, input.matchingProducts / Math.min(3, input.segmentProducts)) : 0;
  return (
    fitWeights.membership * (input.member ? 1 : 0) + fitWeights.products * productCoverage + fitWeights.text * Math.min(1, Math.max(0, input.textSimilarity))
  );
}

/** Distinct local firms the candidate would trade with (INPUT_TO paths) or already trades with (SUPPLIES). */
export function connectivitySignal(tradePartners: ReadonlySet<string>): number {
  return saturate(tradePartners.size, saturation.connectivity);
}

/**
 * How much local firms already rely on a supplier for one segment's output: 1 − Π (1 − share), over
 * its SUPPLIES ties from that segment into local firms (share = sharePct / 100 of the buyer's needs).
 * One tie covering 80 % of a local firm's needs is 0.8; two such are 0.96; four of 20 % are 0.59 —
 * a supplier a local firm depends on counts for more than several marginal ones.
 */
export function relianceSignal(sharesPct: readonly number[]): number {
  return 1 - sharesPct.reduce((rest, pct) => rest * (1 - Math.min(100, Math.max(0, pct)) / 100), 1);
}

/** Per segment and supplier: the sharePct of each of its ties into local firms (from the snapshot's ties). */
export const segmentSupply = oncePer((snapshot: ChainSnapshot) => {
  const bySegment = new Map<string, Map<string, number[]>>();
  for (const t of snapshot.ties) {
    for (const s of t.fromSegmentIds) {
      const suppliers = bySegment.get(s) ?? bySegment.set(s, new Map()).get(s)!;
      (suppliers.get(t.from) ?? suppliers.set(t.from, []).get(t.from)!).push(t.sharePct);
    }
  }
  return bySegment;
});

/** The best tier the firm holds, plus 0.1 for each further one. */
export function tierSignal(tags: string[]): number {
  const values = tags
    .map((t) => tierValues[t] ?? 0)
    .filter((v) => v > 0)
    .sort((a, b) => b - a);
  return values.length === 0 ? 0 : Math.min(1, values[0] + 0.1 * (values.length - 1));
}

/** An unknown size (null) is no evidence of scale: 0, like a tier tag the firm does not hold. */
export function scaleSignal(size: string | null): number {
  return size === null ? 0 : (sizeValues[size] ?? 0);
}

/** The strongest introduction channel: shared alliance > paired party organisation > common university partner; none → 0. */
export function channelSignal(r: Pick<CandidateRelations, 'alliances' | 'pairedOrgs' | 'commonPartners'>): number {
  if (r.alliances.length > 0) return channelValues.alliance;
  if (r.pairedOrgs.length > 0) return channelValues.pairedPartyOrg;
  if (r.commonPartners.length > 0) return channelValues.commonUniversityPartner;
  return 0;
}
