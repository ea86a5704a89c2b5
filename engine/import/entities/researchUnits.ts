import { z } from 'zod';
import { topicId } from '../../model/topic.ts';
import { importId, topicName, type Column } from '../columns.ts';
import { existingIds, missingReferences } from '../references.ts';
import type { TableSpec } from '../tableSpec.ts';

export const researchUnitColumns: Column[] = [
  { field: 'id', zh: '编号', type: 'text', required: true, example: 'ru.example-catalysis', note: '字母、数字和 . _ : -，最多 120 位；在全图唯一' },
  { field: 'name', zh: '科研单位名称', type: 'text', required: true, example: '南京大学示例催化实验室', note: '实验室、研究院、研究中心等' },
  { field: 'description', zh: '简介', type: 'text', multiline: true, required: false, example: '聚焦手性催化与连续流工艺', note: '最多 4000 字；参与校企匹配' },
  { field: 'universityId', zh: '所属高校', type: 'text', required: false, example: 'univ.nju', note: '高校编号（BELONGS_TO），须已在图中' },
  { field: 'parkId', zh: '所在园区', type: 'text', required: false, example: 'park.xianlin-science-park', note: '园区编号（LOCATED_IN）' },
  { field: 'topics', zh: '研究方向', type: 'list', required: false, example: '手性合成;连续流反应', note: '技术主题，用 ; 分隔（RESEARCHES）' },
];

const schema = z.strictObject({
  id: importId,
  name: z.string().min(2).max(200),
  description: z.string().max(4000).default(''),
  universityId: z.string().max(120).optional(),
  parkId: z.string().max(120).optional(),
  topics: z.array(topicName).max(30).default([]),
});
type ResearchUnitImportRow = z.infer<typeof schema>;

export const researchUnits: TableSpec<ResearchUnitImportRow> = {
  entity: 'research-units',
  label: 'ResearchUnit',
  title: '科研单位',
  columns: researchUnitColumns,
  schema,
  key: { path: 'id', of: (r) => r.id },

  async check(rows, { graph, file }) {
    const universities = await existingIds(
      graph,
      'University',
      rows.flatMap((r) => (r.data.universityId ? [r.data.universityId] : [])),
    );
    const parks = await existingIds(
      graph,
      'Park',
      rows.flatMap((r) => (r.data.parkId ? [r.data.parkId] : [])),
    );
    return [
      ...missingReferences(rows, 'universityId', (r) => r.universityId, universities, 'University', file),
      ...missingReferences(rows, 'parkId', (r) => r.parkId, parks, 'Park', file),
    ];
  },

  async build(rows, batch) {
    for (const { data: u } of rows) {
      batch.node('ResearchUnit', { id: u.id, name: u.name, description: u.description, source: 'import' });
      if (u.universityId) batch.rel('BELONGS_TO', 'ResearchUnit', u.id, 'University', u.universityId);
      if (u.parkId) batch.rel('LOCATED_IN', 'ResearchUnit', u.id, 'Park', u.parkId);
      for (const name of u.topics) {
        batch.node('Topic', { id: topicId(name), name });
        batch.rel('RESEARCHES', 'ResearchUnit', u.id, 'Topic', topicId(name));
      }
    }
    return {};
  },
};
