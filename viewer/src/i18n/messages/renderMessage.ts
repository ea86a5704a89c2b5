import type { Message } from '../../api/types.ts';
import { interpolate, lang, tData } from '../i18n.ts';
import { enMessages } from './enMessages.ts';

/**
 * Reasons and signal details in the user's language (issue 16 item 5). The engine sends each as
 * `text` (Chinese, from its catalogue) and as messages — code + params; in English the viewer fills
 * its own templates. Chinese shows the engine's text: it is that catalogue's Chinese rendering.
 */

/** Parameters that are codes, and the dictionary prefix of their words (engine/contracts/messages/message.ts wordParams). */
const wordPrefixes: Record<string, string> = { tags: 'tag', size: 'size', level: 'level', mode: 'action', priceUnit: 'priceUnit', resourceKind: 'rkind', rules: 'constraint' };

function enParam(name: string, value: Message['params'][string]): string {
  const prefix = wordPrefixes[name];
  const show = (x: string | number) => (prefix ? tData(prefix, String(x)) : String(x));
  return Array.isArray(value) ? value.map(show).join(', ') : show(value);
}

/** One message in English, or null when the code is unknown to this viewer (a newer engine). */
export function englishMessage(m: Message): string | null {
  const template = (enMessages as Record<string, string>)[m.code];
  if (template === undefined) return null;
  const params = Object.fromEntries(Object.entries(m.params).map(([name, value]) => [name, enParam(name, value)]));
  return interpolate(template, params);
}

/** Parts joined as the engine joins them: clauses by '; ', a `…Note` after a space, nothing extra after a `…Head` but a space. */
function joinEnglish(parts: readonly Message[], words: string[]): string {
  return words.reduce((line, w, i) => (i === 0 ? w : `${line}${parts[i]!.code.endsWith('Note') || parts[i - 1]!.code.endsWith('Head') ? ' ' : '; '}${w}`), '');
}

/**
 * A reason or detail in the current language: Chinese → `text`; English → the messages rendered,
 * or `text` when there are none (an older snapshot, a matcher that sends text only) or one is unknown.
 */
export function renderMessages(parts: readonly Message[] | undefined, text: string): string {
  if (lang() !== 'en' || !parts || parts.length === 0) return text;
  const words = parts.map(englishMessage);
  return words.every((w): w is string => w !== null) ? joinEnglish(parts, words) : text;
}

/** An explanation's one-line reason in the current language. */
export const reasonText = (e: { reason: string; reasonParts?: Message[] }) => renderMessages(e.reasonParts, e.reason);

/** A signal's detail in the current language. */
export const detailText = (s: { detail: string; detailParts?: Message[] }) => renderMessages(s.detailParts, s.detail);
