import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseHeader } from './columns.ts';
import { tableSpecs } from './importFile.ts';

const doc = readFileSync(new URL('../../docs/import-format.md', import.meta.url), 'utf8');

describe('docs/import-format.md and the column lists', () => {
  it.each(Object.entries(tableSpecs))('%s: every column is documented with its field, Chinese header and required flag', (entity, spec) => {
    const section = doc.split(/^### /m).find((s) => s.startsWith(`${entity} `));
    expect(section, `a section "### ${entity} …"`).toBeDefined();
    for (const c of spec.columns) {
      expect(section).toContain(`| \`${c.field}\` | ${c.zh} |`);
      const row = section!.split('\n').find((l) => l.startsWith(`| \`${c.field}\` |`))!;
      expect(row.split('|')[4].trim() === 'yes', `${entity}.${c.field} required`).toBe(c.required);
    }
  });

  it.each(Object.entries(tableSpecs))('%s: no two headers name the same column once normalised', (_entity, spec) => {
    const names = spec.columns.flatMap((c) => [...new Set([normaliseHeader(c.field), normaliseHeader(c.zh)])]);
    expect(new Set(names).size).toBe(names.length);
  });
});
