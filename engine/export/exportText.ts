import type { Message, MessageLang } from '../contracts/messages/message.ts';
import { enWords } from '../contracts/messages/enWords.ts';
import { renderMessages, type WordOf } from '../contracts/messages/renderMessages.ts';
import { zhWords } from '../i18n/say.ts';

/** The language an export is written in (`?lang=`): Chinese by default, or English. */
export type ExportLang = MessageLang;

/** A word in the export's language: `inLang('en')('大型', 'Large')` is 'Large'. Both sit side by side where the table is built. */
export const inLang = (lang: ExportLang) => (zh: string, en: string) => (lang === 'en' ? en : zh);

/** A code parameter (tags, size, …) as a word of the language, the code itself when unknown. */
const exportWord =
  (lang: ExportLang): WordOf =>
  (param, code) =>
    (lang === 'en' ? enWords : zhWords)[param][code] ?? code;

/** An enterprise size or tag code as the export's word (the same tables as the reasons). */
export const sizeWord = (lang: ExportLang, size: string) => exportWord(lang)('size', size);
export const tagWords = (lang: ExportLang, tags: readonly string[]) => tags.map((t) => exportWord(lang)('tags', t)).join(lang === 'en' ? ', ' : '、');

/**
 * A reason or detail in the export's language: the engine's Chinese `text` in Chinese; in English its
 * messages rendered by the renderer the viewer uses, or `text` when it has none (a snapshot recorded
 * before messages existed) or a code is unknown.
 */
export function messagesText(parts: readonly Message[] | undefined, text: string, lang: ExportLang): string {
  return lang === 'zh' ? text : (renderMessages(parts, lang, exportWord(lang)) ?? text);
}

/** Names listed in a cell: 、 in Chinese, a comma in English. */
export const listOf = (lang: ExportLang, items: readonly string[]) => items.join(lang === 'en' ? ', ' : '、');
