import type { Explanation } from '../explanation.ts';

/** An enterprise at a matchmaking event (对接会): what it needs and makes. */
export interface EventEnterprise {
  id: string;
  name: string;
  /** Topic names it NEEDS_TECH. */
  needs: string[];
  /** Names of products it MAKES. */
  products: string[];
  description: string;
}

/** A research unit at the event: what it researches. */
export interface EventUnit {
  id: string;
  name: string;
  /** Topic names it RESEARCHES. */
  topics: string[];
  description: string;
  university: string | null;
}

export interface ScoredPair {
  enterpriseId: string;
  unitId: string;
  /** In [0, 1]. */
  fit: number;
  explanation: Explanation;
}

/**
 * How well an enterprise and a research unit would pair. The event planner takes any
 * implementation: the lexical one below today, the school–enterprise pairing matcher when it is
 * wired in. Pairs left out of the answer are not scheduled.
 */
export interface PairingFit {
  /** Reported with the schedule, e.g. "lexical". */
  readonly name: string;
  score(enterprises: EventEnterprise[], units: EventUnit[]): Promise<ScoredPair[]>;
}
