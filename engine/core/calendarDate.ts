/**
 * Dates and years as people write them in lists — 2016-05-12, 2016/5/12, 2016.5.12, 2016年5月12日,
 * 2016-05, 2016年5月, 2016年, 2016 — read only when they name a real day or month (issue 15 F5:
 * `2016-02-30` and `2016年13月` were once accepted as 2016).
 */
const pattern = /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?)?年?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

interface CalendarParts {
  year: number;
  month?: number;
  day?: number;
}

/** The parts of a written date or year, or null when it is not one or names no real month or day. */
export function calendarParts(text: string): CalendarParts | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > daysIn(year, month!))) return null;
  return { year, month, day };
}

/** A full real date as YYYY-MM-DD, or null. */
export function calendarDate(text: string): string | null {
  const parts = calendarParts(text);
  if (!parts || parts.day === undefined) return null;
  return `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}
