import {
  ChainMatchEngine,
  actionLabels,
  gapClassLabels,
  gapReasonLabels,
  partnerRequestSchema,
  stageLabels,
  type GapReport,
  type PartnerResult,
} from '../../engine/index.ts';
import { confidenceLabels, oneOf, positiveInteger, score, type Command } from './command.ts';
import { formatTable } from './textTable.ts';

const priorityBasisLabels: Record<string, string> = { unmetDemand: '未满足本地需求', demandAtStake: '受影响本地需求', adjacentLocalOutput: '相邻本地产出' };

function gapRows(gaps: GapReport['gaps']) {
  return gaps.map((g, i) => [
    i + 1,
    g.segmentId,
    g.name,
    stageLabels[g.stage] ?? g.stage,
    gapClassLabels[g.class] ?? g.class,
    g.action ? actionLabels[g.action] : '',
    g.priority ?? '',
    g.priorityBasis ? priorityBasisLabels[g.priorityBasis] : '',
    g.metrics.localFirmCount,
    g.reasons.map((r) => gapReasonLabels[r] ?? r).join('；'),
  ]);
}

function gapsText(report: GapReport): string {
  const summary = Object.entries(report.summary)
    .map(([cls, n]) => `${gapClassLabels[cls] ?? cls} ${n}`)
    .join(' · ');
  const columns = [
    { header: '排名', align: 'right' as const },
    { header: '环节编号' },
    { header: '环节' },
    { header: '位置' },
    { header: '缺口类型' },
    { header: '建议行动' },
    { header: '优先级（亿元）', align: 'right' as const },
    { header: '衡量' },
    { header: '本地企业', align: 'right' as const },
    { header: '原因', max: 48 },
  ];
  return [
    `${report.chain.name}（${report.chain.id}）缺口：${summary}`,
    '',
    '补链与强链（按优先级，亿元）',
    formatTable(columns, gapRows(report.gaps)),
    '',
    '延链机会（另列，按相邻本地产出，亿元）',
    report.extensions.length > 0 ? formatTable(columns, gapRows(report.extensions)) : '无',
  ].join('\n');
}

export const gapsCommand: Command = {
  name: 'gaps',
  usage: '<chainId>',
  summary: '产业链缺口：缺链、断链、短板和可延链的环节，最紧迫的在前',
  options: {},
  positionals: ['chainId'],
  async run({ positionals: [chainId] }, ctx) {
    return ctx.withGraph(async ({ graph }) => {
      const report = await new ChainMatchEngine(graph).gaps(chainId);
      return { value: report, text: gapsText(report) };
    });
  },
};

export function partnersText(result: PartnerResult): string {
  const targets = result.targets
    .map((t) => `${t.name}（${gapClassLabels[t.class] ?? t.class}${t.priority === null ? '' : `，${t.priority} 亿元`}）`)
    .join('、');
  return [
    `${actionLabels[result.mode]} · ${result.chainId} — 目标环节：${targets || '无'}${result.excludedByKeyword ? `；已排除中介类企业 ${result.excludedByKeyword} 家` : ''}${result.excludedAsUnrelated ? `；已排除与环节无关的文本命中 ${result.excludedAsUnrelated} 家` : ''}`,
    '',
    formatTable(
      [
        { header: '排名', align: 'right' },
        { header: '企业名称', max: 30 },
        { header: '统一社会信用代码' },
        { header: '省份' },
        { header: '对应环节' },
        { header: '综合得分', align: 'right' },
        { header: '证据' },
        { header: '推荐理由', max: 60 },
      ],
      result.candidates.map((c, i) => [
        i + 1,
        c.name,
        c.id,
        c.province,
        c.segmentName,
        score(c.score),
        confidenceLabels[c.explanation.confidence],
        c.explanation.reason,
      ]),
    ),
  ].join('\n');
}

export const partnerOptions = { segment: { type: 'string' }, mode: { type: 'string' }, limit: { type: 'string' } } as const;

/** The partner request the flags describe; without --mode, the mode the named segment's gap calls for (else 补链). */
export async function partnerRequest(engine: ChainMatchEngine, chainId: string, values: Record<string, string | boolean | undefined>) {
  const segmentId = values.segment === undefined ? undefined : String(values.segment);
  let mode = oneOf('mode', values.mode, ['fill', 'strengthen', 'extend'] as const);
  if (!mode && segmentId) mode = (await engine.gaps(chainId)).gaps.find((g) => g.segmentId === segmentId)?.action ?? 'strengthen';
  return partnerRequestSchema.parse({ chainId, ...(segmentId && { segmentId }), mode: mode ?? 'fill', limit: positiveInteger('limit', values.limit) ?? 10 });
}

export const matchPartnersCommand: Command = {
  name: 'match partners',
  usage: '<chainId> [--segment S] [--mode fill|strengthen|extend] [--limit N]',
  summary: '补链/强链/延链候选企业，附信号得分和推荐理由',
  options: partnerOptions,
  positionals: ['chainId'],
  async run({ values, positionals: [chainId] }, ctx) {
    return ctx.withGraph(async ({ graph }) => {
      const engine = new ChainMatchEngine(graph);
      const result = await engine.partners(await partnerRequest(engine, chainId, values));
      return { value: result, text: partnersText(result) };
    });
  },
};
