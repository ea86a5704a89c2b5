import type { Message } from '../../api/types.ts';
import { renderMessages as renderIn, renderMessage, type WordOf } from '../../../../engine/contracts/messages/renderMessages.ts';
import { lang, tData } from '../i18n.ts';

/**
 * Reasons and signal details in the user's language (issue 16 item 5). The engine sends each as
 * `text` (Chinese, from its catalogue) and as messages — code + params; in English the viewer fills the
 * catalogue's English templates with the renderer the engine's exports use too
 * (engine/contracts/messages/renderMessages.ts). Chinese shows the engine's text: it is that catalogue's
 * Chinese rendering.
 */

/** Parameters that are codes, and the dictionary prefix of their words (engine/contracts/messages/wordParams.ts). */
export const wordPrefixes = {
  tags: 'tag',
  size: 'size',
  level: 'level',
  mode: 'action',
  priceUnit: 'priceUnit',
  resourceKind: 'rkind',
  rules: 'constraint',
  title: 'title',
} as const;

/** A code parameter as the screen's own word for it (the dictionaries under i18n/), the code itself when unknown. */
const viewerWord: WordOf = (param, code) => tData((wordPrefixes as Record<string, string>)[param]!, code);

/** One message in English, or null when the code is unknown to this viewer (a newer engine). */
export function englishMessage(m: Message): string | null {
  return renderMessage(m, 'en', viewerWord);
}

/**
 * A reason or detail in the current language: Chinese → `text`; English → the messages rendered,
 * or `text` when there are none (an older snapshot, a matcher that sends text only) or one is unknown.
 */
export function renderMessages(parts: readonly Message[] | undefined, text: string): string {
  if (lang() !== 'en') return text;
  return renderIn(parts, 'en', viewerWord) ?? text;
}

/** An explanation's one-line reason in the current language. */
export const reasonText = (e: { reason: string; reasonParts?: Message[] }) => renderMessages(e.reasonParts, e.reason);

/** A signal's detail in the current language. */
export const detailText = (s: { detail: string; detailParts?: Message[] }) => renderMessages(s.detailParts, s.detail);
