import type { Message, MessageLang, MessageParam } from './message.ts';
import { enMessages } from './enMessages.ts';
import { zhMessages } from './zhMessages.ts';
import { wordParams, type WordParam } from './wordParams.ts';

/**
 * Messages ({ code, params }) rendered in Chinese or English: the one renderer behind the viewer's screens
 * (viewer/src/i18n/messages/renderMessage.ts) and the engine's exports (engine/export/exportText.ts), so a
 * reason reads the same on the screen and in the file handed on. It imports no zod and no engine code:
 * the viewer bundles it.
 */
/** How a code parameter (tags, size, …) is shown: its word in the language, or the code itself when unknown. */
export type WordOf = (param: WordParam, code: string) => string;

const templates: Record<MessageLang, Readonly<Record<string, string>>> = { zh: zhMessages, en: enMessages };
const listSeparator: Record<MessageLang, string> = { zh: '、', en: ', ' };
const isWordParam = (name: string): name is WordParam => (wordParams as readonly string[]).includes(name);

function paramText(name: string, value: MessageParam, lang: MessageLang, wordOf: WordOf): string {
  const show = (x: string | number) => (isWordParam(name) ? wordOf(name, String(x)) : String(x));
  return Array.isArray(value) ? value.map(show).join(listSeparator[lang]) : show(value);
}

type Piece = string | { name: string };
/** Each template split once into text and parameter names: filling it is then a walk, not a regular expression (the engine fills thousands a request). */
const compiled: Record<MessageLang, Map<string, Piece[]>> = { zh: new Map(), en: new Map() };
function pieces(code: string, lang: MessageLang): Piece[] | undefined {
  let found = compiled[lang].get(code);
  if (!found) {
    const template = templates[lang][code];
    if (template === undefined) return undefined;
    found = template
      .split(/(\{\w+\})/)
      .filter(Boolean)
      .map((x) => (/^\{\w+\}$/.test(x) ? { name: x.slice(1, -1) } : x));
    compiled[lang].set(code, found);
  }
  return found;
}

/** One message in a language, or null when the code is unknown (a client older than the engine). An unfilled `{name}` stays visible. */
export function renderMessage(m: Pick<Message, 'code' | 'params'>, lang: MessageLang, wordOf: WordOf): string | null {
  const found = pieces(m.code, lang);
  if (!found) return null;
  let text = '';
  for (const piece of found) {
    if (typeof piece === 'string') text += piece;
    else text += piece.name in m.params ? paramText(piece.name, m.params[piece.name]!, lang, wordOf) : `{${piece.name}}`;
  }
  return text;
}

/**
 * A part the next one follows directly: codes ending in `Head`, and the talent heads (`talent.head`,
 * `talent.headNoAffiliation`), which are heads too — before this, '：；' was printed after them.
 */
export const isHead = (code: string): boolean => code.endsWith('Head') || code.startsWith('talent.head');

/**
 * Parts joined into one line as the catalogue says (zhMessages.ts): a `…Note` is appended to the part
 * before it, a head (isHead) runs straight into the next part; other clauses are separated by '；' in Chinese,
 * '; ' in English (where a Note or the part after a Head is set off by a space).
 */
export function joinRendered(parts: readonly Pick<Message, 'code'>[], words: readonly string[], lang: MessageLang): string {
  return words.reduce((line, w, i) => {
    if (i === 0) return w;
    const glued = parts[i]!.code.endsWith('Note') || isHead(parts[i - 1]!.code);
    return line + (glued ? (lang === 'en' ? ' ' : '') : lang === 'en' ? '; ' : '；') + w;
  }, '');
}

/** A reason or detail from its parts in a language; null when there are none or one is unknown (show the engine's `text` then). */
export function renderMessages(parts: readonly Pick<Message, 'code' | 'params'>[] | undefined, lang: MessageLang, wordOf: WordOf): string | null {
  if (!parts || parts.length === 0) return null;
  const words = parts.map((m) => renderMessage(m, lang, wordOf));
  return words.every((w): w is string => w !== null) ? joinRendered(parts, words, lang) : null;
}
