import { z } from 'zod';
import { talentLevelSchema } from '../../model/nodes.ts';
import { topicId } from '../../model/topic.ts';
import { importId, topicName, type Column } from '../columns.ts';
import { labelsOf, missingReferences } from '../references.ts';
import type { TableSpec } from '../tableSpec.ts';

const affiliations = ['University', 'ResearchUnit', 'Enterprise'] as const;

export const talentColumns: Column[] = [
  { field: 'id', zh: '编号', type: 'text', required: true, example: 'talent.example-001', note: '字母、数字和 . _ : -，最多 120 位；在全图唯一' },
  { field: 'name', zh: '姓名', type: 'text', required: true, example: '王示例', note: '' },
  { field: 'title', zh: '职称', type: 'text', required: false, example: '教授', note: '' },
  {
    field: 'level',
    zh: '人才层次',
    type: 'text',
    required: true,
    example: '省级',
    note: '诺奖/图灵奖 laureate、院士 academician、国家级 national、省级 provincial、市级 municipal、区级 district、其他 other',
    values: {
      诺奖: 'laureate',
      图灵奖: 'laureate',
      '诺奖/图灵奖': 'laureate',
      院士: 'academician',
      国家级: 'national',
      省级: 'provincial',
      市级: 'municipal',
      区级: 'district',
      其他: 'other',
    },
  },
  { field: 'honours', zh: '荣誉称号', type: 'list', required: false, example: '江苏省“双创人才”', note: '用 ; 分隔' },
  { field: 'description', zh: '简介', type: 'text', multiline: true, required: false, example: '长期从事手性药物合成研究', note: '最多 4000 字；参与人才匹配' },
  {
    field: 'affiliationId',
    zh: '所在单位',
    type: 'text',
    required: false,
    example: 'ru.cpu-drug',
    note: '高校、科研单位或企业（统一社会信用代码）的编号，须已在图中（AFFILIATED_WITH）',
  },
  { field: 'expertise', zh: '专长领域', type: 'list', required: false, example: '手性合成;杂质研究', note: '技术主题，用 ; 分隔（EXPERT_IN）' },
];

const schema = z.strictObject({
  id: importId,
  name: z.string().min(1).max(100),
  title: z.string().max(100).default(''),
  level: talentLevelSchema,
  honours: z.array(z.string().max(100)).max(20).default([]),
  description: z.string().max(4000).default(''),
  affiliationId: z.string().max(120).optional(),
  expertise: z.array(topicName).max(30).default([]),
});
type TalentImportRow = z.infer<typeof schema>;

export const talent: TableSpec<TalentImportRow> = {
  entity: 'talent',
  label: 'Talent',
  title: '人才',
  columns: talentColumns,
  schema,
  key: { path: 'id', of: (r) => r.id },

  async check(rows, { graph, file }) {
    const found = await labelsOf(
      graph,
      rows.flatMap((r) => (r.data.affiliationId ? [r.data.affiliationId] : [])),
      affiliations,
    );
    return [...missingReferences(rows, 'affiliationId', (r) => r.affiliationId, found, 'University, ResearchUnit or Enterprise', file)];
  },

  async build(rows, batch, { graph }) {
    const labels = await labelsOf(
      graph,
      rows.flatMap((r) => (r.data.affiliationId ? [r.data.affiliationId] : [])),
      affiliations,
    );
    for (const { data: t } of rows) {
      batch.node('Talent', { id: t.id, name: t.name, title: t.title, level: t.level, honours: t.honours, description: t.description, source: 'import' });
      if (t.affiliationId) batch.rel('AFFILIATED_WITH', 'Talent', t.id, labels.get(t.affiliationId)!, t.affiliationId);
      for (const name of t.expertise) {
        batch.node('Topic', { id: topicId(name), name });
        batch.rel('EXPERT_IN', 'Talent', t.id, 'Topic', topicId(name));
      }
    }
    return {};
  },
};
