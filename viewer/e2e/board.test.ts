/**
 * Park staff's board and signing in once (issue 16 items 6 and 7), in Debian's Chromium against the
 * real API on the seed: sign in (a bad key is refused in words), the sign-in holds in a second tab,
 * create an offer (a bad field shows the API's message beside it), edit it, be told when someone else
 * changed it meanwhile (412), close it, the exact counts follow, and signing out leaves every tab.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eKey, shot, startHarness, type Harness } from './browserHarness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const desktop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
/** "共 N 条 · 显示 1–20" → N. */
const totalOf = (text: string) => Number(/共 (\d+) 条/.exec(text)?.[1] ?? (text.includes('共 0 条') ? 0 : NaN));

describe('journey: sign in → create an offer (a bad field first) → edit → stale edit → close → counts → sign out', () => {
  let page: Page;
  let other: Page;
  let context: BrowserContext;
  let errors: string[];
  let parkId: string;
  let createdId: string | undefined;
  const title = `看板测试厂房 ${Date.now() % 100000}`;
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${harness.server.base}/api/v1${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e2eKey}`, ...(init.headers ?? {}) },
    });
  const offersCount = async (p: Page) => totalOf(await p.locator('#res-panel-offers .board-count').innerText());

  beforeAll(async () => {
    const sites = await (await fetch(`${harness.server.base}/api/v1/offers?kind=site&limit=1`)).json();
    parkId = sites.items[0].parkId;
    ({ page, context, errors } = await harness.openApp('#/resources', { viewport: desktop }));
  });
  afterAll(async () => {
    if (createdId) await api(`/offers/${encodeURIComponent(createdId)}`, { method: 'DELETE' });
    await context?.close();
  });

  it('refuses a bad key in words, then signs in once and shows who, in this tab and a new one', async () => {
    await page.click('#sign-in-toggle');
    await page.fill('#sign-in-key', 'not-the-key');
    await page.click('#sign-in-submit');
    await page.waitForSelector('#sign-in-error:not(:empty)');
    expect(await page.locator('#sign-in-error').innerText()).toContain('密钥无效');
    await page.fill('#sign-in-key', e2eKey);
    await page.click('#sign-in-submit');
    await page.waitForSelector('#signed-in-as');
    expect(await page.locator('#signed-in-as').innerText()).toBe('已登录：e2e');
    expect(await page.locator('.board-sign-in').isHidden()).toBe(true);
    other = await context.newPage();
    await other.goto(`${harness.server.base}/#/resources`);
    await other.waitForSelector('#signed-in-as');
    expect(await other.locator('#signed-in-as').innerText()).toBe('已登录：e2e');
  });

  it('creates an offer: a bad field shows the API’s message beside it, the count grows by one', async () => {
    await page.click('#res-tab-offers');
    await page.waitForSelector('#res-panel-offers .board-count');
    const before = await offersCount(page);
    expect(before).toBeGreaterThan(20);
    expect(await page.locator('#res-panel-offers .board-count').innerText()).toMatch(/^共 \d+ 条 · 显示 1–20$/);
    await page.click('#board-new');
    await page.selectOption('#board-kind', 'site');
    await page.fill('#board-ownerId', parkId);
    await page.fill('#board-title', title);
    await page.fill('#board-areaM2', '-5');
    await page.fill('#board-parkId', parkId);
    await page.click('#board-save');
    await page.waitForSelector('#board-areaM2-error:not(:empty)');
    expect(await page.locator('#board-areaM2[aria-invalid="true"]').count()).toBe(1);
    expect(await page.locator('.board-message').innerText()).toContain('有字段未通过校验');
    expect(await page.locator('#board-title-error').innerText()).toBe('');
    await shot(page, 'board-invalid-1440');
    await page.fill('#board-areaM2', '1200');
    await page.click('#board-save');
    await page.waitForFunction(() => document.querySelector('.board-flash')?.textContent?.includes('已创建'));
    await page.waitForFunction(
      (n) => /共 (\d+) 条/.exec(document.querySelector('#res-panel-offers .board-count')?.textContent ?? '')?.[1] === String(n),
      before + 1,
    );
    const list = await (await api('/offers?limit=500')).json();
    createdId = list.items.find((o: { title: string }) => o.title === title)?.id;
    expect(createdId).toBeTruthy();
  });

  it('finds it by search with an exact count, edits it, and says so when someone else changed it meanwhile', async () => {
    await page.fill('#board-search', '看板测试厂房');
    await page.waitForFunction(() => document.querySelector('#res-panel-offers .board-count')?.textContent === '共 1 条 · 显示 1–1');
    const item = page.locator(`#res-panel-offers li.res-item[data-id="${createdId}"]`);
    await item.locator('.res-edit').click();
    await page.fill('#board-price', '30');
    await page.click('#board-save');
    await page.waitForFunction(() => document.querySelector('.board-flash')?.textContent?.includes('已保存'));
    await page.waitForFunction((id) => document.querySelector(`#res-panel-offers li.res-item[data-id="${id}"]`)?.textContent?.includes('价格 30'), createdId);
    // open the form, then someone else writes the record: the save is refused as stale, in words
    await item.locator('.res-edit').click();
    const current = await api(`/offers/${encodeURIComponent(createdId!)}`);
    expect(
      (
        await api(`/offers/${encodeURIComponent(createdId!)}`, {
          method: 'PATCH',
          headers: { 'If-Match': current.headers.get('etag')! },
          body: JSON.stringify({ price: 31 }),
        })
      ).status,
    ).toBe(200);
    await page.fill('#board-price', '29');
    await page.click('#board-save');
    await page.waitForFunction(() => document.querySelector('.board-message')?.textContent?.includes('有人修改了这条记录'));
    await shot(page, 'board-stale-1440');
    await page.click('.board-actions .btn:not(.primary)');
    const stored = await (await api(`/offers/${encodeURIComponent(createdId!)}`)).json();
    expect(stored.price).toBe(31);
  });

  it('says in words when the key may not change a record it does not own (403)', async () => {
    // a seeded offer has no owner, so only an admin may change it; the e2e key writes but is no admin
    await page.fill('#board-search', '');
    const seeded = page.locator('#res-panel-offers li.res-item').filter({ hasNotText: '看板测试厂房' }).first();
    await seeded.locator('.res-edit').click();
    await page.fill('#board-title', '不该被保存的名称');
    await page.click('#board-save');
    await page.waitForFunction(() => document.querySelector('.board-message')?.textContent?.includes('无权修改这条记录'));
    await page.click('.board-actions .btn:not(.primary)');
    const id = await seeded.getAttribute('data-id');
    expect((await (await api(`/offers/${encodeURIComponent(id!)}`)).json()).title).not.toBe('不该被保存的名称');
  });

  it('closes it: gone from the open list (count back), found under 已关闭', async () => {
    await page.fill('#board-search', '');
    await page.waitForFunction(() => /共 \d+ 条 · 显示 1–20/.test(document.querySelector('#res-panel-offers .board-count')?.textContent ?? ''));
    const withIt = await offersCount(page);
    await page.fill('#board-search', '看板测试厂房');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator(`#res-panel-offers li.res-item[data-id="${createdId}"] .res-close`).click();
    await page.waitForFunction(() => document.querySelector('.board-flash')?.textContent?.includes('已关闭'));
    await page.waitForFunction(() => document.querySelector('#res-panel-offers .board-count')?.textContent === '共 0 条');
    await page.fill('#board-search', '');
    await page.waitForFunction(
      (n) => /共 (\d+) 条/.exec(document.querySelector('#res-panel-offers .board-count')?.textContent ?? '')?.[1] === String(n),
      withIt - 1,
    );
    await page.selectOption('#board-status', 'closed');
    await page.fill('#board-search', '看板测试厂房');
    await page.waitForSelector(`#res-panel-offers li.res-item[data-id="${createdId}"]`);
    expect(await page.locator(`#res-panel-offers li.res-item[data-id="${createdId}"] .res-status`).innerText()).toBe('已关闭');
    expect(await page.locator('#res-tab-offers').innerText()).toMatch(/^供给（\d+）$/);
    await shot(page, 'board-1440');
  });

  it('fits a phone at 390 px', async () => {
    await page.setViewportSize(phone);
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await shot(page, 'board-390', true);
    await page.setViewportSize(desktop);
  });

  it('says the same in English', async () => {
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('#signed-in-as').innerText()).toBe('Signed in as e2e');
    expect(await page.locator('#board-new').innerText()).toBe('New offer');
    expect(await page.locator('#res-panel-offers .board-count').innerText()).toBe('1 in all · showing 1–1');
    expect(await page.locator(`#res-panel-offers li.res-item[data-id="${createdId}"] .res-status`).innerText()).toBe('closed');
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('#signed-in-as').innerText()).toBe('已登录：e2e');
  });

  it('signs out in every tab', async () => {
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in-toggle');
    await other.waitForSelector('#sign-in-toggle');
    expect(await other.locator('#signed-in-as').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('chainmatch.session'))).toBeNull();
    expect(errors).toEqual([]);
  });
});
