/**
 * Journey (issue 13 item 5): a nonsense need gets a plain "没有相关的科研单位" with its reason, not ten
 * weak guesses; a real need gets units whose cards show the words of the need that matched.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, type Harness } from './browserHarness.ts';

describe('pairing answers only what is relevant (Chromium)', () => {
  let harness: Harness;
  let page: Page;
  let context: BrowserContext;
  let errors: string[];

  beforeAll(async () => {
    harness = await startHarness();
    ({ page, context, errors } = await harness.openApp('#/pairing'));
    await page.waitForSelector('.pair-form');
  });
  afterAll(async () => {
    await context?.close();
    await harness?.stop();
  });

  const ask = async (text: string) => {
    await page.click('label[for="pair-kind-text"]');
    await page.fill('#pair-text', text);
    await page.click('.pair-form button[type="submit"]');
  };

  it('says plainly that nothing is relevant for nonsense, with the reason', async () => {
    await ask('asdfgh 火星咖啡');
    await page.waitForSelector('.no-match');
    expect(await page.locator('.no-match .state-title').innerText()).toBe('没有相关的科研单位');
    expect(await page.locator('.no-match .no-match-reason').innerText()).toMatch(/最高相关度 0\.\d\d，低于阈值 0\.\d\d/);
    expect(await page.locator('li.candidate.pair').count()).toBe(0);
    expect(await page.locator('.cand-count').innerText()).toMatch(/找到 0 个科研单位/);
    await shot(page, 'pairing-no-match');
  });

  it('shows, for a real need, the words of the need that matched each unit and the demo badge', async () => {
    const need = '创新药制剂工艺放大，需要高校科研单位联合攻关';
    await ask(need);
    await page.waitForSelector('li.candidate.pair .matched-term');
    const cards = page.locator('li.candidate.pair');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) {
      const terms = await cards.nth(i).locator('.matched-term').allInnerTexts();
      expect(terms.length).toBeGreaterThan(0);
      for (const term of terms) expect(need).toContain(term.trim());
    }
    expect(await page.locator('li.candidate.pair .demo-badge').count()).toBeGreaterThan(0);
    expect(await page.locator('.no-match').count()).toBe(0);
    await shot(page, 'pairing-matched-terms');
  });

  it('says so for talent too, in Chinese and in English', async () => {
    await page.click('#pairing-tab-talent');
    await page.click('label[for="talent-kind-text"]');
    await page.fill('#talent-text', '今天天气很好');
    await page.click('#pairing-panel-talent .pair-form button[type="submit"]');
    const state = page.locator('#pairing-panel-talent .no-match');
    await state.waitFor();
    expect(await state.locator('.state-title').innerText()).toBe('没有相关的人才');
    await page.click('#lang-toggle');
    await expect.poll(() => state.locator('.state-title').innerText()).toBe('No relevant talent');
    expect(await state.locator('.no-match-reason').innerText()).toMatch(/best relevance is 0\.\d\d, below the threshold 0\.\d\d/);
    await page.click('#lang-toggle');
    expect(errors).toEqual([]);
  });
});
