import { proxyReasons } from '../chain/capacity.ts';
import type { ChainMap } from '../chain/chainMap.ts';
import type { GapAction } from '../chain/gapAnalysis.ts';
import type { ChainMatchEngine, GapReport } from '../chainMatchEngine.ts';
import { partnerRequestSchema } from '../contracts/partners.ts';
import type { PartnerResult } from '../match/partners/rankPartners.ts';
import { demoFirmsBySegment } from '../search/demoRecords.ts';
import { demoCell, demoColumn, partnerTable, withDemoNote, type Table } from './tables.ts';

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

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/**
 * The chain map (产业链图谱) as rows: every segment, upstream first, with its figures and flows.
 * `demoFirms` (segment id → local demo firms in it): a row is 演示数据 when its figures count any.
 */
export function chainMapTable(map: ChainMap, demoFirms: ReadonlyMap<string, number> = new Map()): Table {
  const name = new Map(map.segments.map((s) => [s.segmentId, s.name]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id).join('、');
  const upstreamOf = (id: string) => names(map.feeds.filter((f) => f.to === id).map((f) => f.from));
  const downstreamOf = (id: string) => names(map.feeds.filter((f) => f.from === id).map((f) => f.to));
  return withDemoNote({
    title: '产业链图谱',
    columns: [
      { key: 'order', header: '顺序', width: 6 },
      { key: 'stage', header: '位置', width: 6 },
      { key: 'id', header: '环节编号', width: 24 },
      { key: 'name', header: '环节', width: 18 },
      { key: 'class', header: '健康状况', width: 10 },
      { key: 'firms', header: '本地企业（家）', width: 12 },
      { key: 'demoFirms', header: '其中演示企业（家）', width: 14 },
      demoColumn,
      { key: 'capacity', header: '本地产能（亿元）', width: 14 },
      { key: 'demand', header: '本地需求（亿元）', width: 14 },
      { key: 'shortfall', header: '缺口率（%）', width: 10 },
      { key: 'outside', header: '外部依赖度（%）', width: 12 },
      { key: 'topShare', header: '龙头份额（%）', width: 12 },
      { key: 'upstream', header: '上游环节', width: 24 },
      { key: 'downstream', header: '下游环节', width: 24 },
      { key: 'products', header: '主要产品', width: 48 },
    ],
    rows: [...map.segments]
      .sort((a, b) => a.order - b.order || a.segmentId.localeCompare(b.segmentId))
      .map((s) => ({
        order: s.order, stage: stageLabels[s.stage] ?? s.stage, id: s.segmentId, name: s.name, class: gapClassLabels[s.class] ?? s.class,
        firms: s.metrics.localFirmCount, demoFirms: demoFirms.get(s.segmentId) ?? 0, demo: demoCell((demoFirms.get(s.segmentId) ?? 0) > 0),
        capacity: s.metrics.localCapacity, demand: s.metrics.localDemand,
        shortfall: pct(s.metrics.shortfall), outside: pct(s.metrics.outsideDependence), topShare: pct(s.metrics.topFirmShare),
        upstream: upstreamOf(s.segmentId), downstream: downstreamOf(s.segmentId), products: s.products.map((p) => p.name).join('、'),
      })),
  });
}

const priorityBasisLabels: Record<string, string> = { unmetDemand: '未满足的本地需求', demandAtStake: '受影响的本地需求', adjacentLocalOutput: '相邻的本地产出' };

/** A firm's name as an export shows it: demo firms say so beside the name. */
const firmName = (f: { name: string; demo: boolean }) => (f.demo ? `${f.name}（演示数据）` : f.name);

/**
 * The gap list (缺口清单): the gaps (补链, 强链) by priority in 亿元, then the 延链 opportunities as a
 * list of their own (ranked on their own measure, never against the gaps), each with its evidence.
 * A row is 演示数据 when a firm it names is; those names say so too.
 */
export function gapTable(report: GapReport): Table {
  const row = (list: string) => (g: GapReport['gaps'][number], i: number) => {
    const firms = [...g.metrics.evidence.topFirms, ...g.metrics.evidence.outsideSuppliers];
    return {
      list, rank: i + 1, id: g.segmentId, name: g.name, stage: stageLabels[g.stage] ?? g.stage, class: gapClassLabels[g.class] ?? g.class,
      action: g.action ? actionLabels[g.action] : null, priority: g.priority, basis: g.priorityBasis ? priorityBasisLabels[g.priorityBasis] : null,
      reasons: g.reasons.map((r) => gapReasonLabels[r] ?? r).join('；'),
      firms: g.metrics.localFirmCount, capacity: g.metrics.localCapacity, demand: g.metrics.localDemand, unmet: g.metrics.unmetDemand, atStake: g.metrics.demandAtStake,
      // Empty when every figure rests on revenue; else how the missing revenue was estimated.
      estimated: g.metrics.estimatedBy.map((p) => proxyReasons[p]).join('；') || null,
      shortfall: pct(g.metrics.shortfall), n1: pct(g.metrics.n1Shortfall), outside: pct(g.metrics.outsideDependence),
      topFirms: g.metrics.evidence.topFirms.map(firmName).join('、'),
      outsideSuppliers: [...new Set(g.metrics.evidence.outsideSuppliers.map(firmName))].join('、'),
      demo: demoCell(firms.some((f) => f.demo)),
    };
  };
  return withDemoNote({
    title: '缺口清单',
    columns: [
      { key: 'list', header: '清单', width: 10 },
      { key: 'rank', header: '排名', width: 6 },
      { key: 'id', header: '环节编号', width: 24 },
      { key: 'name', header: '环节', width: 18 },
      { key: 'stage', header: '位置', width: 6 },
      { key: 'class', header: '缺口类型', width: 10 },
      { key: 'action', header: '建议行动', width: 8 },
      { key: 'priority', header: '优先级（亿元）', width: 12 },
      { key: 'basis', header: '优先级衡量', width: 16 },
      { key: 'reasons', header: '原因', width: 48 },
      { key: 'firms', header: '本地企业（家）', width: 12 },
      { key: 'capacity', header: '本地产能（亿元）', width: 14 },
      { key: 'demand', header: '本地需求（亿元）', width: 14 },
      { key: 'unmet', header: '未满足需求（亿元）', width: 14 },
      { key: 'atStake', header: '受影响需求（亿元）', width: 14 },
      { key: 'estimated', header: '估算依据', width: 16 },
      { key: 'shortfall', header: '缺口率（%）', width: 10 },
      { key: 'n1', header: 'N−1 缺口率（%）', width: 12 },
      { key: 'outside', header: '外部依赖度（%）', width: 12 },
      { key: 'topFirms', header: '主要本地企业', width: 40 },
      { key: 'outsideSuppliers', header: '区外供应商', width: 40 },
      demoColumn,
    ],
    rows: [...report.gaps.map(row('缺口')), ...report.extensions.map(row('延链机会'))],
  });
}

// The columns of a partner list do not depend on its rows.
const partnerColumns = partnerTable({ chainId: '', mode: 'fill', targets: [], candidates: [], dominantFirms: [], diversity: { lambda: 0, leftOut: 0 }, excludedByKeyword: 0, excludedAsUnrelated: 0, textProvider: 'lexical' }).columns;

/** Partner candidates of several modes in one list, each row saying which (补链/强链/延链). */
export function candidatesTable(results: PartnerResult[]): Table {
  return withDemoNote({
    title: '候选企业',
    columns: [{ key: 'mode', header: '链策', width: 6 }, ...partnerColumns],
    rows: results.flatMap((r) => partnerTable(r).rows.map((row) => ({ mode: actionLabels[r.mode], ...row }))),
  });
}

export type ChainReportPart = 'map' | 'gaps' | 'candidates';

/**
 * The chain report (产业链报告): the map, the gaps and the top candidates for each kind of gap the
 * chain has, as tables — one XLSX sheet each (tableToXlsx). `parts` picks some of them, in that
 * order (the gap list's own CSV/XLSX export is `parts: ['gaps']`). Demo data is marked in each.
 */
export async function chainReport(engine: ChainMatchEngine, chainId: string, options: { limit?: number; parts?: ChainReportPart[] } = {}): Promise<Table[]> {
  const parts = new Set(options.parts ?? ['map', 'gaps', 'candidates']);
  const [map, gaps] = await Promise.all([engine.chainMap(chainId), engine.gaps(chainId)]);
  const chain = { label: '产业链', value: map.chain.name };
  const title = (t: Table, part: string): Table => ({ ...t, title: `${map.chain.name}${part}`, context: [chain, ...(t.context ?? [])] });
  const tables: Table[] = [];
  if (parts.has('map')) tables.push(title(chainMapTable(map, await demoFirmsBySegment(engine.graph, chainId)), '产业链图谱'));
  if (parts.has('gaps')) tables.push(title(gapTable(gaps), '缺口清单'));
  if (parts.has('candidates')) {
    const modes = (['fill', 'strengthen', 'extend'] as const).filter((m) => [...gaps.gaps, ...gaps.extensions].some((g) => g.action === m));
    const results: PartnerResult[] = [];
    for (const mode of modes) results.push(await engine.partners(partnerRequestSchema.parse({ chainId, mode, limit: options.limit ?? 10 })));
    tables.push(title(candidatesTable(results), '候选企业'));
  }
  return tables;
}
