import { z } from 'zod';
import { looksLikeUscc, usccProblem } from '../model/uscc.ts';

/**
 * A column of an import table: its English field name and Chinese header (either may head the
 * column), how a cell is read, and what docs/import-format.md says about it. Each entity lists its
 * columns once, in its own file under entities/; the reader, the validator and the docs use that list.
 */
export type ColumnType = 'text' | 'number' | 'integer' | 'boolean' | 'list' | 'date' | 'year';

export interface Column {
  field: string;
  zh: string;
  type: ColumnType;
  required: boolean;
  example: string;
  note: string;
  /** Words accepted besides the canonical values (大型 → large, 是 → true); for lists, per item. */
  values?: Record<string, string | boolean>;
}

/** Ids of imported organisations, units, talent, offers and demands (USCCs for enterprises). */
export const importId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/, 'letters, digits and . _ : - (at most 120), starting with a letter or digit');
/**
 * An enterprise id as a list gives it: a 统一社会信用代码 (upper-cased, structure and check character
 * verified — the message names the expected character, to catch typos) when it looks like one, i.e.
 * 18 characters of the USCC alphabet; otherwise any id in the form of `importId` (listed, foreign and
 * Hong Kong/Macao/Taiwan firms often have no USCC in the lists officers hold).
 */
export const enterpriseIdField = z.string().trim().transform((raw, ctx) => {
  const upper = raw.toUpperCase();
  if (looksLikeUscc(upper)) {
    const problem = usccProblem(upper);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return upper;
  }
  const other = importId.safeParse(raw);
  if (!other.success) ctx.addIssue({ code: 'custom', message: `a USCC (统一社会信用代码, 18 characters) or another id: ${other.error.issues[0].message}` });
  return raw;
});
/** A shared technical term (Topic), e.g. 手性合成. */
export const topicName = z.string().min(1).max(40);

const booleanWords: Record<string, boolean> = {
  true: true, false: false, '1': true, '0': false, yes: true, no: false, y: true, n: false, 是: true, 否: false,
};

type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function word(column: Column, text: string): unknown {
  const values = column.values ?? {};
  return Object.hasOwn(values, text) ? values[text] : text;
}

function toText(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw).trim();
}

/** Reads one cell (a string from CSV, a typed value from XLSX or JSON) as the column's type; blank → undefined. */
export function coerceCell(column: Column, raw: unknown): Coerced {
  if (isBlank(raw) || (Array.isArray(raw) && raw.length === 0 && column.type !== 'list')) return { ok: true, value: undefined };
  switch (column.type) {
    case 'text':
      return typeof raw === 'object' && !(raw instanceof Date) ? { ok: false, message: 'text, not a list or object' } : { ok: true, value: word(column, toText(raw)) };
    case 'date':
      return { ok: true, value: toText(raw) };
    case 'number':
    case 'integer': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isFinite(value)) return { ok: false, message: column.type === 'integer' ? 'a whole number' : 'a number' };
      if (column.type === 'integer' && !Number.isInteger(value)) return { ok: false, message: 'a whole number' };
      return { ok: true, value };
    }
    case 'year': {
      if (raw instanceof Date) return { ok: true, value: raw.getUTCFullYear() };
      const match = /^(\d{4})(?:$|[-/.年])/.exec(toText(raw));
      return match ? { ok: true, value: Number(match[1]) } : { ok: false, message: 'a year (2015) or a date (2015-06-18)' };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const text = toText(raw).toLowerCase();
      const value = Object.hasOwn(column.values ?? {}, text) ? column.values![text] : booleanWords[text];
      const accepted = ['是', '否', 'true', 'false', ...Object.keys(column.values ?? {})].join('/');
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: `one of ${accepted}` };
    }
    case 'list': {
      const items = Array.isArray(raw) ? raw.map((x) => toText(x)) : toText(raw).split(/[;；]/).map((x) => x.trim());
      return { ok: true, value: items.filter((x) => x !== '').map((x) => word(column, x)) };
    }
  }
}

/** Header text as compared: trimmed, lower-case, without a trailing "*" or a bracketed unit (（万元）, (%)). */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[*＊\s\u3000]/g, '')
    .toLowerCase();
}

/** The column a header or JSON key names, by English field name or Chinese header. */
export function columnIndex(columns: Column[]): (header: string) => Column | undefined {
  const byName = new Map<string, Column>();
  for (const c of columns) {
    byName.set(normaliseHeader(c.field), c);
    byName.set(normaliseHeader(c.zh), c);
  }
  return (header) => byName.get(normaliseHeader(header));
}
