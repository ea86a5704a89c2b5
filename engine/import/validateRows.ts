import { problemLimits } from '../config/limits.ts';
import type { FieldIssue } from '../core/errors.ts';
import { coerceCell, columnIndex } from './columns.ts';
import type { SourceTable } from './readTable.ts';
import type { Numbered, TableSpec } from './tableSpec.ts';

const echo = (text: string) => (text.length > problemLimits.maxEchoChars ? `${text.slice(0, problemLimits.maxEchoChars)}…` : text);

/** A cell as echoed in a message: control characters escaped, at most 40 characters. */
function shown(raw: unknown): string {
  const text = (raw instanceof Date ? raw.toISOString() : typeof raw === 'object' ? JSON.stringify(raw) : String(raw)).slice(0, 41);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
  const escaped = text.replace(/[\u0000-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 40 ? `${escaped.slice(0, 40)}…` : escaped;
}

/**
 * Checks the headers, reads every cell as its column's type and validates every row against the
 * entity's schema. Collects an issue for every bad row and field (never stops at the first), so
 * one report lists everything to fix.
 */
export function validateRows<R>(spec: TableSpec<R>, table: SourceTable, file: string): { rows: Numbered<R>[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [...table.issues];
  const columnOf = columnIndex(spec.columns);
  const expected = spec.columns.map((c) => `${c.zh} (${c.field})`).join(', ');

  // Header problems are reported once, not on every row.
  const absentRequired = new Set<string>();
  if (table.headers) {
    const seen = new Map<string, string>();
    // The list of known columns is given once, on the first unknown header; each header is echoed
    // only as a short prefix (issue 15 F3: every unknown header echoed twice, with the list, made 578 MB).
    let listed = false;
    for (const header of table.headers) {
      const column = columnOf(header);
      if (!column) {
        issues.push({
          file,
          path: echo(header),
          message: `unknown column "${echo(header)}"` + (listed ? '' : `; the columns of ${spec.entity} are: ${expected}`),
        });
        listed = true;
      } else if (seen.has(column.field))
        issues.push({ file, path: column.field, message: `columns "${echo(seen.get(column.field)!)}" and "${echo(header)}" are the same field` });
      else seen.set(column.field, header);
    }
    for (const c of spec.columns) {
      if (seen.has(c.field) || !c.required) continue;
      absentRequired.add(c.field);
      issues.push({ file, path: c.field, message: `required column ${c.zh} (${c.field}) is missing` });
    }
  }

  const rows: Numbered<R>[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of table.records) {
    const data: Record<string, unknown> = {};
    const reported = new Set<string>();
    const report = (path: string, message: string) => {
      reported.add(path);
      issues.push({ file, row: record.row, path, message });
    };
    for (const [key, raw] of record.values) {
      const column = columnOf(key);
      if (!column) {
        if (!table.headers) report(echo(key), `unknown field "${echo(key)}"; the fields of ${spec.entity} are: ${expected}`);
        continue;
      }
      const cell = coerceCell(column, raw);
      if (!cell.ok) report(column.field, `${column.zh}: expected ${cell.message}, got "${shown(raw)}"`);
      else if (cell.value !== undefined) data[column.field] = cell.value;
    }
    for (const c of spec.columns) {
      if (c.required && data[c.field] === undefined && !reported.has(c.field) && !absentRequired.has(c.field)) report(c.field, `${c.zh} is required`);
    }
    const parsed = spec.schema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.') || '(row)';
        const field = String(issue.path[0] ?? '');
        // A field already reported (unreadable, required, or a required column that is missing) is not reported twice.
        if (reported.has(field) || absentRequired.has(field)) continue;
        report(path, issue.message);
      }
    }
    if (!parsed.success || reported.size > 0) continue;
    const key = spec.key.of(parsed.data);
    const first = firstRowOf.get(key);
    if (first !== undefined) report(spec.key.path, `"${key}" is also on row ${first}; each record may appear once`);
    else {
      firstRowOf.set(key, record.row);
      rows.push({ row: record.row, data: parsed.data });
    }
  }
  return { rows, issues };
}
