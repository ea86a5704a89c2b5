/**
 * Every view in English (issue 16 items 5 and 9): each view of viewer/e2e/everyView.ts is visited in the
 * English UI and its rendered text — the page's text, SVG labels, and the tooltip and accessible-name
 * attributes a person meets (title, aria-label, placeholder, alt) — must hold no Chinese character or
 * full-width punctuation. Exempt, and only these:
 * - text inside an element marked `translate="no"`: data as it was recorded (names of firms, people,
 *   units, parks, products and places, a description or a demand's own words); HTML's own marker for
 *   "not to be translated", set by the viewer where it renders such data (viewer/src/ui/el.ts dataText).
 *   The same strings are data where they recur on the page, in a tooltip or an accessible name;
 * - names quoted “…” inside an English sentence (the engine's English templates quote the data they name);
 * - the language switch, which names Chinese in Chinese (中文).
 * The same views are checked in zh-CN for raw codes by viewer/e2e/noRawCodes.test.ts.
 * Screenshots: test-output/english-*.png.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjk, withoutNames } from '../../scripts/test/englishText.ts';
import { outDir, shot, startHarness, wide, type Harness } from './browserHarness.ts';
import { everyView, prepareFixtures, removeFixtures } from './everyView.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
  await prepareFixtures(harness, 'en');
}, 240_000);
afterAll(async () => {
  if (harness) await removeFixtures(harness, 'en');
  await harness?.stop();
});

/** What a person reads on the page in English, data marked `translate="no"` and the language switch left out. */
async function englishText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    // data shown on the page is data wherever it recurs: in a tooltip, an accessible name, an SVG label
    const data = [...new Set([...document.querySelectorAll('[translate="no"]')].map((e) => (e.textContent ?? '').trim()))]
      .filter((d) => /[\u4e00-\u9fff]/.test(d))
      .sort((a, b) => b.length - a.length);
    copy.querySelectorAll('[translate="no"], #lang-toggle, script, style, noscript, [hidden]').forEach((e) => e.remove());
    document.body.append(copy);
    copy.style.position = 'absolute';
    copy.style.left = '-99999px';
    const lines = copy.innerText.split('\n');
    // innerText leaves out SVG text; the chain map and the explorer label with it
    copy.querySelectorAll('svg text').forEach((e) => lines.push(e.textContent ?? ''));
    for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
      copy.querySelectorAll(`[${name}]`).forEach((e) => lines.push(`@${name}: ${e.getAttribute(name)}`));
    }
    copy.remove();
    return lines.map((line) => data.reduce((rest, d) => rest.split(d).join(''), line));
  });
}

/** The lines still holding Chinese once quoted names are blanked. */
const chineseLines = (lines: string[]) => [...new Set(lines.map((l) => l.trim()).filter((l) => cjk.test(withoutNames(l))))];

describe('every view in English holds no Chinese but data', () => {
  for (const visit of everyView('en')) {
    it(
      visit.name,
      async () => {
        const { page, context, errors } = await harness.openApp('', { viewport: wide });
        // the switch both stores the choice (kept across reloads) and relabels the page already open
        await page.click('#lang-toggle');
        await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
        const found: Record<string, string[]> = {};
        try {
          await visit.run(page, harness.server.base, async (where) => {
            expect(await page.getAttribute('html', 'lang')).toBe('en');
            const lines = chineseLines(await englishText(page));
            if (lines.length) found[where] = lines;
            // the whole list, for a person fixing it (the assertion's diff is cut short)
            writeFileSync(`${outDir}english-${where}.json`, JSON.stringify(lines, null, 1));
            await shot(page, `english-${where}`);
          });
          expect(found, `Chinese on the English screen`).toEqual({});
          expect(errors.filter((e) => !/HTTP 404|status of 404/.test(e))).toEqual([]);
        } finally {
          await context.close();
        }
      },
      180_000,
    );
  }
});
