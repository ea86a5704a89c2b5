/**
 * Focus follows what opens (issue 16 item 8), on a phone-width screen where a lost focus costs the
 * most scrolling: Enter on a chain-map segment lands on the segment's heading, picking a candidate
 * lands on its detail panel, and opening a search result in the explorer lands on its details.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './browserHarness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const focused = (page: Page) =>
  page.evaluate(() => ({
    id: document.activeElement?.id ?? '',
    tag: document.activeElement?.tagName ?? '',
    text: (document.activeElement as HTMLElement | null)?.innerText ?? '',
  }));

describe('keyboard focus moves to the opened panel', () => {
  it('Enter on a chain-map segment → the segment heading; Enter on a candidate → its detail heading', async () => {
    const { page, context, errors } = await harness.openApp('#/chain/biomed', { viewport: { width: 390, height: 844 } });
    try {
      await page.waitForSelector('svg.chain-map g.segment[data-segment-id="biomed.cdmo"]');
      await page.focus('svg.chain-map g.segment[data-segment-id="biomed.cdmo"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('li.candidate');
      await expect.poll(() => focused(page)).toMatchObject({ id: 'view-title', tag: 'H1' });
      expect((await focused(page)).text).toContain('合同研发生产');
      const second = page.locator('li.candidate .cand-name').nth(1);
      const name = (await second.innerText()).trim();
      await second.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ id: 'detail-name', tag: 'H2' });
      expect((await focused(page)).text).toContain(name);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('Enter on an explorer search result → the entity’s details heading', async () => {
    const { page, context, errors } = await harness.openApp('#/explore?q=正大天晴', { viewport: { width: 390, height: 844 } });
    try {
      // The neighbourhood comes after the details (as on a busy server): the details redraw then, and focus must stay on their heading.
      await page.route('**/neighbourhood**', async (route) => {
        await new Promise((r) => setTimeout(r, 1_500));
        await route.continue();
      });
      await page.waitForSelector('.result-group[data-type="Enterprise"] button.result');
      await page.focus('.result-group[data-type="Enterprise"] button.result');
      const hood = page.waitForResponse((r) => r.url().includes('/neighbourhood'), { timeout: 30_000 });
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page), { timeout: 15_000 }).toMatchObject({ id: 'ex-detail-name', tag: 'H3' });
      await hood;
      await page.waitForTimeout(500); // the redraw that follows it
      expect(await focused(page)).toMatchObject({ id: 'ex-detail-name', tag: 'H3' });
      expect((await focused(page)).text).toContain('正大天晴');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
