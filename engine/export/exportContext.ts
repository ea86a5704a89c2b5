import { districtTime } from '../config/districtTime.ts';

/** One line of the block above an export's headers: what the list is, for whom, from what, when. */
export interface ContextLine {
  label: string;
  value: string;
}

const stampFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: districtTime.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** `2026-12-06 10:15` in the district's time zone: what a person writes, never an ISO string in UTC. */
export function localTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const part = Object.fromEntries(stampFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

export function exportedAt(now: Date = new Date()): ContextLine {
  return { label: '导出时间', value: `${localTime(now)}（${districtTime.zoneLabel}）` };
}

/** Where the rows come from, with the demo-data count said in words (the 演示数据 column marks which). */
export function dataSource(demoRows: number): ContextLine {
  return {
    label: '数据来源',
    value: demoRows > 0
      ? `ChainMatch 产业链知识图谱；其中 ${demoRows} 行涉及演示数据（种子生成器虚构，非真实企业或机构）`
      : 'ChainMatch 产业链知识图谱（导入或登记的数据）',
  };
}
