import type { ChainSnapshot } from '../../chain/snapshot.ts';
import type { GapAction } from '../../chain/gapAnalysis.ts';
import { oncePer } from '../../core/oncePer.ts';

/** What one candidate scores towards one target segment in one mode: its text similarity, stage one's total, and stage two's whole answer once computed. */
interface CandidateScore<Full> {
  similarity: number;
  pre: number;
  full?: Full;
}

/**
 * A candidate's scores towards a target segment in a mode read only the chain snapshot (the segment's
 * gap, supply and trade, the candidate's relations, and text similarity over the candidates an
 * unfiltered request retrieves), never the request's filters, limit or keywords, which only choose
 * among candidates. So they are kept for the snapshot's lifetime (until a write): uncached requests
 * that differ in filters or limit score each candidate once. Measured at 100k enterprises, stage one
 * was half of an uncached partners request (issue 17). Bounded by the segment's candidate table: at
 * most its retrieved firms per segment and mode.
 */
export class CandidateScores<Full> {
  private readonly book = new Map<string, Map<string, CandidateScore<Full>>>();

  /** One snapshot's scores; a new snapshot starts empty. */
  static readonly of = oncePer((_snapshot: ChainSnapshot) => new CandidateScores<unknown>());

  /** The scores of `mode` towards `segmentId`, by candidate id. */
  towards(mode: GapAction, segmentId: string): Map<string, CandidateScore<Full>> {
    const key = `${mode}\u0000${segmentId}`;
    let scores = this.book.get(key);
    if (!scores) this.book.set(key, (scores = new Map()));
    return scores;
  }
}
