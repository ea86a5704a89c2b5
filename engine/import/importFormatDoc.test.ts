import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './columns.ts';
import { tableSpecs } from './importFile.ts';
import { markdownTableRows } from '../../scripts/test/markdownTable.ts';

const doc = readFileSync(new URL('../../docs/import-format.md', import.meta.url), 'utf8');

describe('docs/import-format.md and the column lists', () => {
  it.each(Object.entries(tableSpecs))('%s: every column is documented with its field, Chinese header and required flag', (entity, spec) => {
    const section = doc.split(/^### /m).find((s) => s.startsWith(`${entity} `));
    expect(section, `a section "### ${entity} …"`).toBeDefined();
    const rows = markdownTableRows(section!);
    for (const c of spec.columns) {
      const row = rows.find((cells) => cells[0] === `\`${c.field}\``);
      expect(row, `${entity}.${c.field} documented`).toBeDefined();
      expect(row![1], `${entity}.${c.field} Chinese header`).toBe(c.zh);
      expect(row![3] === 'yes', `${entity}.${c.field} required`).toBe(c.required);
    }
  });

  it.each(Object.entries(tableSpecs))('%s: no two headers name the same column once normalised', (_entity, spec) => {
    const names = spec.columns.flatMap((c) => [...new Set([normaliseHeader(c.field), normaliseHeader(c.zh)])]);
    expect(new Set(names).size).toBe(names.length);
  });
});
