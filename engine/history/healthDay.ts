import { districtTime } from '../config/districtTime.ts';

// en-CA formats a date as YYYY-MM-DD, which sorts as text and reads the same in both languages.
const format = new Intl.DateTimeFormat('en-CA', { timeZone: districtTime.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The district's calendar day of an instant, `YYYY-MM-DD` (the key of a health snapshot). */
export function healthDay(at: Date): string {
  return format.format(at);
}

/** The day `days` calendar days before `day` (both `YYYY-MM-DD`). */
export function daysBefore(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The first instant of a district day, as an ISO string in UTC (how Match.updatedAt is stored). */
export function dayStartIso(day: string): string {
  return new Date(`${day}T00:00:00${districtTime.utcOffset}`).toISOString();
}
