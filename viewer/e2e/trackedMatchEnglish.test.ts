/**
 * A tracked match in the user's language (issue 16 item 5): a 补链 candidate recorded from its panel
 * keeps its reason as messages, so its card on the tracking board reads in English in the English UI
 * (only names, quoted, stay Chinese), and the board's export downloaded in English has English headers
 * and the same English reason. Screenshot: test-output/matches-card-en.png.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eKey, shot, startHarness, type Harness } from './browserHarness.ts';
import { cjk, withoutNames } from '../../scripts/test/englishText.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 240_000);
afterAll(async () => {
  await harness?.stop();
});

describe('a tracked match in English', () => {
  it('records a candidate, shows its card’s reason in English, and exports the board in English', async () => {
    const { page, context, errors } = await harness.openApp('#/chain/biomed/segment/biomed.cdmo', { viewport: { width: 1440, height: 900 } });
    try {
      // The last candidate listed: other journeys record the first ones.
      await page.waitForSelector('li.candidate .cand-name');
      await page.locator('li.candidate .cand-name').last().click();
      await page.click('.candidate-detail button.record-btn');
      await page.fill('.candidate-detail .api-key input[type="password"]', e2eKey);
      await page.press('.candidate-detail .api-key input[type="password"]', 'Enter');
      await page.waitForSelector('.candidate-detail .record-ok');
      await page.click('.candidate-detail .record-ok a');

      const card = page.locator('.match-card.focused');
      await card.waitFor();
      expect(await card.locator('.cand-reason').innerText()).toMatch(/^属于「/);
      await page.click('#lang-toggle');
      await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
      await expect.poll(() => card.locator('.cand-reason').innerText(), { timeout: 15_000 }).toMatch(/^in the segment “/);
      const reason = await card.locator('.cand-reason').innerText();
      expect(withoutNames(reason), reason).not.toMatch(cjk);
      await shot(page, 'matches-card-en');

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="csv"]')]);
      const rows = parse(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      const at = rows.findIndex((r) => r[0] === 'Id');
      expect(at).toBeGreaterThanOrEqual(0);
      const header = rows[at]!;
      expect(header).toEqual(expect.arrayContaining(['Kind', 'Status', 'Recommended', 'Reason']));
      const id = await card.getAttribute('data-id');
      const row = rows.slice(at + 1).find((r) => r[0] === id)!;
      expect(row[header.indexOf('Status')]).toBe('Proposed');
      expect(row[header.indexOf('Reason')]).toBe(reason);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
