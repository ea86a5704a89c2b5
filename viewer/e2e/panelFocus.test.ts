/**
 * Focus follows what opens in the pairing and resources views (issue 16 item 8), as it already does in
 * the chain map, the segment page and the explorer (responsiveFocus.test.ts): picking a result from a
 * list moves keyboard focus to the heading of the panel it opens, and Escape in that panel brings focus
 * back to the item that opened it. Checked on document.activeElement at phone width, where a lost focus
 * costs the most.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, type Harness } from './browserHarness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const phone = { width: 390, height: 844 };
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    return { id: a?.id ?? '', tag: a?.tagName ?? '', text: (a?.innerText ?? '').trim(), cls: a?.className ?? '' };
  });

describe('keyboard focus moves to the opened panel and back', () => {
  it('pairing: Enter on a ranked pair → its detail heading; Escape → back on that pair', async () => {
    const { page, context, errors } = await harness.openApp('#/pairing', { viewport: phone });
    try {
      await page.waitForSelector('.pair-form');
      await page.click('label[for="pair-kind-text"]');
      await page.fill('#pair-text', '创新药制剂工艺放大，需要高校科研单位联合攻关');
      await page.click('.pair-form button[type="submit"]');
      await page.waitForSelector('li.candidate.pair');
      const second = page.locator('li.candidate.pair').nth(1).locator('.cand-name');
      const name = (await second.innerText()).trim();
      await second.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ id: 'pair-detail-name', tag: 'H2', text: name });
      await shot(page, 'focus-pairing-detail-390');
      await page.keyboard.press('Escape');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', cls: 'cand-name', text: name });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('resources: Enter on a demand → the matches panel heading, kept after the matches load; Escape → back on the demand', async () => {
    const { page, context, errors } = await harness.openApp('#/resources', { viewport: phone });
    try {
      await page.waitForSelector('#res-panel-demands .res-item button.res-title');
      const title = page.locator('#res-panel-demands .res-item button.res-title').first();
      const text = (await title.innerText()).trim();
      await title.focus();
      await page.keyboard.press('Enter');
      await page.waitForSelector('.res-matches li.res-match, .res-matches .unmet-block');
      await expect.poll(() => focused(page)).toMatchObject({ id: 'res-match-title', tag: 'H2' });
      await shot(page, 'focus-resources-matches-390');
      await page.keyboard.press('Escape');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', text });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
