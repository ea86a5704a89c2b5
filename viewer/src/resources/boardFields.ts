import type { ResourceKind } from '../api/types.ts';
import type { Side } from './resourcesState.ts';

/**
 * The fields the board's form offers for each side and kind: the same attributes, per kind, that the
 * API's contract takes (engine/contracts/resources.ts, offerKindSchemas / demandKindSchemas). Limits
 * are not repeated here: the API checks them and the form shows its message beside the field it names.
 */
export type FieldType = 'text' | 'textarea' | 'number' | 'integer' | 'date' | 'list';
export interface FieldSpec {
  name: string;
  type: FieldType;
  /** Marked as required in the form; the API decides. */
  required?: boolean;
  /** Only when creating: id, kind and owner cannot change (delete and create instead). */
  createOnly?: boolean;
}

const f = (name: string, type: FieldType, required = false): FieldSpec => ({ name, type, required });
const dates = (side: Side) =>
  side === 'offers' ? [f('availableFrom', 'date'), f('availableUntil', 'date')] : [f('neededFrom', 'date'), f('neededUntil', 'date')];

const offerKind: Record<ResourceKind, FieldSpec[]> = {
  site: [f('areaM2', 'number', true), f('floorLoadKnM2', 'number'), f('price', 'number'), f('certifications', 'list'), f('parkId', 'text', true)],
  land: [f('areaM2', 'number', true), f('price', 'number'), f('parkId', 'text', true)],
  loan: [f('amountWan', 'number', true), f('ratePct', 'number', true), f('termMonths', 'integer', true)],
  equipment: [f('price', 'number'), f('certifications', 'list'), f('parkId', 'text')],
  talent: [],
  service: [f('price', 'number'), f('certifications', 'list')],
  policy: [f('amountWan', 'number'), f('parkId', 'text')],
};
const demandKind: Record<ResourceKind, FieldSpec[]> = {
  site: [
    f('minAreaM2', 'number', true),
    f('idealAreaM2', 'number'),
    f('minFloorLoadKnM2', 'number'),
    f('maxPrice', 'number'),
    f('requiredCertifications', 'list'),
    f('parkAllowList', 'list'),
  ],
  land: [f('minAreaM2', 'number', true), f('idealAreaM2', 'number'), f('maxPrice', 'number'), f('parkAllowList', 'list')],
  loan: [f('amountWan', 'number', true), f('maxRatePct', 'number'), f('minTermMonths', 'integer')],
  equipment: [f('maxPrice', 'number'), f('requiredCertifications', 'list'), f('quantity', 'integer'), f('parkAllowList', 'list')],
  talent: [f('quantity', 'integer')],
  service: [f('maxPrice', 'number'), f('requiredCertifications', 'list')],
  policy: [f('amountWan', 'number'), f('parkAllowList', 'list')],
};

/** Every field of the form for a side and kind, in the order shown. */
export function fieldsFor(side: Side, kind: ResourceKind): FieldSpec[] {
  const head = [{ ...f('ownerId', 'text', true), createOnly: true }, f('title', 'text', true), f('description', 'textarea')];
  const capacity = side === 'offers' ? [f('capacity', 'integer')] : [];
  return [...head, ...(side === 'offers' ? offerKind : demandKind)[kind], ...capacity, ...dates(side)];
}

/** What an input holds, as the API wants it: numbers as numbers, lists split on commas (both widths), blanks as absent. */
export function fieldValue(spec: FieldSpec, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  if (spec.type === 'list')
    return text
      .split(/[,，、\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (spec.type === 'number' || spec.type === 'integer') {
    const n = Number(text.replace(/[,，\s]/g, ''));
    // not a number: sent as typed, so the API's message ("expected number") names the field
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** A stored value as the input shows it. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The request body from the form's inputs. Creating: the kind and every filled field. Editing: only
 * what changed from the record as read (a PATCH merges field by field), a cleared field as null.
 */
export function formBody(fields: FieldSpec[], inputs: Record<string, string>, kind: ResourceKind, original?: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = original ? {} : { kind };
  for (const spec of fields) {
    if (original && spec.createOnly) continue;
    const value = fieldValue(spec, inputs[spec.name] ?? '');
    if (!original) {
      if (value !== undefined) body[spec.name] = value;
      continue;
    }
    const before = original[spec.name];
    const next = value === undefined ? (spec.type === 'list' ? [] : spec.name === 'description' ? '' : null) : value;
    if (!same(before, next)) body[spec.name] = next;
  }
  return body;
}

/** The form field an API problem names (`body.areaM2` → `areaM2`; `body.certifications.0` → `certifications`). */
export function fieldOfPath(path: string): string {
  const parts = path.split('.');
  return (parts[0] === 'body' ? parts[1] : parts[0]) ?? '';
}
