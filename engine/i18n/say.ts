import { messageLimits, type Message, type MessageCode, type MessageParam, type MessageParams, type WordParam } from '../contracts/messages/message.ts';
import { joinRendered, renderMessage, type WordOf } from '../contracts/messages/renderMessages.ts';
import { enWords } from '../contracts/messages/enWords.ts';
import { enterpriseSizeLabels, enterpriseTagLabels } from '../model/enterprise.ts';
import { constraintLabels, resourceKindLabels } from '../contracts/resourceWords.ts';

/** Talent levels in Chinese words (engine/model/nodes.ts talentLevelSchema). */
export const levelLabels: Record<string, string> = {
  laureate: '诺贝尔奖/图灵奖获得者',
  academician: '两院院士',
  national: '国家级人才',
  provincial: '省级人才',
  municipal: '市级人才',
  district: '区级人才',
  other: '研究人员',
};

/** The Chinese words of the parameters that are codes (message.ts wordParams). */
export const zhWords: Record<WordParam, Record<string, string>> = {
  tags: enterpriseTagLabels,
  size: enterpriseSizeLabels,
  level: levelLabels,
  mode: { fill: '补链', strengthen: '强链', extend: '延链' },
  priceUnit: { site: '元/m²/月', land: '万元/亩', other: '万元' },
  resourceKind: resourceKindLabels,
  rules: { ...constraintLabels, declined: '配对均曾被放弃' },
  // a job title is recorded in Chinese: the known ones are words already, any other is shown as it is
  title: Object.fromEntries(Object.keys(enWords.title).map((title) => [title, title])),
};

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const withinBounds = (value: MessageParam) =>
  Array.isArray(value)
    ? value.length <= messageLimits.listItems && value.every((x) => x.length <= messageLimits.listItem)
    : typeof value !== 'string' || value.length <= messageLimits.text;

/** The parameters within the contract's bounds; the same object when they already are (the common case: no copy). */
function bounded(params: MessageParams): MessageParams {
  const names = Object.keys(params);
  if (names.length <= messageLimits.params && names.every((n) => withinBounds(params[n]!))) return params;
  const out: MessageParams = {};
  for (const name of names.slice(0, messageLimits.params)) {
    const value = params[name]!;
    out[name] = Array.isArray(value)
      ? value.slice(0, messageLimits.listItems).map((x) => cut(x, messageLimits.listItem))
      : typeof value === 'string'
        ? cut(value, messageLimits.text)
        : value;
  }
  return out;
}

const zhWordOf: WordOf = (param, code) => zhWords[param][code] ?? code;

/** Fills a Chinese template (the renderer the viewer and the exports use); a parameter left unfilled stays visible, so a test notices it. */
export function fillZh(code: MessageCode, params: MessageParams): string {
  return renderMessage({ code, params }, 'zh', zhWordOf)!;
}

/** A message of the catalogue with its Chinese text. */
export function say(code: MessageCode, params: MessageParams = {}): Message {
  const p = bounded(params);
  const text = fillZh(code, p);
  return { code, params: p, text: text.length > messageLimits.messageText ? cut(text, messageLimits.messageText) : text };
}

/** How parts join into one line in Chinese (renderMessages.ts joinRendered): clauses with '；', a `…Note` appended, after a head nothing. */
export function joinMessages(parts: readonly Message[]): string {
  return joinRendered(
    parts,
    parts.map((m) => m.text),
    'zh',
  );
}
