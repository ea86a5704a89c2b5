import { ConflictError } from '../core/errors.ts';

export type MatchStatus = 'proposed' | 'contacted' | 'agreed' | 'declined';

/**
 * The lifecycle of a recommendation somebody acted on (docs/design.md §7): proposed → contacted → agreed |
 * declined. A proposal may also be declined before anyone is contacted (the officer rules it out);
 * agreed and declined are final — a declined pair is proposed again only as a new match.
 */
export const matchTransitions: Record<MatchStatus, readonly MatchStatus[]> = {
  proposed: ['contacted', 'declined'],
  contacted: ['agreed', 'declined'],
  agreed: [],
  declined: [],
};

export function canTransition(from: MatchStatus, to: MatchStatus): boolean {
  return matchTransitions[from].includes(to);
}

/** Throws ConflictError (HTTP 409) for a transition the current status does not allow. */
export function assertTransition(id: string, from: MatchStatus, to: MatchStatus): void {
  if (canTransition(from, to)) return;
  const allowed = matchTransitions[from];
  throw new ConflictError(
    `match "${id}" is ${from}; it cannot become ${to}` + (allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ` (${from} is final)`),
  );
}
