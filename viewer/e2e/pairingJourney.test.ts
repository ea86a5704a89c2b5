/**
 * The school–enterprise pairing and talent journey in a real browser (Debian's Chromium driven by playwright-core)
 * against the real API over the real Neo4j with the seed. Assertions are on visible text and element
 * counts; each view is also saved as a screenshot in test-output/ for a person to look at. Each journey
 * is one `describe` over a shared page; steps run in order. The server has one write key (`e2eKey`);
 * the matches a journey records are deleted afterwards.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eKey, harnessPerFile, shot } from './browserHarness.ts';

const app = harnessPerFile();
const openApp = (hash = '') => app.openApp(hash);

describe('journey: school–enterprise pairing for a typed need, and talent for 正大天晴', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  beforeAll(async () => {
    ({ page, context, errors } = await openApp('#/pairing'));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('ranks at least 3 partners for a need in words, each naming the researcher and topic that carry it', async () => {
    await page.click('label[for="pair-kind-text"]');
    await page.fill('#pair-text', '创新药制剂工艺放大，需要高校科研单位联合攻关');
    await page.click('.pair-form button[type="submit"]');
    await page.waitForSelector('li.candidate.pair');
    const cards = page.locator('li.candidate.pair');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) {
      const card = cards.nth(i);
      expect((await card.locator('.carrier-researcher').innerText()).trim()).toMatch(/^\S+（.+）$/);
      expect((await card.locator('.carrier-topic').innerText()).trim().length).toBeGreaterThan(1);
      expect(await card.locator('.score-bar .bar-part').count()).toBeGreaterThan(0);
      expect(await card.locator('.confidence').innerText()).toMatch(/证据强度：[强中弱]/);
      expect((await card.locator('.cand-reason').innerText()).length).toBeGreaterThan(4);
    }
    expect(await page.locator('.list-meta .provider').innerText()).toMatch(/文本匹配：(词法|语义向量)/);
    expect(await page.locator('.cand-count').innerText()).toMatch(/找到 \d+ 个科研单位/);
  });

  it('shows the selected pair’s signals and explanation paths as a small graph', async () => {
    await page.waitForSelector('.col-detail svg.path-graph g.node');
    expect(await page.locator('.col-detail svg.path-graph g.node').count()).toBeGreaterThan(1);
    expect(await page.locator('.col-detail table.signals tbody tr').count()).toBe(6);
    const second = page.locator('li.candidate.pair').nth(1);
    const name = (await second.locator('.cand-name').innerText()).trim();
    await second.locator('.cand-name').click();
    await expect.poll(() => page.locator('#pair-detail-name').innerText()).toBe(name);
    await shot(page, '11-pairing-typed-need');
  });

  it('records the pair for follow-up, asking for the API key once', async () => {
    await page.click('.col-detail button.record-btn');
    await page.waitForSelector('.col-detail .api-key input[type="password"]');
    expect(await page.locator('.col-detail .record-status').innerText()).toContain('需要 API 密钥');
    await page.fill('.col-detail .api-key input[type="password"]', e2eKey);
    await page.press('.col-detail .api-key input[type="password"]', 'Enter');
    await page.waitForSelector('.col-detail .record-ok');
    expect(await page.locator('.col-detail .record-ok').innerText()).toContain('待联系');
    // the same pair again is a conflict, said plainly
    await page.locator('li.candidate.pair').nth(1).locator('.cand-name').click();
    await page.click('.col-detail button.record-btn');
    await page.waitForSelector('.col-detail .record-error');
    expect(await page.locator('.col-detail .record-error').innerText()).toContain('这一对已在跟踪中');
  });

  it('switches to English and back, keeping the results', async () => {
    const n = await page.locator('li.candidate.pair').count();
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('#pairing-tab-partners').innerText()).toBe('Partners');
    expect(await page.locator('li.candidate.pair').count()).toBe(n);
    expect(await page.locator('li.candidate.pair .carrier-key').first().innerText()).toBe('Researcher');
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('#pairing-tab-partners').innerText()).toBe('合作伙伴');
  });

  it('matches talent to 正大天晴 picked from the search box, with title, level, honours and expertise', async () => {
    await page.click('#pairing-tab-talent');
    await page.fill('#talent-enterprise', '正大天晴');
    await page.waitForSelector('#talent-enterprise-list [role="option"]');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#talent-enterprise', 'aria-activedescendant')).toBe('talent-enterprise-list-0');
    await page.keyboard.press('Enter');
    await page.waitForSelector('li.candidate.talent');
    const cards = page.locator('li.candidate.talent');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    expect(await cards.first().locator('.chip.level').innerText()).toMatch(/院士|人才|研究人员|奖/);
    expect(await cards.first().locator('.talent-meta').innerText()).toMatch(/.+ · .+/);
    expect(await page.locator('li.candidate.talent .chips.expertise li').count()).toBeGreaterThan(3);
    expect(await page.locator('.cand-count').filter({ hasText: '位人才' }).innerText()).toContain('南京正大天晴制药有限公司');
    expect(page.url()).toContain('tab=talent');
    await shot(page, '12-pairing-talent');
  });

  it('raised no script errors on the way', () => {
    expect(errors).toEqual([]);
  });
});
