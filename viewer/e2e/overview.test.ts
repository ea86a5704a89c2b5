/**
 * The district overview as the landing page (issue 16 items 1–2), in Debian's Chromium against the real
 * API over the seeded Neo4j: chains sorted by 亿元 at stake, the stake chart in the same order, one click
 * into a chain's map, a "since <date>" list from a recorded past day, and no sideways scroll at 390 px.
 * Screenshots at 390, 1440 and 1920 px in test-output/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainMatchEngine, recordChainHealth } from '../../engine/index.ts';
import { cjk } from '../../scripts/test/englishText.ts';
import { startHarness, shot, type Harness } from './browserHarness.ts';

let harness: Harness;
// A record five days back in which biomed's largest gap was still healthy: the page must name it.
const past = new Date(Date.now() - 5 * 86_400_000);
let pastDay = '';
let changedSegment = { id: '', name: '' };

beforeAll(async () => {
  harness = await startHarness();
  const engine = new ChainMatchEngine(harness.graph);
  pastDay = (await recordChainHealth(engine, past)).day;
  const gap = (await engine.gaps('biomed')).gaps[0];
  changedSegment = { id: gap.segmentId, name: gap.name };
  await harness.graph.write((tx) =>
    tx.run(
      `MATCH (h:ChainHealthSnapshot {chainId: 'biomed', day: $day})
       SET h.segmentClasses = [i IN range(0, size(h.segmentIds) - 1) | CASE h.segmentIds[i] WHEN $id THEN 'healthy' ELSE h.segmentClasses[i] END]`,
      { day: pastDay, id: gap.segmentId },
    ),
  );
  // A follow-up of biomed moved today (createdBy 'e2e': the harness deletes it afterwards).
  await harness.graph.write((tx) =>
    tx.run("CREATE (:Match {id: 'overview-e2e.1', chainId: 'biomed', kind: 'partner', status: 'contacted', createdBy: 'e2e', updatedAt: $at})", {
      at: new Date().toISOString(),
    }),
  );
});

afterAll(async () => {
  await harness?.graph.write((tx) => tx.run('MATCH (h:ChainHealthSnapshot {day: $day}) DETACH DELETE h', { day: pastDay }));
  await harness?.stop();
});

const stakesOnPage = async (page: Page) =>
  await page.locator('.overview-card').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-at-stake'))));
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the district overview', () => {
  it('is the landing page at 1440 px: every chain, sorted by 亿元 at stake, the chart in the same order, demo data said', async () => {
    const { page, context, errors } = await harness.openApp('', { viewport: { width: 1440, height: 1400 } });
    try {
      await page.waitForSelector('.overview-card');
      expect(await page.locator('h1').textContent()).toBe('全区产业链总览');
      expect(await page.locator('.main-nav a[aria-current="page"]').textContent()).toBe('区级总览');
      const stakes = await stakesOnPage(page);
      expect(stakes).toHaveLength(7);
      expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
      expect(stakes[0]).toBeGreaterThan(stakes[6]);
      const cardOrder = await page.locator('.overview-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-chain-id')));
      await page.waitForSelector('svg.stake-bars g.stake-row');
      expect(await page.locator('svg.stake-bars g.stake-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-chain-id')))).toEqual(cardOrder);
      expect(await page.locator('.overview-demo').innerText()).toContain('演示数据');
      expect(await page.locator('.overview-card').first().locator('.figure-stake dd').innerText()).toMatch(/亿元$/);
      // four small bars per chain (缺链 断链 短板 可延链), words not codes
      expect(await page.locator('.overview-card').first().locator('.gap-counts .count-row').count()).toBe(4);
      expect(await page.locator('.overview-card').first().locator('.gap-counts').textContent()).toMatch(/缺链.*断链.*短板.*可延链/);
      await shot(page, 'overview-1440', true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('names the segment whose class changed since the recorded day, with the trend from that day', async () => {
    const { page, context } = await harness.openApp('#/', { viewport: { width: 1440, height: 900 } });
    try {
      const card = page.locator('.overview-card[data-chain-id="biomed"]');
      await card.waitFor();
      expect(await card.locator('.changes h3').textContent()).toBe(`自 ${pastDay} 以来`);
      const change = card.locator(`.change-list li[data-segment-id="${changedSegment.id}"]`);
      expect(await change.innerText()).toMatch(new RegExp(`^${changedSegment.name}：健康 → (缺链|断链|短板)$`));
      expect(await card.locator('.sparkline circle').count()).toBe(2);
      expect(await card.locator('.matches-moved').innerText()).toBe('匹配跟踪：已联系 1');
      // a chain with nothing changed says so
      expect(await page.locator('.overview-card:not([data-chain-id="biomed"]) .changes').first().innerText()).toContain('各环节类别没有变化');
    } finally {
      await context.close();
    }
  });

  it('fills a 1920 px screen with several cards per row and opens a chain’s map in one click', async () => {
    const { page, context, errors } = await harness.openApp('', { viewport: { width: 1920, height: 1080 } });
    try {
      await page.waitForSelector('.overview-card');
      const tops = await page.locator('.overview-card').evaluateAll((cards) => cards.slice(0, 4).map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(new Set(tops).size).toBeLessThan(tops.length); // at least two cards share the first row
      await shot(page, 'overview-1920');
      const first = page.locator('.overview-card').first();
      const id = await first.getAttribute('data-chain-id');
      await first.locator('a.chain-link').click();
      await page.waitForURL(new RegExp(`#/chain/${id}$`));
      await page.waitForSelector('svg.chain-map g.segment');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits 390 px without sideways scroll, in Chinese and in English', async () => {
    const { page, context, errors } = await harness.openApp('', { viewport: { width: 390, height: 844 } });
    try {
      await page.waitForSelector('.overview-card');
      await page.waitForSelector('svg.stake-bars');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const stakes = await stakesOnPage(page);
      expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
      await shot(page, 'overview-390', true);
      await page.click('#lang-toggle');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'All chains of the district');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // Every word in English, the "since" list's segment names included (the page names no firm); the
      // language switch names the other language in its own words.
      const toggle = (await page.locator('#lang-toggle').innerText()).trim();
      const lines = (await page.locator('#app').innerText()).split('\n').filter((line) => line.trim() !== toggle);
      expect(lines.filter((line) => cjk.test(line))).toEqual([]);
      await shot(page, 'overview-390-en');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
