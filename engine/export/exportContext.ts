import { districtTime } from '../config/districtTime.ts';
import { inLang, type ExportLang } from './exportText.ts';

/** One line of the block above an export's headers: what the list is, for whom, from what, when. */
export interface ContextLine {
  label: string;
  value: string;
}

const stampFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: districtTime.timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-12-06 10:15` in the district's time zone: what a person writes, never an ISO string in UTC. */
export function localTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const part = Object.fromEntries(stampFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The district's time zone in words: the zone label of config/districtTime.ts, or its English. */
export const zoneWord = (lang: ExportLang) => inLang(lang)(districtTime.zoneLabel, 'Beijing time');

export function exportedAt(now: Date = new Date(), lang: ExportLang = 'zh'): ContextLine {
  const w = inLang(lang);
  return { label: w('导出时间', 'Exported'), value: `${localTime(now)}${w(`（${zoneWord(lang)}）`, ` (${zoneWord(lang)})`)}` };
}

/** Where the rows come from, with the demo-data count said in words (the 演示数据 column marks which). */
export function dataSource(demoRows: number, lang: ExportLang = 'zh'): ContextLine {
  const w = inLang(lang);
  return {
    label: w('数据来源', 'Data source'),
    value:
      demoRows > 0
        ? w(
            `ChainMatch 产业链知识图谱；其中 ${demoRows} 行涉及演示数据（种子生成器虚构，非真实企业或机构）`,
            `ChainMatch industrial-chain knowledge graph; ${demoRows} rows involve demo data (invented by the seed generator, not real firms or institutions)`,
          )
        : w('ChainMatch 产业链知识图谱（导入或登记的数据）', 'ChainMatch industrial-chain knowledge graph (imported or registered data)'),
  };
}

/** A context line as the block above the headers writes it: `label：value`, or `label: value` in English. */
export const contextLineText = (line: ContextLine, lang: ExportLang = 'zh') => `${line.label}${lang === 'en' ? ': ' : '：'}${line.value}`;
