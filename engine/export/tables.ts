import { stringify } from 'csv-stringify/sync';
import type { PartnerRequest, PartnerResult } from '../match/partners/rankPartners.ts';
import type { ContextLine } from './exportContext.ts';
import { inLang, listOf, messagesText, sizeWord, tagWords, type ExportLang } from './exportText.ts';

/** A list ready for export: column headers over plain rows, all in the table's language. */
export interface Table {
  title: string;
  columns: { key: string; header: string; width?: number }[];
  rows: Record<string, string | number | boolean | null>[];
  /** A context line written above the headers (the demo-data warning, demoNote). */
  note?: string;
  /** What the list is about (chain, segment, mode, filters): the XLSX context block, above the headers. */
  context?: ContextLine[];
  /** The language its words are in (`?lang=`): Chinese when absent. */
  lang?: ExportLang;
}

/**
 * The 演示数据 column: 是 on a row that shows a record the seed generator invented (`demo: true`),
 * 否 otherwise. Every export carries it, so a row copied out of its file still says what it is.
 */
export const demoColumn = { key: 'demo', header: '演示数据', width: 8 } as const;
export const demoCell = (demo: boolean, lang: ExportLang = 'zh') => (demo ? inLang(lang)('是', 'Yes') : inLang(lang)('否', 'No'));
/** The 演示数据 column in the export's language. */
export const demoColumnIn = (lang: ExportLang) => ({ ...demoColumn, header: inLang(lang)(demoColumn.header, 'Demo data') });

/** The first line of a file whose rows include demo data; undefined when none does. */
export function demoNote(demoRows: number, lang: ExportLang = 'zh'): string | undefined {
  if (demoRows === 0) return undefined;
  return inLang(lang)(
    `注意：本表含 ${demoRows} 条演示数据（“演示数据”列为“是”），由种子生成器虚构，不是真实企业或机构，不可作为真实线索上报。`,
    `Note: this list holds ${demoRows} rows of demo data (“Demo data” is “Yes”), invented by the seed generator: not real firms or institutions, never to be reported as real leads.`,
  );
}

/** How many rows of a table its 演示数据 column marks as demo data (in the table's language). */
export const demoRowCount = (table: Table) => table.rows.filter((r) => r[demoColumn.key] === demoCell(true, table.lang)).length;

/** A table with its note set from its own 演示数据 column (counting the rows marked 是). */
export function withDemoNote(table: Table): Table {
  const note = demoNote(demoRowCount(table), table.lang);
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

/** 补链/强链/延链 and evidence strength, as the viewer words them (viewer/src/i18n: action.*, confidence.*). */
export const modeLabels = {
  zh: { fill: '补链', strengthen: '强链', extend: '延链' },
  en: { fill: 'Fill', strengthen: 'Strengthen', extend: 'Extend' },
} as const;
export const confidenceLabels = { zh: { strong: '强', medium: '中', weak: '弱' }, en: { strong: 'Strong', medium: 'Medium', weak: 'Weak' } } as const;

/** The products a candidate's evidence paths pass through (MAKES → Product), in path order. */
function evidenceProducts(c: PartnerResult['candidates'][number], lang: ExportLang): string {
  const names = c.explanation.paths.flatMap((p) => p.nodes.filter((n) => n.label === 'Product').map((n) => n.name));
  return listOf(lang, [...new Set(names)]);
}

/**
 * A partner list as rows. The signal columns hold 0–1 scores and say so; size, tags and products are
 * words (大型, 专精特新小巨人), as on the screen. `context` (partnerContext) states the chain, mode and
 * filters the list answers, for the XLSX block above the headers. `lang`: the words' language; the
 * reason in English is rendered from the candidate's messages.
 */
export function partnerTable(result: PartnerResult, context?: ContextLine[], lang: ExportLang = 'zh'): Table {
  const w = inLang(lang);
  const signal = (c: PartnerResult['candidates'][number], name: string) => c.explanation.signals.find((s) => s.signal === name)?.value ?? 0;
  return withDemoNote({
    title: w(`${modeLabels.zh[result.mode]}候选企业`, `${modeLabels.en[result.mode]} candidates`),
    context,
    lang,
    columns: [
      { key: 'rank', header: w('排名', 'Rank'), width: 6 },
      { key: 'name', header: w('企业名称', 'Firm'), width: 32 },
      demoColumnIn(lang),
      { key: 'id', header: w('企业编号（统一社会信用代码）', 'Firm id (unified social credit code)'), width: 22 },
      { key: 'province', header: w('省份', 'Province'), width: 10 },
      { key: 'city', header: w('城市', 'City'), width: 10 },
      { key: 'size', header: w('企业规模', 'Size'), width: 8 },
      { key: 'tags', header: w('企业标签', 'Tags'), width: 24 },
      { key: 'segment', header: w('对应环节', 'Segment'), width: 18 },
      { key: 'products', header: w('相关产品', 'Products'), width: 32 },
      { key: 'score', header: w('综合得分（0–1）', 'Score (0–1)'), width: 10 },
      { key: 'confidence', header: w('证据强度', 'Evidence'), width: 8 },
      { key: 'fit', header: w('环节匹配（0–1）', 'Segment fit (0–1)'), width: 10 },
      { key: 'connectivity', header: w('链上配套（0–1）', 'Local trade (0–1)'), width: 10 },
      { key: 'ties', header: w('既有供货（0–1）', 'Supply ties (0–1)'), width: 10 },
      { key: 'tier', header: w('梯度（0–1）', 'Tier (0–1)'), width: 8 },
      { key: 'scale', header: w('规模匹配（0–1）', 'Scale (0–1)'), width: 8 },
      { key: 'channel', header: w('引荐渠道（0–1）', 'Channel (0–1)'), width: 10 },
      { key: 'reason', header: w('推荐理由', 'Reason'), width: 80 },
    ],
    rows: result.candidates.map((c, i) => ({
      rank: i + 1,
      name: c.name,
      demo: demoCell(c.demo, lang),
      id: c.id,
      province: c.province,
      city: c.city,
      size: c.size ? sizeWord(lang, c.size) : w('未知', 'Unknown'),
      tags: tagWords(lang, c.tags),
      segment: c.segmentName,
      products: evidenceProducts(c, lang),
      score: c.score,
      confidence: confidenceLabels[lang][c.explanation.confidence],
      fit: signal(c, 'fit'),
      connectivity: signal(c, 'connectivity'),
      ties: signal(c, 'ties'),
      tier: signal(c, 'tier'),
      scale: signal(c, 'scale'),
      channel: signal(c, 'channel'),
      reason: messagesText(c.explanation.reasonParts, c.explanation.reason, lang),
    })),
  });
}

/** The context block of a partner list: chain, mode, target segments and the filters, in words. */
export function partnerContext(request: PartnerRequest, result: PartnerResult, chainName: string, lang: ExportLang = 'zh'): ContextLine[] {
  const w = inLang(lang);
  const f = request.filters ?? {};
  const filters = [
    f.provinces?.length ? w(`省份：${f.provinces.join('、')}`, `provinces: ${f.provinces.join(', ')}`) : null,
    f.tags?.length ? w(`标签：${tagWords(lang, f.tags)}`, `tags: ${tagWords(lang, f.tags)}`) : null,
    f.minSize ? w(`规模不小于${sizeWord(lang, f.minSize)}`, `size at least ${sizeWord(lang, f.minSize)}`) : null,
    f.excludeKeywords?.length ? w(`排除关键词：${f.excludeKeywords.join('、')}`, `excluding keywords: ${f.excludeKeywords.join(', ')}`) : null,
    f.excludeIds?.length ? w(`排除 ${f.excludeIds.length} 家指定企业`, `excluding ${f.excludeIds.length} named firms`) : null,
    f.includeIntermediaries ? w('含贸易、咨询等中介企业', 'trading, consulting and other intermediaries included') : null,
  ].filter((x): x is string => x !== null);
  return [
    { label: w('产业链', 'Chain'), value: chainName },
    { label: w('链策', 'Mode'), value: modeLabels[lang][result.mode] },
    {
      label: w('目标环节', 'Target segments'),
      value:
        listOf(
          lang,
          result.targets.map((t) => t.name),
        ) || w('无', 'none'),
    },
    { label: w('筛选条件', 'Filters'), value: filters.join(w('；', '; ')) || w('无', 'none') },
  ];
}
