import { writeFileSync } from 'node:fs';
import { ChainMatchEngine, ResourcesEngine, chainReport, gapTable, partnerTable, tableToCsv, tableToXlsx, type Table } from '../../engine/index.ts';
import { partnerOptions, partnerRequest } from './chainCommands.ts';
import { UsageError, oneOf, positiveInteger, type Command } from './command.ts';

const lists = ['gaps', 'partners', 'chain-report', 'matches'] as const;

export const exportCommand: Command = {
  name: 'export',
  usage: `<${lists.join('|')}> [chainId] --out FILE [--format csv|xlsx] [--segment S] [--mode M] [--limit N] [--lang zh|en]`,
  summary: '导出为 CSV/XLSX（默认中文，--lang en 为英文）：缺口清单、候选企业、产业链报告（XLSX，每部分一张表）、对接记录',
  options: { ...partnerOptions, out: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' } },
  positionals: ['list'],
  optionalPositionals: ['chainId'],
  async run({ values, positionals: [list, chainId] }, ctx) {
    if (!(lists as readonly string[]).includes(list)) throw new UsageError(`unknown list "${list}"; one of ${lists.join(', ')}`);
    if (list !== 'matches' && !chainId) throw new UsageError(`export ${list} needs a chain id`);
    if (typeof values.out !== 'string') throw new UsageError('--out FILE is required');
    const out = values.out;
    const format = oneOf('format', values.format, ['csv', 'xlsx'] as const) ?? (/\.xlsx$/i.test(out) ? 'xlsx' : /\.csv$/i.test(out) ? 'csv' : undefined);
    if (!format) throw new UsageError('give --format csv|xlsx, or an --out file ending in .csv or .xlsx');
    if (list === 'chain-report' && format === 'csv') throw new UsageError('a chain report has one sheet per part: use --format xlsx');
    const limit = positiveInteger('limit', values.limit);
    const lang = oneOf('lang', values.lang, ['zh', 'en'] as const) ?? 'zh';

    return ctx.withGraph(async ({ graph }) => {
      const engine = new ChainMatchEngine(graph);
      let tables: Table[];
      if (list === 'gaps') tables = [gapTable(await engine.gaps(chainId), lang)];
      else if (list === 'partners') tables = [partnerTable(await engine.partners(await partnerRequest(engine, chainId, values)), undefined, lang)];
      else if (list === 'chain-report') tables = await chainReport(engine, chainId, { limit, lang });
      else tables = [await new ResourcesEngine(graph).matchTable({}, undefined, lang)];
      writeFileSync(out, format === 'csv' ? tableToCsv(tables[0]) : await tableToXlsx(tables));
      const sheets = tables.map((t) => ({ title: t.title, rows: t.rows.length }));
      return {
        value: { out, format, sheets },
        text:
          lang === 'en'
            ? `Exported to ${out}: ${sheets.map((s) => `${s.title} (${s.rows} rows)`).join(', ')}`
            : `已导出到 ${out}：${sheets.map((s) => `${s.title}（${s.rows} 行）`).join('、')}`,
      };
    });
  },
};
