/**
 * Gap semantics as an officer sees them (issue 13, items 1, 2, 7), in Debian's Chromium against the
 * real API on the seed: the chain map lists gaps by their priority in 亿元 and 延链 opportunities in a
 * list of their own; a single-supplier segment's 强链 list names the dominant firm apart and never
 * offers it; modes that do not fit a segment are disabled, saying why; ranks follow the scores shown.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, wide, type Harness } from './browserHarness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('journey: gaps and 延链 apart → the planted single-supplier segment → 强链 without its dominant firm', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  beforeAll(async () => {
    ({ page, context, errors } = await harness.openApp('#/chain/biomed', { viewport: wide }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('lists gaps by priority in 亿元, and the 延链 opportunity 医疗服务 only in its own list', async () => {
    await page.waitForSelector('.gap-list .gap-items li');
    const report = await (await fetch(`${harness.server.base}/api/v1/chains/biomed/gaps`)).json();
    const gapItems = page.locator('.gap-list > ol.gap-items > li');
    expect(await gapItems.count()).toBe(report.gaps.length);
    const gapTexts = await gapItems.allInnerTexts();
    // Same order as the API's ranking, each with its amount and what it measures.
    report.gaps.forEach((g: { name: string; priorityBasis: string }, i: number) => {
      expect(gapTexts[i]).toContain(g.name.slice(0, 4));
      expect(gapTexts[i]).toMatch(g.priorityBasis === 'unmetDemand' ? /亿元（未满足的本地需求）/ : /亿元（受影响的本地需求）/);
    });
    expect(await page.locator('#extension-list-title').innerText()).toContain('延链机会');
    const extensionTexts = await page.locator('.extension-list li').allInnerTexts();
    expect(extensionTexts.some((x) => x.includes('医疗服务') && x.includes('相邻的本地产出'))).toBe(true);
    expect(gapTexts.some((x) => x.includes('医疗服务'))).toBe(false);
    await shot(page, 'gap-lists');
  });

  it('opens 药用辅料与包材: 强链 is the only mode that fits, the dominant firm is named apart and not listed', async () => {
    await page.goto(`${harness.server.base}/#/chain/biomed/segment/biomed.excipient`);
    await page.waitForSelector('li.candidate');
    expect(await page.locator('#mode-strengthen').isChecked()).toBe(true);
    expect(await page.locator('#mode-fill').isDisabled()).toBe(true);
    expect(await page.locator('.mode-option.unfit').first().getAttribute('title')).toContain('此环节不适用');
    const dominant = page.locator('.dominant-firm');
    expect(await dominant.count()).toBe(1);
    expect(await dominant.innerText()).toMatch(/占本环节本地产能 \d+%.*不列为强链候选/);
    const dominantId = await dominant.getAttribute('data-id');
    const listed = await page.locator('li.candidate').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(listed).not.toContain(dominantId);
    const scores = (await page.locator('li.candidate .cand-score').allInnerTexts()).map(Number);
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]).toBeGreaterThanOrEqual(scores[i]);
    await shot(page, 'strengthen-dominant-firm');
  });

  it('raised no script errors on the way', () => {
    expect(errors).toEqual([]);
  });
});
