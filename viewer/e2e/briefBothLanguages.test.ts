/**
 * The director's brief (issue 16 items 3 and 9) read as the director reads it: the PDF that Chromium's
 * print path makes is opened with pdf.js and its text checked (title, section headings, the gap table's
 * header and one row per gap, demo data marked), in Chinese and in English; the English page holds no
 * Chinese outside firm names (data, shown as the data has them).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainMatchEngine, type Graph } from '../../engine/index.ts';
import { cjk, withoutNames } from '../../scripts/test/englishText.ts';
import { pdfText } from '../../scripts/test/pdfText.ts';
import { outDir, startHarness, type Harness } from './browserHarness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

/** What the printed brief must carry, read from the page itself: title, headings, table header, gap rows. */
async function printedParts(page: Page) {
  return {
    title: (await page.locator('h1').innerText()).trim(),
    headings: (await page.locator('.view-brief h2').allInnerTexts()).map((h) => h.trim()),
    header: (await page.locator('.gap-table thead th').allInnerTexts()).map((h) => h.trim()),
    gapNames: await page.locator('.gap-table tbody tr td:nth-child(2)').allInnerTexts(),
    demo: (await page.locator('.view-brief .overview-demo').innerText()).trim(),
  };
}

/** The PDF's text with the line breaks and spaces pdf.js puts where the layout wrapped, taken out. */
async function printAndRead(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ path: `${outDir}${name}.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  return (await pdfText(pdf)).join('\n').replace(/\s+/g, '');
}
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function gapsOf(graph: Graph, chainId: string) {
  return (await new ChainMatchEngine(graph).gaps(chainId)).gaps.slice(0, 5);
}

describe('the director’s brief as printed, in both languages', () => {
  it('prints the title, sections, gap table header and one row per gap, in Chinese then in English', async () => {
    const { page, context, errors } = await harness.openApp('#/chain/biomed/brief', { viewport: { width: 1440, height: 1000 } });
    try {
      await page.waitForSelector('.brief-targets .brief-target');
      const gaps = await gapsOf(harness.graph, 'biomed');
      expect(gaps.length).toBeGreaterThan(0);

      const zh = await printedParts(page);
      expect(zh.title).toBe('生物医药产业链招商简报');
      expect(zh.gapNames).toEqual(gaps.map((g) => g.name));
      const zhPdf = await printAndRead(page, 'brief-biomed-zh');
      for (const text of [zh.title, ...zh.headings, ...zh.header, ...zh.gapNames, '演示数据']) expect(zhPdf).toContain(squeeze(text));

      await page.click('#lang-toggle');
      await expect.poll(() => page.locator('h1').innerText()).not.toBe(zh.title);
      await page.waitForSelector('.brief-targets .brief-target');
      const en = await printedParts(page);
      expect(en.title).toMatch(/brief for the director/);
      expect(en.header).toHaveLength(zh.header.length);
      expect(en.gapNames).toHaveLength(gaps.length);
      for (const text of [en.title, ...en.headings, ...en.header, en.demo]) expect(text, text).not.toMatch(cjk);
      // Every word on the page but firm names (data) is English: firm names are blanked before the check.
      const pageText = await page.locator('.view-brief').evaluate((root) => {
        const copy = root.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.brief-candidate > strong').forEach((n) => n.remove());
        return copy.innerText;
      });
      const firms = (await page.locator('.brief-candidate > strong').allInnerTexts()).map((n) => n.trim());
      let rest = withoutNames(pageText);
      for (const firm of firms.sort((a, b) => b.length - a.length)) rest = rest.split(firm).join('');
      expect(rest.split('\n').filter((line) => cjk.test(line))).toEqual([]);
      const enPdf = await printAndRead(page, 'brief-biomed-en');
      for (const text of [en.title, ...en.headings, ...en.header, ...en.gapNames]) expect(enPdf).toContain(squeeze(text));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
