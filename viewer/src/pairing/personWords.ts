import { lang, tData } from '../i18n/i18n.ts';
import { dataText } from '../ui/el.ts';

/**
 * A person or unit with what qualifies them, in the language's brackets: the name is data (marked
 * translate="no"), a job title has English words for the common ones (title.*, else as recorded),
 * the rest are words already ("李明宁（研究员 · 国家级人才）", "李明宁 (Research fellow · National talent)").
 */
export function named(name: string, qualifiers: (string | Node)[]): (string | Node)[] {
  const parts = qualifiers.filter((q) => q !== '');
  if (parts.length === 0) return [dataText(name)];
  const joined = parts.flatMap((q, i) => (i === 0 ? [q] : [' · ', q]));
  return lang() === 'en' ? [dataText(name), ' (', ...joined, ')'] : [dataText(name), '（', ...joined, '）'];
}

/** A researcher's job title in the user's language where the dictionary has it, else as recorded (then marked as data). */
export function jobTitle(title: string): string | Node {
  const word = tData('title', title);
  return word === title && lang() === 'en' ? dataText(title) : word;
}
