import { ResourcesEngine, resourceAssignRequest, resourceMatchRequest } from '../../engine/index.ts';
import { UsageError, confidenceLabels, exactlyOne, oneOf, positiveInteger, score, type Command } from './command.ts';
import { formatTable } from './textTable.ts';

const kinds = ['site', 'land', 'loan', 'equipment', 'talent', 'service', 'policy'] as const;

export const matchResourcesCommand: Command = {
  name: 'match resources',
  usage: '--demand ID | --offer ID [--limit N]',
  summary: '资源供需匹配：为一项需求找可行的供给（或为一项供给找需求），先过硬约束再排序',
  options: { demand: { type: 'string' }, offer: { type: 'string' }, limit: { type: 'string' } },
  positionals: [],
  async run({ values }, ctx) {
    const { flag, value } = exactlyOne(values, ['demand', 'offer'] as const);
    const request = resourceMatchRequest.parse({ [`${flag}Id`]: value, limit: positiveInteger('limit', values.limit) ?? 10 });
    return ctx.withGraph(async ({ graph }) => {
      const result = await new ResourcesEngine(graph).matchResources(request);
      const excluded = result.excludedBy.map((e) => `${e.label} ${e.count}`).join('、');
      const head =
        result.direction === 'offers-for-demand'
          ? `需求「${result.demand.title}」（${result.owner.name}）：可行供给 ${result.feasible} / ${result.offersConsidered}${excluded ? `；排除：${excluded}` : ''}`
          : `供给「${result.offer.title}」（${result.owner.name}）：可满足需求 ${result.feasible} / ${result.demandsConsidered}${excluded ? `；排除：${excluded}` : ''}`;
      const rows =
        result.direction === 'offers-for-demand'
          ? result.candidates.map((c, i) => [
              i + 1,
              c.offer.id,
              c.offer.title,
              c.owner.name,
              score(c.score),
              confidenceLabels[c.explanation.confidence],
              c.explanation.reason,
            ])
          : result.candidates.map((c, i) => [
              i + 1,
              c.demand.id,
              c.demand.title,
              c.owner.name,
              score(c.score),
              confidenceLabels[c.explanation.confidence],
              c.explanation.reason,
            ]);
      const unmet = result.direction === 'offers-for-demand' && result.unmet ? `\n无可行供给：${result.unmet.reason}` : '';
      const text =
        [
          head,
          '',
          formatTable(
            [
              { header: '排名', align: 'right' },
              { header: '编号' },
              { header: '标题', max: 30 },
              { header: '提供方/需求方', max: 24 },
              { header: '得分', align: 'right' },
              { header: '证据' },
              { header: '理由', max: 50 },
            ],
            rows,
          ),
        ].join('\n') + unmet;
      return { value: result, text };
    });
  },
};

export const assignCommand: Command = {
  name: 'assign',
  usage: '[--kinds site,loan,…] [--demands ID,ID,…] [--objective total-fit|coverage]',
  summary: '全局资源配置：在容量约束下为所有（或所选）待满足需求求最优分配',
  options: { kinds: { type: 'string' }, demands: { type: 'string' }, objective: { type: 'string' } },
  positionals: [],
  async run({ values }, ctx) {
    const list = (raw: string | boolean | undefined) =>
      raw === undefined
        ? undefined
        : String(raw)
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
    const kindList = list(values.kinds);
    const unknown = kindList?.find((k) => !(kinds as readonly string[]).includes(k));
    if (unknown) throw new UsageError(`--kinds: "${unknown}" is not one of ${kinds.join(', ')}`);
    const objective = oneOf('objective', values.objective, ['total-fit', 'coverage'] as const);
    const demandIds = list(values.demands);
    const request = resourceAssignRequest.parse({ ...(kindList && { kinds: kindList }), ...(demandIds && { demandIds }), ...(objective && { objective }) });
    return ctx.withGraph(async ({ graph }) => {
      const result = await new ResourcesEngine(graph).assign(request);
      const t = result.totals;
      const text = [
        `分配（${result.objective}，${result.solver.name} ${result.solver.status}）：${t.demandsServed} / ${t.demands} 项需求获得供给，共 ${t.units} 个单位，总匹配度 ${score(t.totalFit)}` +
          (result.baseline ? `（先到先得基线：${result.baseline.demandsServed} 项，${score(result.baseline.totalFit)}）` : ''),
        '',
        formatTable(
          [
            { header: '需求', max: 30 },
            { header: '需求方', max: 24 },
            { header: '供给', max: 30 },
            { header: '提供方', max: 24 },
            { header: '类型' },
            { header: '单位', align: 'right' },
            { header: '得分', align: 'right' },
          ],
          result.assignments.map((a) => [a.demandTitle, a.demandOwner.name, a.offerTitle, a.offerOwner.name, a.kind, a.units, score(a.score)]),
        ),
        ...(result.unmet.length > 0
          ? ['', `无可行供给的需求 ${result.unmet.length} 项：`, ...result.unmet.map((u) => `  ${u.title}（${u.owner.name}）：${u.reason}`)]
          : []),
        ...(result.unassigned.length > 0
          ? ['', `有可行供给但未分到的需求 ${result.unassigned.length} 项：`, ...result.unassigned.map((u) => `  ${u.title}：${u.detail}`)]
          : []),
      ].join('\n');
      return { value: result, text };
    });
  },
};
