/**
 * Every view from a phone to a wall screen (issue 16 item 8): each view is opened at 390, 1440, 1920
 * and 2560 px in Debian's Chromium against the real API on the seed, saved as a screenshot in
 * test-output/ (`responsive-<view>-<width>.png`); at 390 px the page itself must not scroll
 * sideways (wide tables and the map scroll inside their own box), and from 1920 px the view spans
 * the width rather than a centred strip.
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

/** Each view with what shows it has loaded (and, for the explorer, the step that opens a node). */
const views: { name: string; hash: string; ready: string; open?: (page: Page) => Promise<void> }[] = [
  { name: 'overview', hash: '#/', ready: '.overview-card' },
  { name: 'chains', hash: '#/chain', ready: '#chain-select' },
  { name: 'chain-map', hash: '#/chain/biomed', ready: 'svg.chain-map g.segment' },
  { name: 'brief', hash: '#/chain/biomed/brief', ready: '.view-brief .brief-section' },
  { name: 'segment', hash: '#/chain/biomed/segment/biomed.cdmo', ready: 'li.candidate' },
  { name: 'pairing', hash: '#/pairing', ready: '.pair-form' },
  { name: 'talent', hash: '#/pairing?tab=talent', ready: '#talent-enterprise' },
  { name: 'resources', hash: '#/resources', ready: '#res-panel-demands .res-item' },
  { name: 'matches', hash: '#/matches', ready: '.pipeline' },
  { name: 'review', hash: '#/review', ready: '.view-review h1' },
  {
    name: 'explore',
    hash: '#/explore?q=正大天晴',
    ready: '.result-group[data-type="Enterprise"] button.result',
    open: async (page) => {
      await page.click('.result-group[data-type="Enterprise"] button.result');
      await page.waitForSelector('.graph-surface[data-settled="true"]', { timeout: 30_000 });
    },
  },
];

const widths = [390, 1440, 1920, 2560];

describe('every view at 390, 1440, 1920 and 2560 px', () => {
  for (const width of widths) {
    for (const view of views) {
      it(`${view.name} at ${width} px${width === 390 ? ': no sideways scroll of the page' : ''}`, async () => {
        const { page, context, errors } = await harness.openApp(view.hash, { viewport: { width, height: width === 390 ? 844 : 1000 } });
        try {
          await page.waitForSelector(view.ready, { timeout: 30_000 });
          await view.open?.(page);
          await page.waitForLoadState('networkidle');
          await shot(page, `responsive-${view.name}-${width}`);
          const { scrollWidth, innerWidth, offenders } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            // what sticks out, so a failure says where to look
            offenders: [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1))
              .slice(0, 8)
              .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
          }));
          if (width === 390) expect(scrollWidth, `${view.name} sticks out: ${offenders.join(', ')}`).toBeLessThanOrEqual(innerWidth);
          if (width >= 1920) {
            const used = await page.evaluate(() => document.querySelector('main > .view, main > section')?.getBoundingClientRect().width ?? 0);
            if (view.name !== 'brief') expect(used, view.name).toBeGreaterThan(width * 0.85); // the brief is an A4 document on purpose
          }
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }, 60_000);
    }
  }
});
