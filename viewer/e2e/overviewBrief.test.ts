/**
 * The director's brief (issue 16 item 3) in Debian's Chromium against the real API on the seed: one click
 * from the overview, the roadmap, the chain map, the ranked gaps with their figures and the first target
 * firms per gap with reasons, source and date, demo data marked; the print stylesheet hides the app's frame
 * and the page prints through Chromium's own PDF path. Screenshots at 390 and 1440 px in test-output/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainMatchEngine } from '../../engine/index.ts';
import { outDir, startHarness, shot, type Harness } from './browserHarness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('the director’s brief', () => {
  it('opens from the overview with the roadmap, the map, the ranked gaps and the target firms, in the gaps’ order', async () => {
    const { page, context, errors } = await harness.openApp('', { viewport: { width: 1440, height: 1000 } });
    try {
      await page.locator('.overview-card[data-chain-id="biomed"] a.brief-link').click();
      await page.waitForURL(/#\/chain\/biomed\/brief$/);
      await page.waitForSelector('.brief-targets .brief-target');
      expect(await page.locator('h1').textContent()).toBe('生物医药产业链招商简报');
      expect(await page.locator('.brief-source').textContent()).toMatch(/^数据来源：.*生成日期 \d{4}年\d{1,2}月\d{1,2}日$/);
      expect(await page.locator('.view-brief .overview-demo').innerText()).toContain('演示数据');
      const gaps = (await new ChainMatchEngine(harness.graph).gaps('biomed')).gaps.slice(0, 5);
      expect(await page.locator('.brief-roadmap li').evaluateAll((li) => li.map((x) => x.getAttribute('data-segment-id')))).toEqual(
        gaps.map((g) => g.segmentId),
      );
      expect(await page.locator('.gap-table tbody tr').evaluateAll((tr) => tr.map((x) => x.getAttribute('data-segment-id')))).toEqual(
        gaps.map((g) => g.segmentId),
      );
      expect(await page.locator('.gap-table tbody tr').first().innerText()).toMatch(/亿元/);
      expect(await page.locator('svg.chain-map g.segment').count()).toBe(14);
      // each gap has its first candidates, each with a score, an evidence strength in words and a reason
      const first = page.locator('.brief-target').first();
      expect(await first.locator('.brief-candidate').count()).toBeGreaterThan(0);
      expect(await first.locator('.brief-candidate').first().innerText()).toMatch(/得分 \d\.\d\d · 证据强度 [强中弱]/);
      expect((await first.locator('.brief-reason').first().innerText()).length).toBeGreaterThan(4);
      await shot(page, 'brief-1440', true);

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-header').isVisible()).toBe(false);
      expect(await page.locator('#brief-print').isVisible()).toBe(false);
      const pdf = await page.pdf({ path: `${outDir}brief-biomed.pdf`, format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits 390 px without sideways scroll', async () => {
    const { page, context, errors } = await harness.openApp('#/chain/ai/brief', { viewport: { width: 390, height: 844 } });
    try {
      await page.waitForSelector('.brief-targets .brief-target');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await shot(page, 'brief-390');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
