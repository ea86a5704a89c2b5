/**
 * Aligned plain-text tables for the terminal. Chinese characters take two columns (East Asian
 * Wide / Fullwidth), so widths are measured in display columns, not string length.
 */
export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
  /** Longer cells are cut with "…" at this many display columns. */
  max?: number;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp < 0x20) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The table as lines: header, a rule, then one line per row; cells on one line each. */
export function formatTable(columns: TextColumn[], rows: (string | number | boolean | null | undefined)[][]): string {
  const cells = rows.map((row) =>
    columns.map((c, i) => {
      const raw = row[i];
      const text = (raw === null || raw === undefined ? '—' : String(raw)).replace(/\s*[\r\n]+\s*/g, ' ');
      return c.max ? truncate(text, c.max) : text;
    }),
  );
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i]))));
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(v, widths[i], columns[i].align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
