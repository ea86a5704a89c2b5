import { proxyReasons } from '../chain/capacity.ts';
import type { ChainMap } from '../chain/chainMap.ts';
import type { GapAction } from '../chain/gapAnalysis.ts';
import type { GapReport } from '../chain/gapReport.ts';
import { partnerRequestSchema } from '../contracts/partners.ts';
import type { PartnerResult } from '../match/partners/rankPartners.ts';
import { demoFirmsBySegment } from '../search/demoRecords.ts';
import { nameIn, partnerResultIn } from './namesIn.ts';
import type { ChainReader } from './chainReader.ts';
import { inLang, listOf, type ExportLang } from './exportText.ts';
import { demoCell, demoColumnIn, partnerTable, withDemoNote, type Table } from './tables.ts';

/** The viewer's words (viewer/src/i18n/zh.ts), so a report reads like the screen it came from. */
export const stageLabels: Record<string, string> = { upstream: '上游', midstream: '中游', downstream: '下游' };
export const gapClassLabels: Record<string, string> = { missing: '缺链', broken: '断链', weak: '短板', extension: '可延链', healthy: '健康', absent: '未布局' };
export const actionLabels: Record<GapAction, string> = { fill: '补链', strengthen: '强链', extend: '延链' };
export const gapReasonLabels: Record<string, string> = {
  'no-local-firm': '本地没有企业',
  'local-chain-cut': '本地链条在此中断（断点）',
  shortfall: '本地产能不足以满足本地需求',
  'outside-dependence': '本地采购主要依赖区外供应商',
  'single-supplier': '依赖单一企业，失去它将出现缺口',
  'below-chain-norm': '产能远低于本链各环节中位数',
  'downstream-of-local': '位于本地链条下游，可向下延伸',
  'upstream-of-local': '位于本地链条上游，可向上延伸',
};

/** The same words in English, as the viewer shows them (viewer/src/i18n/en/chain.ts: stage.*, class.*, action.*, reason.*, priorityBasis.*). */
const englishLabels = {
  stage: { upstream: 'Upstream', midstream: 'Midstream', downstream: 'Downstream' } as Record<string, string>,
  class: { missing: 'Missing', broken: 'Broken', weak: 'Weak', extension: 'Extension', healthy: 'Healthy', absent: 'Absent' } as Record<string, string>,
  action: { fill: 'Fill', strengthen: 'Strengthen', extend: 'Extend' } as Record<GapAction, string>,
  reason: {
    'no-local-firm': 'No local firm',
    'local-chain-cut': 'The local chain is cut here',
    shortfall: 'Local capacity falls short of local demand',
    'outside-dependence': 'Local buyers depend on outside suppliers',
    'single-supplier': 'Hangs on one firm; losing it opens a gap',
    'below-chain-norm': 'Capacity far below the chain’s median segment',
    'downstream-of-local': 'Downstream of the local chain',
    'upstream-of-local': 'Upstream of the local chain',
  } as Record<string, string>,
  basis: { unmetDemand: 'local demand left unmet', demandAtStake: 'local demand at stake', adjacentLocalOutput: 'adjacent local output' } as Record<
    string,
    string
  >,
  // proxyReasons (engine/chain/capacity.ts) in English, keyed by the Chinese phrase as the viewer keys them (reason.按…估算).
  proxy: {
    size: 'Estimated from firm size classes (no revenue)',
    employees: 'Estimated from headcounts (no revenue)',
    registeredCapital: 'Estimated from registered capital (no revenue)',
    firmCount: 'Estimated from the number of firms (no revenue)',
  } as Record<string, string>,
};

/** The words of a report in its language. */
function labelsIn(lang: ExportLang) {
  return lang === 'en'
    ? englishLabels
    : {
        stage: stageLabels,
        class: gapClassLabels,
        action: actionLabels,
        reason: gapReasonLabels,
        basis: priorityBasisLabels,
        proxy: proxyReasons as Record<string, string>,
      };
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/**
 * The chain map (产业链图谱) as rows: every segment, upstream first, with its figures and flows.
 * `demoFirms` (segment id → local demo firms in it): a row is 演示数据 when its figures count any.
 */
export function chainMapTable(map: ChainMap, demoFirms: ReadonlyMap<string, number> = new Map(), lang: ExportLang = 'zh'): Table {
  const w = inLang(lang);
  const l = labelsIn(lang);
  const name = new Map(map.segments.map((s) => [s.segmentId, nameIn(lang)(s)]));
  const names = (ids: string[]) =>
    listOf(
      lang,
      ids.map((id) => name.get(id) ?? id),
    );
  const upstreamOf = (id: string) => names(map.feeds.filter((f) => f.to === id).map((f) => f.from));
  const downstreamOf = (id: string) => names(map.feeds.filter((f) => f.from === id).map((f) => f.to));
  return withDemoNote({
    title: w('产业链图谱', 'Chain map'),
    lang,
    columns: [
      { key: 'order', header: w('顺序', 'Order'), width: 6 },
      { key: 'stage', header: w('位置', 'Stage'), width: 6 },
      { key: 'id', header: w('环节编号', 'Segment id'), width: 24 },
      { key: 'name', header: w('环节', 'Segment'), width: 18 },
      { key: 'class', header: w('健康状况', 'Health'), width: 10 },
      { key: 'firms', header: w('本地企业（家）', 'Local firms'), width: 12 },
      { key: 'demoFirms', header: w('其中演示企业（家）', 'Of which demo firms'), width: 14 },
      demoColumnIn(lang),
      { key: 'capacity', header: w('本地产能（亿元）', 'Local capacity (100 m yuan)'), width: 14 },
      { key: 'demand', header: w('本地需求（亿元）', 'Local demand (100 m yuan)'), width: 14 },
      { key: 'shortfall', header: w('缺口率（%）', 'Shortfall (%)'), width: 10 },
      { key: 'outside', header: w('外部依赖度（%）', 'Outside dependence (%)'), width: 12 },
      { key: 'topShare', header: w('龙头份额（%）', 'Top firm share (%)'), width: 12 },
      { key: 'upstream', header: w('上游环节', 'Upstream segments'), width: 24 },
      { key: 'downstream', header: w('下游环节', 'Downstream segments'), width: 24 },
      { key: 'products', header: w('主要产品', 'Main products'), width: 48 },
    ],
    rows: [...map.segments]
      .sort((a, b) => a.order - b.order || a.segmentId.localeCompare(b.segmentId))
      .map((s) => ({
        order: s.order,
        stage: l.stage[s.stage] ?? s.stage,
        id: s.segmentId,
        name: nameIn(lang)(s),
        class: l.class[s.class] ?? s.class,
        firms: s.metrics.localFirmCount,
        demoFirms: demoFirms.get(s.segmentId) ?? 0,
        demo: demoCell((demoFirms.get(s.segmentId) ?? 0) > 0, lang),
        capacity: s.metrics.localCapacity,
        demand: s.metrics.localDemand,
        shortfall: pct(s.metrics.shortfall),
        outside: pct(s.metrics.outsideDependence),
        topShare: pct(s.metrics.topFirmShare),
        upstream: upstreamOf(s.segmentId),
        downstream: downstreamOf(s.segmentId),
        products: listOf(
          lang,
          s.products.map((p) => p.name),
        ),
      })),
  });
}

const priorityBasisLabels: Record<string, string> = {
  unmetDemand: '未满足的本地需求',
  demandAtStake: '受影响的本地需求',
  adjacentLocalOutput: '相邻的本地产出',
};

/** A firm's name as an export shows it: demo firms say so beside the name. */
const firmName = (lang: ExportLang) => (f: { name: string; demo: boolean }) =>
  f.demo ? inLang(lang)(`${f.name}（演示数据）`, `${f.name} (demo data)`) : f.name;

/**
 * The gap list (缺口清单): the gaps (补链, 强链) by priority in 亿元, then the 延链 opportunities as a
 * list of their own (ranked on their own measure, never against the gaps), each with its evidence.
 * A row is 演示数据 when a firm it names is; those names say so too.
 */
export function gapTable(report: GapReport, lang: ExportLang = 'zh'): Table {
  const w = inLang(lang);
  const l = labelsIn(lang);
  const named = firmName(lang);
  const row = (list: string) => (g: GapReport['gaps'][number], i: number) => {
    const firms = [...g.metrics.evidence.topFirms, ...g.metrics.evidence.outsideSuppliers];
    return {
      list,
      rank: i + 1,
      id: g.segmentId,
      name: nameIn(lang)(g),
      stage: l.stage[g.stage] ?? g.stage,
      class: l.class[g.class] ?? g.class,
      action: g.action ? l.action[g.action] : null,
      priority: g.priority,
      basis: g.priorityBasis ? l.basis[g.priorityBasis] : null,
      reasons: g.reasons.map((r) => l.reason[r] ?? r).join(w('；', '; ')),
      firms: g.metrics.localFirmCount,
      capacity: g.metrics.localCapacity,
      demand: g.metrics.localDemand,
      unmet: g.metrics.unmetDemand,
      atStake: g.metrics.demandAtStake,
      // Empty when every figure rests on revenue; else how the missing revenue was estimated.
      estimated: g.metrics.estimatedBy.map((p) => l.proxy[p]).join(w('；', '; ')) || null,
      shortfall: pct(g.metrics.shortfall),
      n1: pct(g.metrics.n1Shortfall),
      outside: pct(g.metrics.outsideDependence),
      topFirms: listOf(lang, g.metrics.evidence.topFirms.map(named)),
      outsideSuppliers: listOf(lang, [...new Set(g.metrics.evidence.outsideSuppliers.map(named))]),
      demo: demoCell(
        firms.some((f) => f.demo),
        lang,
      ),
    };
  };
  return withDemoNote({
    title: w('缺口清单', 'Gap list'),
    lang,
    columns: [
      { key: 'list', header: w('清单', 'List'), width: 10 },
      { key: 'rank', header: w('排名', 'Rank'), width: 6 },
      { key: 'id', header: w('环节编号', 'Segment id'), width: 24 },
      { key: 'name', header: w('环节', 'Segment'), width: 18 },
      { key: 'stage', header: w('位置', 'Stage'), width: 6 },
      { key: 'class', header: w('缺口类型', 'Gap class'), width: 10 },
      { key: 'action', header: w('建议行动', 'Action'), width: 8 },
      { key: 'priority', header: w('优先级（亿元）', 'Priority (100 m yuan)'), width: 12 },
      { key: 'basis', header: w('优先级衡量', 'Priority measure'), width: 16 },
      { key: 'reasons', header: w('原因', 'Reasons'), width: 48 },
      { key: 'firms', header: w('本地企业（家）', 'Local firms'), width: 12 },
      { key: 'capacity', header: w('本地产能（亿元）', 'Local capacity (100 m yuan)'), width: 14 },
      { key: 'demand', header: w('本地需求（亿元）', 'Local demand (100 m yuan)'), width: 14 },
      { key: 'unmet', header: w('未满足需求（亿元）', 'Local demand left unmet (100 m yuan)'), width: 14 },
      { key: 'atStake', header: w('受影响需求（亿元）', 'Local demand at stake (100 m yuan)'), width: 14 },
      { key: 'estimated', header: w('估算依据', 'Estimated from'), width: 16 },
      { key: 'shortfall', header: w('缺口率（%）', 'Shortfall (%)'), width: 10 },
      { key: 'n1', header: w('N−1 缺口率（%）', 'N−1 shortfall (%)'), width: 12 },
      { key: 'outside', header: w('外部依赖度（%）', 'Outside dependence (%)'), width: 12 },
      { key: 'topFirms', header: w('主要本地企业', 'Main local firms'), width: 40 },
      { key: 'outsideSuppliers', header: w('区外供应商', 'Outside suppliers'), width: 40 },
      demoColumnIn(lang),
    ],
    rows: [...report.gaps.map(row(w('缺口', 'Gap'))), ...report.extensions.map(row(w('延链机会', 'Extension opportunity')))],
  });
}

// The columns of a partner list do not depend on its rows: an empty answer gives them.
const emptyResult: PartnerResult = {
  chainId: '',
  mode: 'fill',
  targets: [],
  candidates: [],
  dominantFirms: [],
  diversity: { lambda: 0, leftOut: 0 },
  excludedByKeyword: 0,
  excludedAsUnrelated: 0,
  textProvider: 'lexical',
};

/** Partner candidates of several modes in one list, each row saying which (补链/强链/延链). */
export function candidatesTable(results: PartnerResult[], lang: ExportLang = 'zh'): Table {
  const w = inLang(lang);
  return withDemoNote({
    title: w('候选企业', 'Candidates'),
    lang,
    columns: [{ key: 'mode', header: w('链策', 'Mode'), width: 6 }, ...partnerTable(emptyResult, undefined, lang).columns],
    rows: results.flatMap((r) => partnerTable(r, undefined, lang).rows.map((row) => ({ mode: labelsIn(lang).action[r.mode], ...row }))),
  });
}

export type ChainReportPart = 'map' | 'gaps' | 'candidates';

/**
 * The chain report (产业链报告): the map, the gaps and the top candidates for each kind of gap the
 * chain has, as tables — one XLSX sheet each (tableToXlsx). `parts` picks some of them, in that
 * order (the gap list's own CSV/XLSX export is `parts: ['gaps']`). Demo data is marked in each.
 * `lang`: the words' language; chains and segments by their English names in English (namesIn.ts), firms' names as recorded.
 */
export async function chainReport(
  engine: ChainReader,
  chainId: string,
  options: { limit?: number; parts?: ChainReportPart[]; lang?: ExportLang } = {},
): Promise<Table[]> {
  const lang = options.lang ?? 'zh';
  const w = inLang(lang);
  const parts = new Set(options.parts ?? ['map', 'gaps', 'candidates']);
  const [map, gaps] = await Promise.all([engine.chainMap(chainId), engine.gaps(chainId)]);
  const chainName = nameIn(lang)(map.chain);
  const chain = { label: w('产业链', 'Chain'), value: chainName };
  const title = (t: Table, zh: string, en: string): Table => ({
    ...t,
    title: w(`${chainName}${zh}`, `${en} — ${chainName}`),
    context: [chain, ...(t.context ?? [])],
  });
  const tables: Table[] = [];
  if (parts.has('map')) tables.push(title(chainMapTable(map, await demoFirmsBySegment(engine.graph, chainId), lang), '产业链图谱', 'Chain map'));
  if (parts.has('gaps')) tables.push(title(gapTable(gaps, lang), '缺口清单', 'Gap list'));
  if (parts.has('candidates')) {
    const modes = (['fill', 'strengthen', 'extend'] as const).filter((m) => [...gaps.gaps, ...gaps.extensions].some((g) => g.action === m));
    const results: PartnerResult[] = [];
    for (const mode of modes) {
      const result = await engine.partners(partnerRequestSchema.parse({ chainId, mode, limit: options.limit ?? 10 }));
      results.push(partnerResultIn(lang, map, result));
    }
    tables.push(title(candidatesTable(results, lang), '候选企业', 'Candidates'));
  }
  return tables;
}
