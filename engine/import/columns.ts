import { z } from 'zod';
import { looksLikeUscc, usccProblem } from '../model/uscc.ts';
import { calendarDate, calendarParts } from '../core/calendarDate.ts';

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
  /** Long text (a description) that may hold tabs and line breaks; every other text is one line. */
  multiline?: boolean;
}

/** Ids of imported organisations, units, talent, offers and demands (USCCs for enterprises). */
export const importId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$/, 'letters, digits and . _ : - (at most 120), starting with a letter or digit');
/**
 * An enterprise id as a list gives it: a 统一社会信用代码 (upper-cased, structure and check character
 * verified — the message names the expected character, to catch typos) when it looks like one, i.e.
 * 18 characters of the USCC alphabet; otherwise any id in the form of `importId` (listed, foreign and
 * Hong Kong/Macao/Taiwan firms often have no USCC in the lists officers hold).
 */
export const enterpriseIdField = z
  .string()
  .trim()
  .transform((raw, ctx) => {
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
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
  y: true,
  n: false,
  是: true,
  否: false,
};

type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

/** Blank: nothing, or only spaces (ideographic ones too) and invisible marks — a required field so filled is missing. */
function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && /^[\s\u200B-\u200D\u2060\uFEFF]*$/.test(raw));
}

/**
 * Control characters are never data (issue 15 F5: NUL and friends were stored); tab and line breaks
 * only in multi-line columns. Returns the problem, naming the character and its position, or null.
 */
function controlProblem(column: Column, text: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
  const found = (column.multiline ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/ : /[\u0000-\u001F\u007F]/).exec(text);
  if (!found) return null;
  const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `text without control characters${column.multiline ? ' (tab and line breaks are allowed)' : ' or line breaks'}; found ${code} at character ${found.index + 1}`;
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
    case 'text': {
      if (typeof raw === 'object' && !(raw instanceof Date)) return { ok: false, message: 'text, not a list or object' };
      const text = toText(raw);
      const problem = controlProblem(column, text);
      return problem ? { ok: false, message: problem } : { ok: true, value: word(column, text) };
    }
    case 'date': {
      const date = calendarDate(toText(raw));
      return date ? { ok: true, value: date } : { ok: false, message: 'a real calendar date (2026-03-01, 2026/3/1 or 2026年3月1日)' };
    }
    case 'number':
    case 'integer': {
      const value =
        typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
      if (!Number.isFinite(value)) return { ok: false, message: column.type === 'integer' ? 'a whole number' : 'a number' };
      if (column.type === 'integer' && !Number.isInteger(value)) return { ok: false, message: 'a whole number' };
      return { ok: true, value };
    }
    case 'year': {
      if (raw instanceof Date) return { ok: true, value: raw.getUTCFullYear() };
      if (typeof raw === 'number')
        return Number.isInteger(raw) && raw >= 1000 && raw <= 9999
          ? { ok: true, value: raw }
          : { ok: false, message: 'a year (2015) or a real date (2015-06-18)' };
      const parts = calendarParts(toText(raw));
      return parts ? { ok: true, value: parts.year } : { ok: false, message: 'a year (2015), a month (2015年6月) or a real date (2015-06-18)' };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const text = toText(raw).toLowerCase();
      const value = Object.hasOwn(column.values ?? {}, text) ? column.values![text] : booleanWords[text];
      const accepted = ['是', '否', 'true', 'false', ...Object.keys(column.values ?? {})].join('/');
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, message: `one of ${accepted}` };
    }
    case 'list': {
      const items = Array.isArray(raw)
        ? raw.map((x) => toText(x))
        : toText(raw)
            .split(/[;；]/)
            .map((x) => x.trim());
      const problem = items.map((x) => controlProblem(column, x)).find((p) => p !== null);
      if (problem) return { ok: false, message: problem };
      return { ok: true, value: items.filter((x) => !isBlank(x)).map((x) => word(column, x)) };
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
