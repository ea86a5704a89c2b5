import { lang } from '../i18n/i18n.ts';

/** A chain's or segment's name in the user's language: the English name where the data has one, else the recorded name. */
export function segmentName(s: { name: string; nameEn?: string }): string {
  return lang() === 'en' && s.nameEn ? s.nameEn : s.name;
}
