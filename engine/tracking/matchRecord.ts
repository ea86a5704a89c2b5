import type { RecordMatchRequest } from '../contracts/matches.ts';
import type { Graph } from '../graph/graph.ts';
import { demoIdsAmong } from '../search/demoRecords.ts';
import { maySeePrivate, type ActorRef } from './actor.ts';
import type { MatchStatus } from './lifecycle.ts';
import { isOverdue } from './overdue.ts';
import { storedVersion } from './recordVersion.ts';

// A Match as stored (a row of strings: explanation and history as JSON) and as answered (parsed, marked
// demo and overdue, with what the reader may not see left out). matchStore.ts holds the Cypher.

/**
 * The explanation a match keeps: the snapshot the client sent back when recording it, as the contract
 * checked it — not the matchers' own type, so tracking needs no matcher (issue 14: match → tracking →
 * export → match was a cycle; engine/dependencyDirection.test.ts keeps it from returning).
 */
type Explanation = RecordMatchRequest['explanation'];

/** One change in a match's audit trail: who moved it from what to what, when, and why (who and why only for the match's owner and admins). */
export interface MatchHistoryEntry {
  from: MatchStatus | null;
  to: MatchStatus;
  actor?: string;
  at: string;
  note?: string | null;
}

/** A Match node as the API shows it: the explanation snapshot and the history parsed. */
export interface MatchRecord {
  id: string;
  kind: string;
  status: MatchStatus;
  subjectId: string;
  subjectName: string;
  candidateId: string;
  candidateName: string;
  chainId: string | null;
  score: number;
  units: number;
  explanation: Explanation;
  /** The day the next follow-up is due (YYYY-MM-DD, district calendar), or null. */
  dueDate: string | null;
  /** Open and past its due date on the district's today (set by the engine, which owns the clock). */
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  /** The owner: the identity that recorded the match. Shown to the owner and admins only. */
  createdBy?: string;
  /** Bumped by every change; the API's ETag. */
  version: number;
  history: MatchHistoryEntry[];
  /** The subject is demo data (演示数据: a record the seed generator invented, `source: synthetic`). */
  subjectDemo: boolean;
  /** The candidate is demo data. */
  candidateDemo: boolean;
  /** Either side is demo data: the match must never be reported as a real lead. */
  demo: boolean;
}

type Derived = 'subjectDemo' | 'candidateDemo' | 'demo' | 'overdue';
export type StoredMatch = Omit<MatchRecord, 'explanation' | 'history' | 'version' | 'dueDate' | Derived> & {
  explanation: string;
  history: string[];
  version?: number;
  dueDate?: string | null;
};
export type ParsedMatch = Omit<MatchRecord, Derived>;

export function toRecord(row: StoredMatch): ParsedMatch {
  return {
    ...row,
    chainId: row.chainId ?? null,
    subjectName: row.subjectName ?? '',
    candidateName: row.candidateName ?? '',
    units: row.units ?? 1,
    dueDate: row.dueDate ?? null,
    createdBy: row.createdBy ?? 'anonymous',
    version: storedVersion(row.version),
    explanation: JSON.parse(row.explanation),
    history: row.history.map((h) => JSON.parse(h)),
  };
}

/**
 * Marks each match whose subject or candidate is demo data. Read from the graph at every answer
 * (not stored on the Match): a demo record replaced by an imported one stops being flagged.
 */
export async function withDemo(graph: Graph, matches: ParsedMatch[], viewer: ActorRef | undefined, today: string): Promise<MatchRecord[]> {
  const demo = await demoIdsAmong(
    graph,
    matches.flatMap((m) => [m.subjectId, m.candidateId]),
  );
  return matches
    .map((m) => visibleTo(m, viewer))
    .map((m) => {
      const subjectDemo = demo.has(m.subjectId);
      const candidateDemo = demo.has(m.candidateId);
      return { ...m, subjectDemo, candidateDemo, demo: subjectDemo || candidateDemo, overdue: isOverdue(m, today) };
    });
}

/**
 * What a reader may see of a match: who recorded and moved it, and the notes they wrote, are private
 * to its owner and admins (issue 15 F2: with no key, GET /matches showed notes and key owners).
 * Everyone else sees the status, the explanation and when each change happened.
 */
function visibleTo(m: ParsedMatch, viewer: ActorRef | undefined): ParsedMatch {
  if (maySeePrivate(viewer, m.createdBy)) return m;
  const { createdBy: _owner, ...rest } = m;
  return { ...rest, history: m.history.map(({ from, to, at }) => ({ from, to, at })) };
}
