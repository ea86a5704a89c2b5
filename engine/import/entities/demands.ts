import { createDemandRequest, type CreateDemandRequest } from '../../contracts/resources.ts';
import { demandRow } from '../../model/nodes.ts';
import type { Column } from '../columns.ts';
import { existingIds, labelsOf, missingReferences } from '../references.ts';
import type { TableSpec } from '../tableSpec.ts';
import { resourceKindWords } from './offers.ts';
import { resourceRow } from './resourceRow.ts';

const owners = ['Enterprise', 'University', 'ResearchUnit'] as const;

export const demandColumns: Column[] = [
  { field: 'id', zh: '编号', type: 'text', required: true, example: 'demand.example-001', note: '字母、数字和 . _ : -，最多 100 位；再次导入同一编号即更新' },
  {
    field: 'kind',
    zh: '需求类型',
    type: 'text',
    required: true,
    example: '厂房',
    note: '厂房 site / 土地 land / 贷款 loan / 设备 equipment / 人才 talent / 服务 service / 政策 policy',
    values: resourceKindWords,
  },
  {
    field: 'ownerId',
    zh: '需求方',
    type: 'text',
    required: true,
    example: '91320113MA7EXA001E',
    note: '企业（统一社会信用代码）、高校或科研单位的编号，须已在图中（HAS_DEMAND）',
  },
  { field: 'title', zh: '标题', type: 'text', required: true, example: '寻找2000平方米GMP厂房', note: '' },
  { field: 'description', zh: '说明', type: 'text', multiline: true, required: false, example: '用于原料药中试', note: '最多 4000 字' },
  { field: 'minAreaM2', zh: '最小面积（平方米）', type: 'number', required: false, example: '2000', note: '厂房、土地必填' },
  { field: 'idealAreaM2', zh: '理想面积（平方米）', type: 'number', required: false, example: '2500', note: '不小于最小面积' },
  { field: 'minFloorLoadKnM2', zh: '最低楼面荷载（kN/m²）', type: 'number', required: false, example: '8', note: '厂房' },
  { field: 'requiredCertifications', zh: '所需资质', type: 'list', required: false, example: 'GMP', note: '用 ; 分隔' },
  { field: 'maxPrice', zh: '最高价格', type: 'number', required: false, example: '40', note: '单位同供给的价格' },
  { field: 'amountWan', zh: '金额（万元）', type: 'number', required: false, example: '800', note: '贷款必填；政策可填' },
  { field: 'maxRatePct', zh: '最高利率（%）', type: 'number', required: false, example: '4', note: '贷款' },
  { field: 'minTermMonths', zh: '最短期限（月）', type: 'integer', required: false, example: '24', note: '贷款' },
  {
    field: 'parkAllowList',
    zh: '可接受园区',
    type: 'list',
    required: false,
    example: 'park.qixia-hi-tech;park.netda-biomed',
    note: '园区编号，用 ; 分隔；留空表示不限',
  },
  { field: 'neededFrom', zh: '需要起始日期', type: 'date', required: false, example: '2026-06-01', note: 'YYYY-MM-DD' },
  { field: 'neededUntil', zh: '需要截止日期', type: 'date', required: false, example: '2029-12-31', note: 'YYYY-MM-DD' },
  { field: 'quantity', zh: '数量', type: 'integer', required: false, example: '1', note: '人才（人）、设备（台）；默认 1' },
  {
    field: 'status',
    zh: '状态',
    type: 'text',
    required: false,
    example: '待满足',
    note: '待满足 open（默认）/ 已满足 met / 已关闭 closed',
    values: { 待满足: 'open', 已满足: 'met', 已关闭: 'closed' },
  },
];

/** Demands (资源需求) of every kind in one table; a row fills the columns its kind uses. */
export const demands: TableSpec<CreateDemandRequest> = {
  entity: 'demands',
  label: 'Demand',
  title: '资源需求',
  columns: demandColumns,
  schema: createDemandRequest,
  key: { path: 'id', of: (r) => r.id! },

  async check(rows, { graph, file }) {
    const found = await labelsOf(
      graph,
      rows.map((r) => r.data.ownerId),
      owners,
    );
    const parksOf = (r: CreateDemandRequest) => ('parkAllowList' in r ? r.parkAllowList : []);
    const parks = await existingIds(
      graph,
      'Park',
      rows.flatMap((r) => parksOf(r.data)),
    );
    return [
      ...missingReferences(rows, 'ownerId', (r) => r.ownerId, found, owners.join(', '), file),
      ...missingReferences(rows, 'parkAllowList', parksOf, parks, 'Park', file),
    ];
  },

  async build(rows, batch, { graph }) {
    const labels = await labelsOf(
      graph,
      rows.map((r) => r.data.ownerId),
      owners,
    );
    for (const { data } of rows) {
      batch.node('Demand', resourceRow(demandRow, data) as { id: string });
      batch.rel('HAS_DEMAND', labels.get(data.ownerId)!, data.ownerId, 'Demand', data.id!);
    }
    return {};
  },
};
