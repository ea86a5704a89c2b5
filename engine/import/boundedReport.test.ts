import { describe, expect, it } from 'vitest';
import { importLimits, problemLimits } from '../config/limits.ts';
import { parseCsv } from './csv.ts';
import { readTable } from './readTable.ts';
import { tableSpecs } from './importFile.ts';
import { validateRows } from './validateRows.ts';

/** Issue 15 F3 as the probe found it: a CSV of 10^6 columns got a 578.8 MB answer. */
describe('bounded import reports', () => {
  it('stops reading a CSV wider than the column cap, naming the record', async () => {
    const wide = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',') + '\n');
    const started = Date.now();
    const table = await readTable('csv', wide, 'wide.csv');
    expect(table.records).toEqual([]);
    expect(table.issues).toEqual([
      expect.objectContaining({
        path: '(file)',
        message: expect.stringMatching(/^not valid CSV: a record longer than 100000 characters \(at most 200 columns/),
      }),
    ]);
    expect(JSON.stringify(table.issues).length).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stops at a cell longer than the cell cap', () => {
    expect(() => parseCsv(`a,b\n1,${'x'.repeat(importLimits.maxCellChars + 1)}\n`)).toThrow(
      `field 2 is longer than ${importLimits.maxCellChars} characters (record 2`,
    );
    // Narrow lines of many columns are stopped by the column cap.
    expect(() => parseCsv(Array.from({ length: 300 }, () => 'a').join(','))).toThrow('300 fields; at most 200 columns');
    expect(parseCsv(`a\n${'x'.repeat(importLimits.maxCellChars - 10)}\n`)[1][0]).toHaveLength(importLimits.maxCellChars - 10);
  });

  it('echoes an unknown header as a short prefix and lists the known columns once', () => {
    const headers = ['id', 'name', ...Array.from({ length: 150 }, (_, i) => `未知列${i}${'长'.repeat(5000)}`)];
    const { issues } = validateRows(tableSpecs.universities, { headers, records: [], issues: [] }, 'u.csv');
    expect(issues).toHaveLength(150);
    for (const issue of issues) expect(issue.path.length).toBeLessThanOrEqual(problemLimits.maxEchoChars + 1);
    expect(issues.filter((i) => i.message.includes('the columns of'))).toHaveLength(1);
    expect(JSON.stringify(issues).length).toBeLessThan(40_000);
  });
});
