import type { SignalScore } from '../api/types.ts';

/**
 * The score bar: each signal's contribution (value × weight) laid end to end, so the bar's length is
 * the score (0–1) and each part shows what carried it. Colours are Okabe–Ito; the order is fixed so
 * bars compare down the list.
 */
export const signalOrder = ['fit', 'connectivity', 'ties', 'channel', 'tier', 'scale'] as const;

export const signalColours: Record<string, string> = {
  fit: '#0072B2', connectivity: '#56B4E9', ties: '#009E73', channel: '#CC79A7', tier: '#E69F00', scale: '#F0E442',
};

export interface BarPart {
  signal: string;
  /** Start and end along the bar, 0–1 of the maximum score. */
  x0: number;
  x1: number;
  contribution: number;
}

export function stackSignals(signals: readonly SignalScore[]): BarPart[] {
  const rank = (s: string) => {
    const i = (signalOrder as readonly string[]).indexOf(s);
    return i < 0 ? signalOrder.length : i;
  };
  const parts: BarPart[] = [];
  let x = 0;
  for (const s of [...signals].sort((a, b) => rank(a.signal) - rank(b.signal) || a.signal.localeCompare(b.signal))) {
    if (s.contribution <= 0) continue;
    parts.push({ signal: s.signal, x0: x, x1: x + s.contribution, contribution: s.contribution });
    x += s.contribution;
  }
  return parts;
}
