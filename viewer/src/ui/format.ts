import { lang, t } from '../i18n/i18n.ts';

/** Figures as the UI shows them; null (not measured) is a dash, never 0. */
export function fmtNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t('metric.none');
  return value.toLocaleString(lang(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function fmtPercent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t('metric.none');
  return `${(value * 100).toLocaleString(lang(), { maximumFractionDigits: digits })}%`;
}

/** Amounts the API gives in 亿元 (10^8 CNY): as 亿元 in Chinese, as CNY M / bn in English. */
export function fmtYi(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t('metric.none');
  if (lang() !== 'en') return t('unit.yi', { value: fmtNumber(value, value < 10 ? 2 : 1) });
  const millions = value * 100;
  return t('unit.yi', { value: millions >= 1000 ? `${fmtNumber(millions / 1000, 2)}bn` : `${fmtNumber(millions, millions < 10 ? 1 : 0)}M` });
}

/** A list of words joined the way the language joins them (、 or a comma). */
export function fmtList(items: string[]): string {
  return items.join(t('list.sep'));
}

export function fmtScore(value: number): string {
  return value.toFixed(2);
}
