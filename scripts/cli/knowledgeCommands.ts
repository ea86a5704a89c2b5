import { KnowledgeEngine, pairingRequestSchema, talentRequestSchema } from '../../engine/index.ts';
import { confidenceLabels, exactlyOne, positiveInteger, score, type Command } from './command.ts';
import { formatTable } from './textTable.ts';

const levelLabels: Record<string, string> = {
  laureate: '诺奖/图灵奖',
  academician: '院士',
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  district: '区级',
  other: '其他',
};

export const matchSchoolCommand: Command = {
  name: 'match school',
  usage: '--enterprise ID | --unit ID | --text T [--limit N]',
  summary: '校企对接：为企业找科研单位，为科研单位找企业，或按一段需求文字找科研单位',
  options: { enterprise: { type: 'string' }, unit: { type: 'string' }, text: { type: 'string' }, limit: { type: 'string' } },
  positionals: [],
  async run({ values }, ctx) {
    const { flag, value } = exactlyOne(values, ['enterprise', 'unit', 'text'] as const);
    const key = { enterprise: 'enterpriseId', unit: 'researchUnitId', text: 'text' }[flag];
    const request = pairingRequestSchema.parse({ [key]: value, limit: positiveInteger('limit', values.limit) ?? 10 });
    return ctx.withGraph(async ({ graph }) => {
      const result = await new KnowledgeEngine(graph).pairSchoolEnterprise(request);
      const text = formatTable(
        [
          { header: '排名', align: 'right' },
          { header: '科研单位', max: 34 },
          { header: '所属高校' },
          { header: '企业', max: 30 },
          { header: '对接专家' },
          { header: '主题' },
          { header: '得分', align: 'right' },
          { header: '证据' },
        ],
        result.items.map((p, i) => [
          i + 1,
          p.researchUnit.name,
          p.researchUnit.university,
          p.enterprise?.name,
          p.carriedBy.researcher ? `${p.carriedBy.researcher.name}（${p.carriedBy.researcher.title}）` : null,
          p.carriedBy.topic,
          score(p.score),
          confidenceLabels[p.explanation.confidence],
        ]),
      );
      return { value: result, text };
    });
  },
};

export const matchTalentCommand: Command = {
  name: 'match talent',
  usage: '--enterprise ID | --text T [--limit N]',
  summary: '人才匹配：按企业的技术需求或一段需求文字找专家',
  options: { enterprise: { type: 'string' }, text: { type: 'string' }, limit: { type: 'string' } },
  positionals: [],
  async run({ values }, ctx) {
    const { flag, value } = exactlyOne(values, ['enterprise', 'text'] as const);
    const key = { enterprise: 'enterpriseId', text: 'text' }[flag];
    const request = talentRequestSchema.parse({ [key]: value, limit: positiveInteger('limit', values.limit) ?? 10 });
    return ctx.withGraph(async ({ graph }) => {
      const result = await new KnowledgeEngine(graph).matchTalent(request);
      const text = formatTable(
        [
          { header: '排名', align: 'right' },
          { header: '姓名' },
          { header: '职称' },
          { header: '层次' },
          { header: '所在单位', max: 30 },
          { header: '对口主题' },
          { header: '得分', align: 'right' },
          { header: '证据' },
        ],
        result.items.map((t, i) => [
          i + 1,
          t.talent.name,
          t.talent.title,
          levelLabels[t.talent.level] ?? t.talent.level,
          t.talent.affiliation?.name,
          t.topic,
          score(t.score),
          confidenceLabels[t.explanation.confidence],
        ]),
      );
      return { value: result, text };
    });
  },
};
