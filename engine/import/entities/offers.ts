import { createOfferRequest, type CreateOfferRequest } from '../../contracts/resources.ts';
import { offerRow } from '../../model/nodes.ts';
import type { Column } from '../columns.ts';
import { existingIds, labelsOf, missingReferences } from '../references.ts';
import type { TableSpec } from '../tableSpec.ts';
import { resourceRow } from './resourceRow.ts';

const owners = ['Enterprise', 'University', 'ResearchUnit', 'Park'] as const;
export const resourceKindWords = { 厂房: 'site', 场地: 'site', 土地: 'land', 贷款: 'loan', 设备: 'equipment', 人才: 'talent', 服务: 'service', 政策: 'policy' };

export const offerColumns: Column[] = [
  { field: 'id', zh: '编号', type: 'text', required: true, example: 'offer.example-001', note: '字母、数字和 . _ : -，最多 100 位；再次导入同一编号即更新' },
  {
    field: 'kind',
    zh: '资源类型',
    type: 'text',
    required: true,
    example: '厂房',
    note: '厂房 site / 土地 land / 贷款 loan / 设备 equipment / 人才 talent / 服务 service / 政策 policy',
    values: resourceKindWords,
  },
  {
    field: 'ownerId',
    zh: '提供方',
    type: 'text',
    required: true,
    example: 'park.qixia-hi-tech',
    note: '企业（统一社会信用代码）、高校、科研单位或园区的编号，须已在图中（OFFERS）',
  },
  { field: 'title', zh: '标题', type: 'text', required: true, example: 'GMP标准厂房 3号楼', note: '' },
  { field: 'description', zh: '说明', type: 'text', multiline: true, required: false, example: '洁净车间，可满足GMP认证', note: '最多 4000 字' },
  { field: 'areaM2', zh: '面积（平方米）', type: 'number', required: false, example: '3200', note: '厂房、土地必填' },
  { field: 'floorLoadKnM2', zh: '楼面荷载（kN/m²）', type: 'number', required: false, example: '8', note: '厂房' },
  { field: 'certifications', zh: '资质认证', type: 'list', required: false, example: 'GMP', note: '用 ; 分隔；厂房、设备、服务' },
  { field: 'price', zh: '价格', type: 'number', required: false, example: '35', note: '厂房 元/m²/月；土地 万元/亩；设备、服务 万元' },
  { field: 'amountWan', zh: '金额（万元）', type: 'number', required: false, example: '1000', note: '贷款额度（必填）；政策补贴上限' },
  { field: 'ratePct', zh: '利率（%）', type: 'number', required: false, example: '3.45', note: '贷款必填' },
  { field: 'termMonths', zh: '期限（月）', type: 'integer', required: false, example: '36', note: '贷款必填' },
  { field: 'parkId', zh: '所在园区', type: 'text', required: false, example: 'park.qixia-hi-tech', note: '厂房、土地必填；设备、政策可填' },
  { field: 'availableFrom', zh: '可用起始日期', type: 'date', required: false, example: '2026-03-01', note: 'YYYY-MM-DD' },
  { field: 'availableUntil', zh: '可用截止日期', type: 'date', required: false, example: '2030-12-31', note: 'YYYY-MM-DD' },
  { field: 'capacity', zh: '可服务数量', type: 'integer', required: false, example: '1', note: '可同时满足的需求数，默认 1' },
  {
    field: 'status',
    zh: '状态',
    type: 'text',
    required: false,
    example: '开放',
    note: '开放 open（默认）/ 关闭 closed',
    values: { 开放: 'open', 关闭: 'closed' },
  },
];

/** Offers (资源供给) of every kind in one table; a row fills the columns its kind uses (docs/resources.md §3). */
export const offers: TableSpec<CreateOfferRequest> = {
  entity: 'offers',
  label: 'Offer',
  title: '资源供给',
  columns: offerColumns,
  schema: createOfferRequest,
  key: { path: 'id', of: (r) => r.id! },

  async check(rows, { graph, file }) {
    const found = await labelsOf(
      graph,
      rows.map((r) => r.data.ownerId),
      owners,
    );
    const parks = await existingIds(
      graph,
      'Park',
      rows.flatMap((r) => ('parkId' in r.data && r.data.parkId ? [r.data.parkId] : [])),
    );
    return [
      ...missingReferences(rows, 'ownerId', (r) => r.ownerId, found, owners.join(', '), file),
      ...missingReferences(rows, 'parkId', (r) => ('parkId' in r && r.parkId ? r.parkId : undefined), parks, 'Park', file),
    ];
  },

  async build(rows, batch, { graph }) {
    const labels = await labelsOf(
      graph,
      rows.map((r) => r.data.ownerId),
      owners,
    );
    for (const { data } of rows) {
      batch.node('Offer', resourceRow(offerRow, data) as { id: string });
      batch.rel('OFFERS', labels.get(data.ownerId)!, data.ownerId, 'Offer', data.id!);
    }
    return {};
  },
};
