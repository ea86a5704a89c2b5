import { z } from 'zod';
import { importId, type Column } from '../columns.ts';
import { existingIds, missingReferences } from '../references.ts';
import type { TableSpec } from '../tableSpec.ts';

export const universityColumns: Column[] = [
  { field: 'id', zh: '编号', type: 'text', required: true, example: 'univ.example-tech', note: '字母、数字和 . _ : -，最多 120 位；在全图唯一' },
  { field: 'name', zh: '高校名称', type: 'text', required: true, example: '南京示例理工学院', note: '' },
  { field: 'nameEn', zh: '英文名称', type: 'text', required: false, example: 'Nanjing Example Institute of Technology', note: '' },
  { field: 'city', zh: '城市', type: 'text', required: false, example: '南京市', note: '' },
  { field: 'inXianlin', zh: '是否位于仙林大学城', type: 'boolean', required: false, example: '是', note: '是/否，默认 否；参与就近匹配' },
  { field: 'techTransferAlliance', zh: '是否技术转移联盟成员', type: 'boolean', required: false, example: '否', note: '是/否，默认 否' },
  { field: 'parkId', zh: '所在园区', type: 'text', required: false, example: 'park.xianlin-science-park', note: '园区编号（LOCATED_IN）' },
];

const schema = z.strictObject({
  id: importId,
  name: z.string().min(2).max(200),
  nameEn: z.string().max(200).default(''),
  city: z.string().max(20).default(''),
  inXianlin: z.boolean().default(false),
  techTransferAlliance: z.boolean().default(false),
  parkId: z.string().max(120).optional(),
});
type UniversityImportRow = z.infer<typeof schema>;

export const universities: TableSpec<UniversityImportRow> = {
  entity: 'universities',
  label: 'University',
  title: '高校',
  columns: universityColumns,
  schema,
  key: { path: 'id', of: (r) => r.id },

  async check(rows, { graph, file }) {
    const parks = await existingIds(
      graph,
      'Park',
      rows.flatMap((r) => (r.data.parkId ? [r.data.parkId] : [])),
    );
    return missingReferences(rows, 'parkId', (r) => r.parkId, parks, 'Park', file);
  },

  async build(rows, batch) {
    for (const {
      data: { parkId, ...u },
    } of rows) {
      batch.node('University', { ...u, source: 'import' });
      if (parkId) batch.rel('LOCATED_IN', 'University', u.id, 'Park', parkId);
    }
    return {};
  },
};
