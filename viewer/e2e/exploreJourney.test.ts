/**
 * The explore journey (search, neighbourhood, expand, filter, pin, 5,000 nodes) in a real browser (Debian's Chromium driven by playwright-core)
 * against the real API over the real Neo4j with the seed. Assertions are on visible text and element
 * counts; each view is also saved as a screenshot in test-output/ for a person to look at. Each journey
 * is one `describe` over a shared page; steps run in order. The server has one write key (`e2eKey`);
 * the matches a journey records are deleted afterwards.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessPerFile, shot, viewport, wide } from './browserHarness.ts';

const app = harnessPerFile();
const openApp = (hash = '') => app.openApp(hash);

describe('journey: explore — search 正大天晴, open its neighbourhood, expand, filter, pin, 5,000 nodes', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  const centre = '南京正大天晴制药有限公司';
  beforeAll(async () => {
    ({ page, context, errors } = await openApp('#/explore'));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('finds 正大天晴 by Chinese full text, results grouped by type with the hit marked', async () => {
    await page.waitForSelector('#ex-q');
    await page.fill('#ex-q', '正大天晴');
    await page.press('#ex-q', 'Enter');
    await page.waitForSelector('.result-group');
    expect(await page.locator('.result-group').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.result-group[data-type="Enterprise"] .result-type').innerText()).toContain('企业');
    const marks = await page.locator('.result mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toBe('正大天晴');
    expect(await page.locator('.result-group[data-type="Enterprise"] .result-name').first().innerText()).toBe(centre);
  });

  it('opens its neighbourhood as an SVG force layout with the centre named', async () => {
    await page.click('.result-group[data-type="Enterprise"] button.result');
    await page.waitForSelector('svg.explore-svg g.node');
    await settled(page);
    expect(await page.locator('svg.explore-svg g.node').count()).toBeGreaterThan(1);
    expect(await page.locator('svg.explore-svg .link').count()).toBeGreaterThan(0);
    expect(await page.locator('#ex-graph-title').innerText()).toContain(centre);
    const root = page.locator('svg.explore-svg g.node.root');
    expect(await root.count()).toBe(1);
    expect(await root.locator('.node-label').textContent()).toContain('正大天晴');
    expect(await root.getAttribute('aria-label')).toContain(centre);
    expect(await page.locator('.graph-surface').getAttribute('data-renderer')).toBe('svg');
    await expect.poll(() => page.locator('#ex-detail-name').innerText()).toBe(centre);
    expect(await page.locator('.explore-detail table.props tr').count()).toBeGreaterThan(3);
    expect(page.url()).toContain('id=');
    await shot(page, '9-explore-zhengda-neighbourhood');
  });

  it('expands a neighbour on click, merging its neighbourhood into the picture', async () => {
    const before = await page.locator('svg.explore-svg g.node').count();
    // a neighbouring firm (a supplier or customer) has neighbours of its own
    const neighbour = page.locator('svg.explore-svg g.node.label-Enterprise:not(.root)').first();
    const name = (await neighbour.getAttribute('aria-label'))!.split('，')[0];
    await neighbour.locator('circle.dot').click();
    await expect.poll(() => page.locator('svg.explore-svg g.node.expanded').count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('svg.explore-svg g.node').count()).toBeGreaterThan(before);
    await expect.poll(() => page.locator('#ex-detail-name').innerText()).toBe(name);
    await settled(page);
    await shot(page, '9b-explore-expanded');
  });

  it('filters by label with the checkboxes, and brings them back', async () => {
    const all = await page.locator('svg.explore-svg g.node').count();
    const products = await page.locator('svg.explore-svg g.node.label-Product').count();
    expect(products).toBeGreaterThan(0);
    await page.uncheck('.label-filter input[data-label="Product"]');
    await expect.poll(() => page.locator('svg.explore-svg g.node').count()).toBe(all - products);
    expect(await page.locator('svg.explore-svg g.node.label-Product').count()).toBe(0);
    await page.check('.label-filter input[data-label="Product"]');
    await expect.poll(() => page.locator('svg.explore-svg g.node').count()).toBe(all);
  });

  it('pins a node by dragging it, unpins it by double-click, and reaches nodes by keyboard', async () => {
    const target = page.locator('svg.explore-svg g.node.label-Product').first();
    const box = (await target.locator('circle.dot').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await target.getAttribute('class')) ?? '').toContain('pinned');
    await settled(page);
    await target.locator('circle.dot').dblclick();
    await expect.poll(async () => (await target.getAttribute('class')) ?? '').not.toContain('pinned');

    await page.locator('svg.explore-svg g.node.root').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('class') ?? '');
    expect(focused).toMatch(/^node /);
    expect(focused).not.toContain('root');
    await page.keyboard.press('p');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('class') ?? '')).toContain('pinned');
  });

  it('zooms with the buttons and exports the picture as SVG and PNG', async () => {
    const before = await page.locator('svg.explore-svg g.viewport').getAttribute('transform');
    await page.click('button[data-zoom="in"]');
    await expect.poll(() => page.locator('svg.explore-svg g.viewport').getAttribute('transform')).not.toBe(before);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="svg"]')]);
    expect(svg.suggestedFilename()).toMatch(/正大天晴.*\.svg$/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export="png"]')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
  });

  it('stays usable at 1920 wide', async () => {
    await page.setViewportSize(wide);
    await page.click('button[data-zoom="fit"]');
    await page.waitForTimeout(400);
    const [search, graphBox, detail] = [
      await page.locator('.explore-search').boundingBox(),
      await page.locator('.explore-graph').boundingBox(),
      await page.locator('.explore-detail').boundingBox(),
    ];
    expect(search!.x + search!.width).toBeLessThanOrEqual(graphBox!.x);
    expect(graphBox!.x + graphBox!.width).toBeLessThanOrEqual(detail!.x);
    await shot(page, '9c-explore-1920');
    await page.setViewportSize(viewport);
  });

  it('draws a synthetic 5,000-node graph on Canvas with the layout in a Web Worker', async () => {
    await page.goto(`${app.server.base}/#/explore?synthetic=5000`);
    await page.waitForSelector('canvas.explore-canvas');
    expect(await page.locator('.graph-surface').getAttribute('data-renderer')).toBe('canvas');
    expect(await page.locator('.graph-surface').getAttribute('data-layout')).toBe('worker');
    expect(await page.locator('#ex-graph-title').innerText()).toContain('5000');
    await expect.poll(() => page.locator('.graph-status').innerText()).toContain('显示 5000 个节点');
    // the page keeps painting frames while the worker lays out: at least a few in half a second
    const frames = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let n = 0;
          const start = performance.now();
          const step = () => (performance.now() - start < 500 ? (n++, requestAnimationFrame(step)) : resolve(n));
          requestAnimationFrame(step);
        }),
    );
    expect(frames).toBeGreaterThan(3);
    await page.waitForSelector('.graph-surface[data-settled="true"]', { timeout: 90_000 }); // the worker finishes the layout
    await page.waitForTimeout(400);
    await shot(page, '10-explore-5000-canvas');
  });

  it('raised no script errors on the way', () => {
    expect(errors).toEqual([]);
  });
});

/** Waits until the explorer's force layout has come to rest (the surface says so), so nodes hold still for clicks. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('.graph-surface[data-settled="true"]', { timeout: 30_000 });
}
