import type { MatchStatus } from './lifecycle.ts';

/** Statuses still waiting for somebody to act: a due date matters only while a match is one of these. */
export const openStatuses: readonly MatchStatus[] = ['proposed', 'contacted'];

/**
 * Overdue: still open and due before `today` (a district calendar day, YYYY-MM-DD — the caller reads it
 * from the district's clock, engine/history/healthDay.ts). Due today is not overdue yet. Days compare as
 * text because both are YYYY-MM-DD.
 */
export function isOverdue(m: { status: MatchStatus; dueDate: string | null }, today: string): boolean {
  return m.dueDate !== null && m.dueDate < today && openStatuses.includes(m.status);
}
