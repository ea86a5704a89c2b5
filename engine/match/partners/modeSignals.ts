import { saturation } from '../../config/scoring.ts';
import { firmScale } from '../../chain/capacity.ts';
import type { GapAction, SegmentGap } from '../../chain/gapAnalysis.ts';
import { round, saturate } from '../explanation.ts';
import { say } from '../../i18n/say.ts';
import type { SignalDetail } from '../../i18n/signalDetail.ts';
import type { CandidateBasics } from './candidates.ts';
import { connectivitySignal, relianceSignal, type ChainTrade } from './signals.ts';
import { addedCapacity, strengthenRelief, type ReliefFigures } from './strengthenRelief.ts';

/** Signal name → its value in [0, 1] and the detail a reader sees; weighed by config `partnerModeWeights`. */
export type SignalValues = Record<string, { value: number; detail: SignalDetail }>;

/** The gap's figures the 强链 relief is computed from; `topCapacity` is the dominant firm's own. */
function reliefFigures(gap: SegmentGap): ReliefFigures {
  const m = gap.metrics;
  return {
    localDemand: m.localDemand,
    localCapacity: m.localCapacity,
    n1Shortfall: m.n1Shortfall,
    outsideDependence: m.outsideDependence,
    topCapacity: m.evidence.topFirms[0]?.value ?? 0,
  };
}

/** What a candidate would do for a weak segment's 强链: the capacity it adds and the relief that brings. */
function strengthenOf(c: CandidateBasics, gap: SegmentGap) {
  // Revenue 0 means unknown here (candidates.ts): the size class then stands in, as for local firms.
  const capacity = firmScale({ ...c, revenueWan: c.revenueWan || null, employees: null, registeredCapitalWan: null }).value;
  const own = c.local ? capacity : 0;
  const added = addedCapacity(capacity, c.local);
  return { added, relief: strengthenRelief(reliefFigures(gap), added, own) };
}

/**
 * modeSignals' values alone, without the details a reader sees: stage one ranks hundreds of candidates
 * per target and explains only the short list (building every detail was most of its time).
 */
export function modeValues(
  mode: GapAction,
  shared: Record<string, number>,
  c: CandidateBasics,
  supplied: readonly number[],
  trade: ChainTrade,
  gap: SegmentGap,
): Record<string, number> {
  if (mode === 'fill') return { ...shared, ties: relianceSignal(supplied), buyers: saturate(trade.buyers.size, saturation.buyers) };
  if (mode === 'extend') return { ...shared, adjacency: connectivitySignal(trade.partners) };
  const { relief } = strengthenOf(c, gap);
  return { ...shared, ties: relianceSignal(supplied), concentrationRelief: relief.concentration, outsideRelief: relief.outside };
}

/**
 * The signals of one mode (config `partnerModeWeights`): the signals every mode shares (fit, tier,
 * scale, channel) and the ones that answer its own question — 补链: who already supplies local firms
 * and whose output they buy; 强链: how much the candidate would lower the segment's concentration and
 * outside dependence; 延链: how many local firms it would trade with.
 */
export function modeSignals(
  mode: GapAction,
  shared: SignalValues,
  c: CandidateBasics,
  supplied: readonly number[],
  trade: ChainTrade,
  gap: SegmentGap,
): SignalValues {
  const ties = {
    value: relianceSignal(supplied),
    detail: supplied.length > 0 ? say('partner.ties', { count: supplied.length, shares: supplied.map((x) => `${x}%`) }) : say('partner.noTies'),
  };
  if (mode === 'fill') {
    return { ...shared, ties, buyers: { value: saturate(trade.buyers.size, saturation.buyers), detail: say('partner.buyers', { count: trade.buyers.size }) } };
  }
  if (mode === 'extend') {
    return {
      ...shared,
      adjacency: {
        value: connectivitySignal(trade.partners),
        detail: say('partner.adjacency', { count: trade.partners.size, buyers: trade.buyers.size, sellers: trade.sellers.size }),
      },
    };
  }
  const { added, relief } = strengthenOf(c, gap);
  const how = c.local ? 'partner.localExpansion' : 'partner.importedCapacity';
  return {
    ...shared,
    ties,
    concentrationRelief: {
      value: relief.concentration,
      detail: say(how, { amount: round(added), before: pct(gap.metrics.n1Shortfall), after: pct(relief.n1ShortfallAfter) }),
    },
    outsideRelief: {
      value: relief.outside,
      detail: say('partner.outsideRelief', { share: pct(relief.outside), dependence: pct(gap.metrics.outsideDependence) }),
    },
  };
}

/** A share as whole percent (the templates print the % sign). */
const pct = (x: number) => Math.round(x * 100);
