import { z } from 'zod';
import { enterpriseIdField, type Column } from '../columns.ts';
import { existingIds, missingReferences } from '../references.ts';
import type { TableSpec } from '../tableSpec.ts';

export const supplyTieColumns: Column[] = [
  {
    field: 'from',
    zh: '供应方统一社会信用代码',
    type: 'text',
    required: true,
    example: '91320113MA7EXA001E',
    note: '供货企业的编号（统一社会信用代码或其他编号），须已在图中',
  },
  {
    field: 'to',
    zh: '采购方统一社会信用代码',
    type: 'text',
    required: true,
    example: '91330100MA2EXA0042',
    note: '采购企业的编号（统一社会信用代码或其他编号），须已在图中',
  },
  { field: 'sharePct', zh: '供货占比（%）', type: 'number', required: true, example: '35', note: '0–100：供应方在采购方此类采购中的份额' },
];

const schema = z
  .strictObject({ from: enterpriseIdField, to: enterpriseIdField, sharePct: z.number().min(0).max(100) })
  .refine((r) => r.from !== r.to, { path: ['to'], message: 'a firm cannot supply itself' });
type SupplyTieImportRow = z.infer<typeof schema>;

/** SUPPLIES ties between enterprises already in the graph (supplier → customer). */
export const supplyTies: TableSpec<SupplyTieImportRow> = {
  entity: 'supply-ties',
  label: null,
  title: '供应关系',
  columns: supplyTieColumns,
  schema,
  key: { path: 'to', of: (r) => `${r.from} → ${r.to}` },

  async check(rows, { graph, file }) {
    const firms = await existingIds(
      graph,
      'Enterprise',
      rows.flatMap((r) => [r.data.from, r.data.to]),
    );
    return [
      ...missingReferences(rows, 'from', (r) => r.from, firms, 'Enterprise', file),
      ...missingReferences(rows, 'to', (r) => r.to, firms, 'Enterprise', file),
    ];
  },

  async build(rows, batch) {
    for (const { data: t } of rows) batch.rel('SUPPLIES', 'Enterprise', t.from, 'Enterprise', t.to, { sharePct: t.sharePct });
    return {};
  },
};
