import type { SignalScore } from '../api/types.ts';

/**
 * The score bar: each signal's contribution (value × weight) laid end to end, so the bar's length is
 * the score (0–1) and each part shows what carried it. Colours are Okabe–Ito; the order is fixed so
 * bars compare down the list.
 */
export const signalOrder = ['fit', 'ties', 'buyers', 'concentrationRelief', 'outsideRelief', 'adjacency', 'channel', 'tier', 'scale'] as const;

/** Each matcher's signals in bar order (the API's signal names); colours are distinct within each set. */
export const signalSets = {
  // One set per partner mode (the API's partnerModeWeights): each mode has signals of its own.
  partnerFill: ['fit', 'ties', 'buyers', 'channel', 'tier', 'scale'],
  partnerStrengthen: ['fit', 'ties', 'concentrationRelief', 'outsideRelief', 'channel', 'tier', 'scale'],
  partnerExtend: ['fit', 'adjacency', 'channel', 'tier', 'scale'],
  pairing: ['topics', 'text', 'talent', 'cooperation', 'channel', 'proximity'],
  talent: ['topics', 'text', 'level', 'cooperation', 'proximity'],
  resource: ['size', 'price', 'location', 'proximity', 'tier', 'channel'],
} as const satisfies Record<string, readonly string[]>;
export type SignalSet = keyof typeof signalSets;

/** The bar order of a partner list's mode. */
export const partnerSignals = { fill: signalSets.partnerFill, strengthen: signalSets.partnerStrengthen, extend: signalSets.partnerExtend } as const;

export const signalColours: Record<string, string> = {
  // Partner modes: no mode has more than one of buyers / concentrationRelief / adjacency.
  fit: '#0072B2',
  ties: '#009E73',
  buyers: '#56B4E9',
  concentrationRelief: '#56B4E9',
  outsideRelief: '#D55E00',
  adjacency: '#56B4E9',
  channel: '#CC79A7',
  tier: '#E69F00',
  scale: '#F0E442',
  text: '#0072B2',
  topics: '#009E73',
  cooperation: '#E69F00',
  talent: '#D55E00',
  proximity: '#56B4E9',
  level: '#F0E442',
  size: '#0072B2',
  price: '#F0E442',
  location: '#009E73',
};

export interface BarPart {
  signal: string;
  /** Start and end along the bar, 0–1 of the maximum score. */
  x0: number;
  x1: number;
  contribution: number;
}

export function stackSignals(signals: readonly SignalScore[], order: readonly string[] = signalOrder): BarPart[] {
  const rank = (s: string) => {
    const i = order.indexOf(s);
    return i < 0 ? order.length : i;
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
