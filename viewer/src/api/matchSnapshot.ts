import type { Explanation, MatchKind, RecordMatchBody } from './types.ts';

/** What a "record this" button knows about a recommendation. */
export interface RecordInput {
  kind: MatchKind;
  subjectId: string;
  subjectName: string;
  candidateId: string;
  candidateName: string;
  chainId?: string | null;
  score: number;
  units?: number;
  explanation: Explanation;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const unit = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * The body of POST /matches: the explanation as a snapshot within the contract's limits (at most 40
 * paths of 12 steps, texts cut to length, values within 0–1), so a long explanation is recorded
 * shortened rather than refused.
 */
export function recordBody(input: RecordInput): RecordMatchBody {
  const e = input.explanation;
  return {
    kind: input.kind,
    subjectId: cut(input.subjectId, 120),
    candidateId: cut(input.candidateId, 120),
    subjectName: cut(input.subjectName, 200),
    candidateName: cut(input.candidateName, 200),
    chainId: input.chainId ?? null,
    score: unit(input.score),
    units: Math.max(1, Math.round(input.units ?? 1)),
    explanation: {
      signals: e.signals.slice(0, 30).map((s) => ({
        signal: cut(s.signal, 40),
        value: unit(s.value),
        weight: unit(s.weight),
        contribution: unit(s.contribution),
        detail: cut(s.detail, 1000),
        ...(s.detailParts?.length ? { detailParts: s.detailParts.slice(0, 8) } : {}),
      })),
      paths: e.paths.slice(0, 40).map((p) => ({
        signal: cut(p.signal, 40),
        nodes: p.nodes.slice(0, 12).map((n) => ({ id: cut(n.id, 120), label: cut(n.label, 40), name: cut(n.name, 400) })),
        relationships: p.relationships.slice(0, 12).map((r) => ({ type: cut(r.type, 40), from: cut(r.from, 120), to: cut(r.to, 120) })),
      })),
      confidence: e.confidence,
      reason: cut(e.reason, 2000),
      // The reason's messages too, so the tracking card and its export read in the user's language.
      ...(e.reasonParts?.length ? { reasonParts: e.reasonParts.slice(0, 16) } : {}),
    },
  };
}

/** A stable id for a need typed in words (the match's subject has no node of its own). */
export function textSubjectId(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text.trim()) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `text.${h.toString(16).padStart(8, '0')}`;
}
