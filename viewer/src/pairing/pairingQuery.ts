import type { PairingRequestBody, PairResult, TalentLevel, TalentRequestBody } from '../api/types.ts';
import { textSubjectId } from '../api/matchSnapshot.ts';

/** Who or what to pair: a picked enterprise or research unit, or a need/capability in words. */
export type Subject =
  | { kind: 'enterprise'; id: string; name: string }
  | { kind: 'researchUnit'; id: string; name: string }
  | { kind: 'text'; text: string; role: 'need' | 'capability' };

export interface PairingForm {
  subject: Subject | null;
  limit: number;
  inXianlin: boolean;
  localOnly: boolean;
}

export const pairingLimits = [5, 10, 20, 50] as const;

/** The request body, or null while the subject is missing (nothing to ask yet). */
export function pairingRequest(form: PairingForm): PairingRequestBody | null {
  const s = form.subject;
  if (!s) return null;
  const filters: NonNullable<PairingRequestBody['filters']> = {};
  if (form.inXianlin) filters.inXianlin = true;
  const towardsEnterprises = s.kind === 'researchUnit' || (s.kind === 'text' && s.role === 'capability');
  if (form.localOnly && towardsEnterprises) filters.localOnly = true;
  if (s.kind === 'enterprise') return { enterpriseId: s.id, limit: form.limit, filters };
  if (s.kind === 'researchUnit') return { researchUnitId: s.id, limit: form.limit, filters };
  const text = s.text.trim();
  if (!text) return null;
  return { text, textRole: s.role, limit: form.limit, filters };
}

export function talentRequest(subject: Subject | null, limit: number, levels: TalentLevel[]): TalentRequestBody | null {
  if (!subject || subject.kind === 'researchUnit') return null;
  const filters = levels.length > 0 ? { levels } : {};
  if (subject.kind === 'enterprise') return { enterpriseId: subject.id, limit, filters };
  const text = subject.text.trim();
  return text ? { text, limit, filters } : null;
}

/** The subject as a match record names it (a need in words gets a stable id of its own). */
export function subjectRef(subject: Subject): { id: string; name: string } {
  if (subject.kind === 'text') return { id: textSubjectId(subject.text), name: subject.text.trim().slice(0, 200) };
  return { id: subject.id, name: subject.name };
}

/**
 * The partner a pair recommends: the research unit when pairing towards research units, the
 * enterprise when pairing towards enterprises (a research unit's or a capability's partners).
 */
export function partnerOf(
  item: PairResult,
  direction: 'to-research-units' | 'to-enterprises',
): { id: string; name: string; sub: string | null; demo: boolean } {
  if (direction === 'to-enterprises' && item.enterprise) return { id: item.enterprise.id, name: item.enterprise.name, sub: null, demo: item.enterprise.demo };
  return { id: item.researchUnit.id, name: item.researchUnit.name, sub: item.researchUnit.university, demo: item.researchUnit.demo };
}

export const talentLevels: readonly TalentLevel[] = ['laureate', 'academician', 'national', 'provincial', 'municipal', 'district', 'other'];
