/**
 * Gap semantics as an officer sees them (issue 13, items 1, 2, 7), in Debian's Chromium against the
 * real API on the seed: the chain map lists gaps by their priority in 亿元 and 延链 opportunities in a
 * list of their own; a single-supplier segment's 强链 list names the dominant firm apart and never
 * offers it; modes that do not fit a segment are disabled, saying why; ranks follow the scores shown.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerRowOf } from '../../engine/index.ts';
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

  it('hands the chain on: the report downloads as a workbook that stands alone, and the brief is one click away', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="chain-report"]')]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['生物医药产业链图谱', '生物医药缺口清单', '生物医药候选企业']);
    for (const sheet of book.worksheets) {
      const header = headerRowOf(sheet);
      expect(sheet.getRow(1).getCell(1).value, sheet.name).toBe(sheet.name);
      expect(sheet.getRow(2).getCell(1).value, sheet.name).toBe('产业链：生物医药');
      expect(String(sheet.getRow(header - 2).getCell(1).value)).toMatch(/^导出时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）$/);
      expect(sheet.getRow(header).getCell(1).font?.bold, sheet.name).toBe(true);
    }
    const gaps = book.worksheets[1];
    const report = await (await fetch(`${harness.server.base}/api/v1/chains/biomed/gaps`)).json();
    expect(gaps.rowCount - headerRowOf(gaps)).toBe(report.gaps.length + report.extensions.length);
    await page.click('a[data-link="brief"]');
    await page.waitForURL(/#\/chain\/biomed\/brief$/);
    await page.goBack();
    await page.waitForSelector('.gap-list .gap-items li');
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
