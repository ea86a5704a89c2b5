import { outcomeLearning } from '../config/scoring.ts';
import { round } from '../core/round.ts';
import type { MatchStatus } from './lifecycle.ts';

/** What the statistics read of a match: its status and the signal values of its explanation snapshot. */
export interface MatchOutcome {
  kind: string;
  status: MatchStatus;
  signals: { signal: string; value: number; weight: number }[];
}

export interface SignalAcceptance {
  signal: string;
  /** Mean signal value among agreed and among declined matches. */
  agreed: { n: number; mean: number | null };
  declined: { n: number; mean: number | null };
  /** agreed mean − declined mean: how much more of this signal the accepted matches had. */
  lift: number | null;
  /** Share agreed among decided matches where the signal was high (≥ highSignal) and where it was low. */
  acceptanceWhenHigh: number | null;
  acceptanceWhenLow: number | null;
  weight: number;
  adjustedWeight: number;
}

export interface KindAcceptance {
  kind: string;
  total: number;
  byStatus: Record<MatchStatus, number>;
  /** agreed / (agreed + declined); null before any decision. */
  acceptanceRate: number | null;
  signals: SignalAcceptance[];
  /** The weights outcome learning suggests (equal to the base weights until enough outcomes). */
  weights: Record<string, number>;
  adjusted: boolean;
  adjustmentNote: string;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The bounded weight rule (docs/resources.md §5). For each signal s with base weight w_s:
 *   lift_s   = mean_agreed(s) − mean_declined(s)
 *   shrunk_s = lift_s · n / (n + shrinkage)            n = agreed + declined
 *   f_s      = 1 + rate · clamp(shrunk_s / liftScale, −1, 1)          ∈ [1 − rate, 1 + rate]
 *   w'_s     = w_s · f_s · Σw / Σ(w · f)               (the weights keep their sum)
 * Applied only with ≥ minEach agreed and ≥ minEach declined matches; otherwise w' = w.
 * So no weight moves by more than a factor (1 + rate) / (1 − rate) (1.5 at rate 0.2), and a signal
 * never flips sign or reaches zero from outcomes alone.
 */
export function adjustWeights(
  base: Record<string, number>,
  lifts: Record<string, number | null>,
  agreed: number,
  declined: number,
): { weights: Record<string, number>; adjusted: boolean; note: string } {
  const { rate, liftScale, shrinkage, minEach } = outcomeLearning;
  if (agreed < minEach || declined < minEach) {
    return { weights: { ...base }, adjusted: false, note: `需至少 ${minEach} 条同意和 ${minEach} 条拒绝记录（现有 ${agreed} / ${declined}），权重未调整` };
  }
  const n = agreed + declined;
  const factor: Record<string, number> = {};
  for (const s of Object.keys(base)) {
    const lift = lifts[s] ?? 0;
    factor[s] = 1 + rate * clamp((lift * n) / (n + shrinkage) / liftScale, -1, 1);
  }
  const sum = Object.values(base).reduce((a, b) => a + b, 0);
  const scaled = Object.entries(base).reduce((a, [s, w]) => a + w * factor[s], 0);
  const weights = Object.fromEntries(Object.entries(base).map(([s, w]) => [s, scaled > 0 ? round((w * factor[s] * sum) / scaled) : w]));
  return { weights, adjusted: true, note: `按 ${agreed} 条同意、${declined} 条拒绝记录调整，单项调整幅度不超过 ±${rate * 100}%（再归一化）` };
}

/**
 * Per matcher kind: counts by status, the acceptance rate, and per signal how agreed and declined
 * matches differed — the evidence behind the weight rule. `baseWeights[kind]` are the configured
 * weights; kinds without them use the weights recorded in their latest snapshot.
 */
export function acceptanceStats(matches: MatchOutcome[], baseWeights: Record<string, Record<string, number>>): KindAcceptance[] {
  const byKind = new Map<string, MatchOutcome[]>();
  for (const m of matches) (byKind.get(m.kind) ?? byKind.set(m.kind, []).get(m.kind)!).push(m);
  return [...byKind]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, list]) => {
      const byStatus: Record<MatchStatus, number> = { proposed: 0, contacted: 0, agreed: 0, declined: 0 };
      for (const m of list) byStatus[m.status]++;
      const decided = list.filter((m) => m.status === 'agreed' || m.status === 'declined');
      const base = baseWeights[kind] ?? Object.fromEntries((list.at(-1)?.signals ?? []).map((s) => [s.signal, s.weight]));
      const names = [...new Set([...Object.keys(base), ...list.flatMap((m) => m.signals.map((s) => s.signal))])];
      const valueOf = (m: MatchOutcome, s: string) => m.signals.find((x) => x.signal === s)?.value;
      const rows = names.map((signal) => {
        const values = (status: MatchStatus) =>
          decided
            .filter((m) => m.status === status)
            .map((m) => valueOf(m, signal))
            .filter((v): v is number => v !== undefined);
        const a = values('agreed');
        const d = values('declined');
        const acceptance = (high: boolean) => {
          const group = decided.filter((m) => {
            const v = valueOf(m, signal);
            return v !== undefined && v >= outcomeLearning.highSignal === high;
          });
          return group.length === 0 ? null : round(group.filter((m) => m.status === 'agreed').length / group.length);
        };
        const ma = mean(a);
        const md = mean(d);
        return {
          signal,
          agreed: { n: a.length, mean: ma === null ? null : round(ma) },
          declined: { n: d.length, mean: md === null ? null : round(md) },
          lift: ma === null || md === null ? null : round(ma - md),
          acceptanceWhenHigh: acceptance(true),
          acceptanceWhenLow: acceptance(false),
        };
      });
      const { weights, adjusted, note } = adjustWeights(base, Object.fromEntries(rows.map((r) => [r.signal, r.lift])), byStatus.agreed, byStatus.declined);
      return {
        kind,
        total: list.length,
        byStatus,
        acceptanceRate: decided.length === 0 ? null : round(byStatus.agreed / decided.length),
        signals: rows.map((r) => ({ ...r, weight: base[r.signal] ?? 0, adjustedWeight: weights[r.signal] ?? 0 })),
        weights,
        adjusted,
        adjustmentNote: note,
      };
    });
}
