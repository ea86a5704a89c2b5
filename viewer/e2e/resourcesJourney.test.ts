/**
 * The resources journey (board, per-demand matches, global assignment, match tracking) in a real browser (Debian's Chromium driven by playwright-core)
 * against the real API over the real Neo4j with the seed. Assertions are on visible text and element
 * counts; each view is also saved as a screenshot in test-output/ for a person to look at. Each journey
 * is one `describe` over a shared page; steps run in order. The server has one write key (`e2eKey`);
 * the matches a journey records are deleted afterwards.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eKey, harnessPerFile, shot, viewport, wide } from './browserHarness.ts';

const app = harnessPerFile();
const openApp = (hash = '') => app.openApp(hash);

describe('journey: resources board → per-demand matches → global assignment with the unmet demands → match tracking', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  beforeAll(async () => {
    ({ page, context, errors } = await openApp('#/resources'));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('lists open demands and offers', async () => {
    await page.waitForSelector('#res-panel-demands .res-item');
    expect(await page.locator('#res-panel-demands .res-item').count()).toBeGreaterThan(10);
    expect(await page.locator('#res-tab-demands').innerText()).toMatch(/开放需求（\d+\+?）/);
    await page.click('#res-tab-offers');
    await page.waitForSelector('#res-panel-offers .res-item');
    expect(await page.locator('#res-panel-offers .res-item').count()).toBeGreaterThan(10);
    await page.click('#res-tab-demands');
  });

  it('ranks the offers that can meet a demand, with reasons and the constraints that excluded the rest', async () => {
    await page.locator('#res-panel-demands .res-item button.res-title').first().click();
    await page.waitForSelector('.res-matches li.res-match');
    expect(await page.locator('.res-matches li.res-match').count()).toBeGreaterThan(0);
    expect(await page.locator('.res-matches .res-counts').innerText()).toMatch(/满足全部硬约束/);
    expect((await page.locator('.res-matches li.res-match .cand-reason').first().innerText()).length).toBeGreaterThan(4);
    await shot(page, '13-resources-board');
  });

  it('runs the global assignment: a result table, and the unmet demands highlighted with the constraint that excluded every offer', async () => {
    await page.click('#run-assign');
    await page.waitForSelector('.unmet-row', { timeout: 60_000 });
    expect(await page.locator('.assign-table tbody tr').count()).toBeGreaterThan(10);
    const unmet = page.locator('.unmet-row');
    expect(await unmet.count()).toBeGreaterThanOrEqual(1);
    const planted = unmet.filter({ hasText: '大型GMP原料药生产基地' });
    expect(await planted.count()).toBe(1);
    expect(await planted.locator('.constraint.excludes-all').innerText()).toContain('面积不足');
    expect(await page.locator('#unmet-title').innerText()).toMatch(/无法满足的需求（\d+）/);
    // the list marks the same demand
    expect(await page.locator('#res-panel-demands .res-item.is-unmet').count()).toBeGreaterThanOrEqual(1);
    await page.locator('.unmet-section').scrollIntoViewIfNeeded();
    await shot(page, '13b-resources-assignment-unmet');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="unmet-csv"]')]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });

  it('opens the unmet demand from the table and says why nothing fits it', async () => {
    await page.locator('.unmet-row').filter({ hasText: '大型GMP原料药生产基地' }).locator('button.link-btn').click();
    await page.waitForSelector('.res-matches .unmet-block');
    expect(await page.locator('.res-matches .unmet-block').innerText()).toContain('面积不足');
    await page.setViewportSize(wide);
    await shot(page, '13c-resources-1920');
    await page.setViewportSize(viewport);
  });

  it('records a resource match and follows it up in match tracking, with a 409 shown plainly', async () => {
    await page.locator('.assign-table tbody tr').first().locator('button.record-btn').click();
    await page.fill('.assign-table .api-key input[type="password"]', e2eKey);
    await page.press('.assign-table .api-key input[type="password"]', 'Enter');
    await page.waitForSelector('.assign-table .record-ok');
    const offer = (await page.locator('.assign-table tbody tr').first().locator('td').nth(1).innerText()).trim();

    await page.goto(`${app.server.base}/#/matches`);
    await page.waitForSelector('.column-proposed .match-card');
    expect(await page.locator('.key-panel').innerText()).toContain('API 密钥已设置'); // entered once, for the browser session
    const card = page.locator('.column-proposed .match-card').filter({ hasText: offer });
    expect(await card.count()).toBe(1);
    await card.locator('textarea').fill('已电话联系园区招商部');
    await card.locator('button[data-to="contacted"]').click();
    await page.waitForSelector('.match-ok');
    const moved = page.locator('.column-contacted .match-card').filter({ hasText: offer });
    await expect.poll(() => moved.count()).toBe(1);
    await moved.locator('.match-history summary').click();
    expect(await moved.locator('.match-history').innerText()).toContain('已电话联系园区招商部');

    // someone else agrees it meanwhile; this page still offers "decline" → 409, said plainly, list reloaded
    const id = (await moved.getAttribute('data-id'))!;
    const r = await fetch(`${app.server.base}/api/v1/matches/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e2eKey}` },
      body: JSON.stringify({ status: 'agreed' }),
    });
    expect(r.status).toBe(200);
    await moved.locator('button[data-to="declined"]').click();
    await page.waitForSelector('.match-message .record-error');
    expect(await page.locator('.match-message').innerText()).toContain('409');
    await expect.poll(() => page.locator('.column-agreed .match-card').filter({ hasText: offer }).count()).toBe(1);
    expect(await page.locator('.stat-card').count()).toBeGreaterThanOrEqual(1);
    await page.locator('.view-head').scrollIntoViewIfNeeded();
    await shot(page, '14-matches-pipeline-409');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="xlsx"]')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('raised no script errors on the way', () => {
    expect(errors.filter((e) => !/409|Conflict/.test(e))).toEqual([]);
  });
});
