import { messageLimits, wordParams, type Message, type MessageCode, type MessageParam, type MessageParams, type WordParam } from '../contracts/messages/message.ts';
import { zhMessages } from '../contracts/messages/zhMessages.ts';
import { enterpriseSizeLabels, enterpriseTagLabels } from '../model/enterprise.ts';
import { constraintLabels } from '../match/resources/constraintList.ts';
import { resourceKindLabels } from '../match/resources/resourceTypes.ts';

/** Talent levels in Chinese words (engine/model/nodes.ts talentLevelSchema). */
export const levelLabels: Record<string, string> = {
  laureate: '诺贝尔奖/图灵奖获得者', academician: '两院院士', national: '国家级人才', provincial: '省级人才', municipal: '市级人才', district: '区级人才', other: '研究人员',
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
};

const isWordParam = (name: string): name is WordParam => (wordParams as readonly string[]).includes(name);
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function bounded(params: MessageParams): MessageParams {
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params).slice(0, messageLimits.params)) {
    out[name] = Array.isArray(value)
      ? value.slice(0, messageLimits.listItems).map((x) => cut(x, messageLimits.listItem))
      : typeof value === 'string' ? cut(value, messageLimits.text) : value;
  }
  return out;
}

function zhParam(name: string, value: MessageParam): string {
  const words = isWordParam(name) ? zhWords[name] : undefined;
  const show = (x: string | number) => (words ? words[String(x)] ?? String(x) : String(x));
  return Array.isArray(value) ? value.map(show).join('、') : show(value);
}

/** Fills a Chinese template; a parameter left unfilled stays visible, so a test notices it. */
export function fillZh(code: MessageCode, params: MessageParams): string {
  return zhMessages[code].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? zhParam(name, params[name]!) : whole));
}

/** A message of the catalogue with its Chinese text. */
export function say(code: MessageCode, params: MessageParams = {}): Message {
  const p = bounded(params);
  return { code, params: p, text: cut(fillZh(code, p), messageLimits.messageText) };
}

/** How parts join into one line: clauses with '；', a `…Note` appended, after a `…Head` nothing. */
export function joinMessages(parts: readonly Message[]): string {
  let line = '';
  parts.forEach((m, i) => {
    const glued = i === 0 || m.code.endsWith('Note') || parts[i - 1]!.code.endsWith('Head');
    line += (glued ? '' : '；') + m.text;
  });
  return line;
}
