import { z } from 'zod';
import { firmLimits } from '../../model/firmLimits.ts';
import { enterpriseSizeSchema, enterpriseTagLabels, enterpriseTagSchema, type EnterpriseSize } from '../../model/enterprise.ts';
import { enterpriseKindSchema } from '../../model/nodes.ts';
import { topicId } from '../../model/topic.ts';
import { attachSegments } from '../attachSegments.ts';
import { enterpriseIdField, topicName, type Column } from '../columns.ts';
import { existingIds, missingReferences } from '../references.ts';
import type { Attachment, ImportContext, Numbered, TableSpec } from '../tableSpec.ts';

/** Where local firms are when the row does not say: the district (栖霞区, 南京市, 江苏省). */
const districtPlace = { province: '江苏省', city: '南京市' };

const tagWords = Object.fromEntries(Object.entries(enterpriseTagLabels).map(([tag, label]) => [label, tag]));

export const enterpriseColumns: Column[] = [
  {
    field: 'id',
    zh: '统一社会信用代码',
    type: 'text',
    required: true,
    example: '91320113MA7EXA001E',
    note: '企业编号：有统一社会信用代码时填写它（18 位，校验位按 GB 32100-2015 核对）；没有的（上市公司代码、港澳台及境外企业注册号等）填其他编号，字母、数字及 . _ : -，最多 120 位；形如信用代码（18 位且全由其字符组成）的编号一律按信用代码校验。在 Excel 中请把该列设为文本',
  },
  { field: 'name', zh: '企业名称', type: 'text', required: true, example: '南京示例医药科技有限公司', note: '2–200 字' },
  {
    field: 'local',
    zh: '是否区内企业',
    type: 'boolean',
    required: true,
    example: '是',
    note: '是/否；也可写 区内/区外、本地/外地',
    values: { 区内: true, 本地: true, 区外: false, 外地: false },
  },
  {
    field: 'kind',
    zh: '企业类型',
    type: 'text',
    required: false,
    example: '工业',
    note: '工业 industrial（默认）/ 金融 financial / 服务 service；金融和服务企业不挂链',
    values: { 工业: 'industrial', 金融: 'financial', 服务: 'service' },
  },
  {
    field: 'products',
    zh: '主要产品',
    type: 'list',
    required: false,
    example: '手性中间体;含氟中间体',
    note: '用 ; 或 ； 分隔；与产业链模板中的产品按名称精确匹配（MAKES）',
  },
  { field: 'segmentIds', zh: '所属环节', type: 'list', required: false, example: 'biomed.intermediate', note: '环节编号，可多个；留空则自动挂链' },
  {
    field: 'description',
    zh: '企业简介',
    type: 'text',
    multiline: true,
    required: false,
    example: '从事医药中间体研发与生产',
    note: '最多 4000 字；参与自动挂链',
  },
  { field: 'businessScope', zh: '经营范围', type: 'text', multiline: true, required: false, example: '医药中间体的研发、生产、销售', note: '最多 4000 字' },
  { field: 'parkId', zh: '所在园区', type: 'text', required: false, example: 'park.qixia-hi-tech', note: '园区编号（仅区内企业）' },
  {
    field: 'province',
    zh: '省份',
    type: 'text',
    required: false,
    example: '江苏省',
    note: '区内企业默认 江苏省；区外企业留空则记为未知（按省份筛选候选时不会选中）',
  },
  { field: 'city', zh: '城市', type: 'text', required: false, example: '南京市', note: '区内企业默认 南京市；区外企业留空则记为未知' },
  {
    field: 'size',
    zh: '企业规模',
    type: 'text',
    required: false,
    example: '中型',
    note: '大型/中型/小型/微型（large/medium/small/micro）；留空则按从业人数和营业收入推定（两者都有时），否则记为未知',
    values: { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro' },
  },
  {
    field: 'revenueWan',
    zh: '营业收入（万元）',
    type: 'number',
    required: false,
    example: '12000',
    note: '年营业收入，万元；计入链上产能与需求。缺失时按规模、从业人数、注册资本或企业数量估算（见 docs/matching.md）',
  },
  { field: 'employees', zh: '从业人数', type: 'integer', required: false, example: '260', note: '人' },
  {
    field: 'registeredCapitalWan',
    zh: '注册资本（万元）',
    type: 'number',
    required: false,
    example: '5000',
    note: '万元；仅在营业收入、规模和从业人数都缺失时用于估算产能',
  },
  { field: 'foundedYear', zh: '成立年份', type: 'year', required: false, example: '2016', note: '年份，或成立日期（2016-05-12）；可留空' },
  {
    field: 'tags',
    zh: '企业标签',
    type: 'list',
    required: false,
    example: '高新技术企业;瞪羚',
    note: `可选：${Object.values(enterpriseTagLabels).join('、')}（或英文 ${enterpriseTagSchema.options.join(', ')}）`,
    values: tagWords,
  },
  { field: 'techLoanWan', zh: '科技贷款授信（万元）', type: 'number', required: false, example: '500', note: '默认 0' },
  { field: 'needs', zh: '技术需求', type: 'list', required: false, example: '手性合成;连续流反应', note: '技术主题，用 ; 分隔（NEEDS_TECH）' },
];

const schema = z
  .strictObject({
    id: enterpriseIdField,
    name: z.string().min(2).max(200),
    local: z.boolean(),
    kind: enterpriseKindSchema.default('industrial'),
    products: z.array(z.string().max(firmLimits.maxProductChars)).max(firmLimits.maxProducts).default([]),
    segmentIds: z.array(z.string().max(120)).max(10).default([]),
    description: z.string().max(4000).default(''),
    businessScope: z.string().max(4000).default(''),
    parkId: z.string().max(120).optional(),
    province: z.string().max(20).optional(),
    city: z.string().max(20).optional(),
    size: enterpriseSizeSchema.optional(),
    revenueWan: z.number().min(0).optional(),
    employees: z.number().int().min(0).optional(),
    registeredCapitalWan: z.number().min(0).optional(),
    foundedYear: z.number().int().min(1900).max(2100).optional(),
    tags: z.array(enterpriseTagSchema).max(8).default([]),
    techLoanWan: z.number().min(0).default(0),
    needs: z.array(topicName).max(20).default([]),
  })
  .superRefine((r, ctx) => {
    if (!r.local && r.parkId) ctx.addIssue({ code: 'custom', path: ['parkId'], message: 'only firms in the district (是否区内企业 = 是) have a park' });
  });
type EnterpriseImportRow = z.infer<typeof schema>;

/** 统计上大中小微型企业划分办法（2017）, industry: both employees and revenue (万元) must reach a tier. */
export function sizeFromFigures(employees: number, revenueWan: number): EnterpriseSize {
  if (employees >= 1000 && revenueWan >= 40_000) return 'large';
  if (employees >= 300 && revenueWan >= 2_000) return 'medium';
  if (employees >= 20 && revenueWan >= 300) return 'small';
  return 'micro';
}

type FirmSegment = { segmentId: string; chainId: string; inferred: boolean; confidence: number };

/**
 * The segments of each firm: those its row names; else those it already has in the graph (kept, so
 * a second import of the same file changes nothing); else the classifier's suggestion, if confident.
 */
async function firmSegments(rows: Numbered<EnterpriseImportRow>[], { graph, knowledge, onProgress }: ImportContext) {
  const ids = rows.map((r) => r.data.id);
  const named = await graph.query<{ id: string; chainId: string }>('UNWIND $ids AS id MATCH (s:Segment {id: id}) RETURN s.id AS id, s.chainId AS chainId', {
    ids: [...new Set(rows.flatMap((r) => r.data.segmentIds))],
  });
  const chainOfSegment = new Map(named.map((s) => [s.id, s.chainId]));
  const held = await graph.query<FirmSegment & { firm: string }>(
    `UNWIND $ids AS id MATCH (e:Enterprise {id: id})-[r:IN_SEGMENT]->(s:Segment)
     RETURN e.id AS firm, s.id AS segmentId, s.chainId AS chainId, coalesce(r.inferred, false) AS inferred, coalesce(r.confidence, 1.0) AS confidence`,
    { ids: rows.filter((r) => r.data.segmentIds.length === 0).map((r) => r.data.id) },
  );
  const segmentsOf = new Map<string, FirmSegment[]>();
  for (const { data: d } of rows) {
    if (d.segmentIds.length > 0)
      segmentsOf.set(
        d.id,
        d.segmentIds.map((s) => ({ segmentId: s, chainId: chainOfSegment.get(s)!, inferred: false, confidence: 1 })),
      );
  }
  for (const h of held) segmentsOf.set(h.firm, [...(segmentsOf.get(h.firm) ?? []), h]);

  const toClassify = rows.filter((r) => !segmentsOf.has(r.data.id) && r.data.kind === 'industrial');
  const suggested = await attachSegments(
    knowledge,
    toClassify.map(({ data: d }) => ({ id: d.id, name: d.name, products: d.products, description: d.description || d.businessScope })),
    { exclude: ids, onProgress },
  );
  for (const a of suggested.attached) segmentsOf.set(a.id, [{ segmentId: a.segmentId, chainId: a.chainId, inferred: true, confidence: a.confidence }]);
  // Reported in file order, whether suggested now or kept from an earlier import.
  const order = new Map(ids.map((id, i) => [id, i]));
  const attached: Attachment[] = [
    ...suggested.attached.map(({ id, segmentId, confidence }) => ({ id, segmentId, confidence })),
    ...held.filter((h) => h.inferred).map((h) => ({ id: h.firm, segmentId: h.segmentId, confidence: h.confidence })),
  ].sort((a, b) => order.get(a.id)! - order.get(b.id)! || a.segmentId.localeCompare(b.segmentId));
  return { segmentsOf, attached, unattached: suggested.unattached, review: suggested.review };
}

export const enterprises: TableSpec<EnterpriseImportRow> = {
  entity: 'enterprises',
  label: 'Enterprise',
  title: '企业',
  columns: enterpriseColumns,
  schema,
  key: { path: 'id', of: (r) => r.id },

  async check(rows, { graph, file }) {
    const parks = await existingIds(
      graph,
      'Park',
      rows.flatMap((r) => (r.data.parkId ? [r.data.parkId] : [])),
    );
    const segments = await existingIds(
      graph,
      'Segment',
      rows.flatMap((r) => r.data.segmentIds),
    );
    return [
      ...missingReferences(rows, 'parkId', (r) => r.parkId, parks, 'Park', file),
      ...missingReferences(rows, 'segmentIds', (r) => r.segmentIds, segments, 'Segment', file),
    ];
  },

  async build(rows, batch, ctx) {
    const { graph } = ctx;
    const { segmentsOf, attached, unattached, review } = await firmSegments(rows, ctx);

    // Products by exact name, within the chains of the firm's segments when it has any.
    const names = [...new Set(rows.flatMap((r) => r.data.products))];
    const products = await graph.query<{ name: string; id: string; chainId: string }>(
      'UNWIND $names AS name MATCH (p:Product {name: name}) RETURN name, p.id AS id, p.chainId AS chainId ORDER BY p.id',
      { names },
    );
    const productsNamed = new Map<string, { id: string; chainId: string }[]>();
    for (const p of products) productsNamed.set(p.name, [...(productsNamed.get(p.name) ?? []), p]);
    const unmatchedProducts: { id: string; products: string[] }[] = [];

    for (const { data: d } of rows) {
      const local = d.local;
      batch.node('Enterprise', {
        id: d.id,
        name: d.name,
        local,
        kind: d.kind,
        province: d.province ?? (local ? districtPlace.province : ''),
        city: d.city ?? (local ? districtPlace.city : ''),
        // Unknown figures stay null (not 0): the chain analysis estimates them from what is known.
        size: d.size ?? (d.employees !== undefined && d.revenueWan !== undefined ? sizeFromFigures(d.employees, d.revenueWan) : null),
        revenueWan: d.revenueWan ?? null,
        employees: d.employees ?? null,
        registeredCapitalWan: d.registeredCapitalWan ?? null,
        tags: [...new Set(d.tags)],
        description: d.description,
        businessScope: d.businessScope,
        foundedYear: d.foundedYear ?? null,
        techLoanWan: d.techLoanWan,
        source: 'import',
        // The firm's own product names as given, matched to the template or not: what attachment
        // learns from (a real list's products rarely match a template's names exactly).
        productNames: [...new Set(d.products)],
      });
      if (d.parkId) batch.rel('LOCATED_IN', 'Enterprise', d.id, 'Park', d.parkId);
      const segments = segmentsOf.get(d.id) ?? [];
      for (const s of segments) batch.rel('IN_SEGMENT', 'Enterprise', d.id, 'Segment', s.segmentId, { inferred: s.inferred, confidence: s.confidence });
      for (const name of d.needs) {
        batch.node('Topic', { id: topicId(name), name });
        batch.rel('NEEDS_TECH', 'Enterprise', d.id, 'Topic', topicId(name));
      }
      const chains = new Set(segments.map((s) => s.chainId));
      const unmatched: string[] = [];
      for (const name of d.products) {
        const matches = (productsNamed.get(name) ?? []).filter((p) => chains.size === 0 || chains.has(p.chainId));
        if (matches.length === 0) unmatched.push(name);
        for (const p of matches) batch.rel('MAKES', 'Enterprise', d.id, 'Product', p.id);
      }
      if (unmatched.length > 0) unmatchedProducts.push({ id: d.id, products: unmatched });
    }
    return { attached, unattached, review, unmatchedProducts };
  },
};
