import { stringify } from 'csv-stringify/sync';
import { enterpriseSizeLabels, enterpriseTagLabels, type EnterpriseSize, type EnterpriseTag } from '../model/enterprise.ts';
import type { PartnerRequest, PartnerResult } from '../match/partners/rankPartners.ts';
import type { ContextLine } from './exportContext.ts';

/** A list ready for export: Chinese column headers over plain rows. */
export interface Table {
  title: string;
  columns: { key: string; header: string; width?: number }[];
  rows: Record<string, string | number | boolean | null>[];
  /** A context line written above the headers (the demo-data warning, demoNote). */
  note?: string;
  /** What the list is about (chain, segment, mode, filters): the XLSX context block, above the headers. */
  context?: ContextLine[];
}

/**
 * The 演示数据 column: 是 on a row that shows a record the seed generator invented (`demo: true`),
 * 否 otherwise. Every export carries it, so a row copied out of its file still says what it is.
 */
export const demoColumn = { key: 'demo', header: '演示数据', width: 8 } as const;
export const demoCell = (demo: boolean) => (demo ? '是' : '否');

/** The first line of a file whose rows include demo data; undefined when none does. */
export function demoNote(demoRows: number): string | undefined {
  if (demoRows === 0) return undefined;
  return `注意：本表含 ${demoRows} 条演示数据（“演示数据”列为“是”），由种子生成器虚构，不是真实企业或机构，不可作为真实线索上报。`;
}

/** A table with its note set from its own 演示数据 column (counting the rows marked 是). */
export function withDemoNote(table: Table): Table {
  const note = demoNote(table.rows.filter((r) => r[demoColumn.key] === demoCell(true)).length);
  return note ? { ...table, note } : table;
}

/** CSV with a UTF-8 byte-order mark, so Excel opens the Chinese text correctly; the note, if any, is the first line. */
/**
 * A text cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or a leading tab or
 * carriage return) gets a leading apostrophe, as OWASP advises for CSV injection: the text stays
 * readable and is never executed. Numbers (−3 included) are left as numbers.
 */
export function neutraliseFormula(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function tableToCsv(table: Table): string {
  const header = table.columns.map((c) => c.header);
  const rows = table.rows.map((r) => table.columns.map((c) => neutraliseFormula(r[c.key] ?? '')));
  return '\uFEFF' + stringify([...(table.note ? [[table.note]] : []), header, ...rows]);
}

const modeLabels = { fill: '补链', strengthen: '强链', extend: '延链' } as const;
const confidenceLabels = { strong: '强', medium: '中', weak: '弱' } as const;

/** The products a candidate's evidence paths pass through (MAKES → Product), in path order. */
function evidenceProducts(c: PartnerResult['candidates'][number]): string {
  const names = c.explanation.paths.flatMap((p) => p.nodes.filter((n) => n.label === 'Product').map((n) => n.name));
  return [...new Set(names)].join('、');
}

/**
 * A partner list as rows. The signal columns hold 0–1 scores and say so; size, tags and products are
 * words (大型, 专精特新小巨人), as on the screen. `context` (partnerContext) states the chain, mode and
 * filters the list answers, for the XLSX block above the headers.
 */
export function partnerTable(result: PartnerResult, context?: ContextLine[]): Table {
  const signal = (c: PartnerResult['candidates'][number], name: string) => c.explanation.signals.find((s) => s.signal === name)?.value ?? 0;
  return withDemoNote({
    title: `${modeLabels[result.mode]}候选企业`,
    context,
    columns: [
      { key: 'rank', header: '排名', width: 6 },
      { key: 'name', header: '企业名称', width: 32 },
      demoColumn,
      { key: 'id', header: '企业编号（统一社会信用代码）', width: 22 },
      { key: 'province', header: '省份', width: 10 },
      { key: 'city', header: '城市', width: 10 },
      { key: 'size', header: '企业规模', width: 8 },
      { key: 'tags', header: '企业标签', width: 24 },
      { key: 'segment', header: '对应环节', width: 18 },
      { key: 'products', header: '相关产品', width: 32 },
      { key: 'score', header: '综合得分（0–1）', width: 10 },
      { key: 'confidence', header: '证据强度', width: 8 },
      { key: 'fit', header: '环节匹配（0–1）', width: 10 },
      { key: 'connectivity', header: '链上配套（0–1）', width: 10 },
      { key: 'ties', header: '既有供货（0–1）', width: 10 },
      { key: 'tier', header: '梯度（0–1）', width: 8 },
      { key: 'scale', header: '规模匹配（0–1）', width: 8 },
      { key: 'channel', header: '引荐渠道（0–1）', width: 10 },
      { key: 'reason', header: '推荐理由', width: 80 },
    ],
    rows: result.candidates.map((c, i) => ({
      rank: i + 1, name: c.name, demo: demoCell(c.demo), id: c.id, province: c.province, city: c.city,
      size: c.size ? (enterpriseSizeLabels[c.size as EnterpriseSize] ?? c.size) : '未知',
      tags: c.tags.map((t) => enterpriseTagLabels[t as EnterpriseTag] ?? t).join('、'),
      segment: c.segmentName, products: evidenceProducts(c), score: c.score,
      confidence: confidenceLabels[c.explanation.confidence],
      fit: signal(c, 'fit'), connectivity: signal(c, 'connectivity'), ties: signal(c, 'ties'), tier: signal(c, 'tier'), scale: signal(c, 'scale'), channel: signal(c, 'channel'),
      reason: c.explanation.reason,
    })),
  });
}

/** The context block of a partner list: chain, mode, target segments and the filters, in words. */
export function partnerContext(request: PartnerRequest, result: PartnerResult, chainName: string): ContextLine[] {
  const f = request.filters ?? {};
  const filters = [
    f.provinces?.length ? `省份：${f.provinces.join('、')}` : null,
    f.tags?.length ? `标签：${f.tags.map((t) => enterpriseTagLabels[t as EnterpriseTag] ?? t).join('、')}` : null,
    f.minSize ? `规模不小于${enterpriseSizeLabels[f.minSize]}` : null,
    f.excludeKeywords?.length ? `排除关键词：${f.excludeKeywords.join('、')}` : null,
    f.excludeIds?.length ? `排除 ${f.excludeIds.length} 家指定企业` : null,
    f.includeIntermediaries ? '含贸易、咨询等中介企业' : null,
  ].filter((x): x is string => x !== null);
  return [
    { label: '产业链', value: chainName },
    { label: '链策', value: modeLabels[result.mode] },
    { label: '目标环节', value: result.targets.map((t) => t.name).join('、') || '无' },
    { label: '筛选条件', value: filters.join('；') || '无' },
  ];
}
