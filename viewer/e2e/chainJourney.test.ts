/**
 * The chain journey and every view's page, in a real browser (Debian's Chromium driven by playwright-core)
 * against the real API over the real Neo4j with the seed. Assertions are on visible text and element
 * counts; each view is also saved as a screenshot in test-output/ for a person to look at. Each journey
 * is one `describe` over a shared page; steps run in order. The server has one write key (`e2eKey`);
 * the matches a journey records are deleted afterwards.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessPerFile, shot, viewport } from './browserHarness.ts';

const app = harnessPerFile();
const openApp = (hash = '') => app.openApp(hash);

describe('journey: chain map → planted gap → candidates → paths → English and back', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  beforeAll(async () => {
    ({ page, context, errors } = await openApp('#/chain')); // the landing page is the district overview (viewer/e2e/overview.test.ts)
  });
  afterAll(async () => {
    await context?.close();
  });

  it('opens on the chain map in Chinese with every nav entry', async () => {
    await page.waitForSelector('#chain-select option[value="biomed"]', { state: 'attached' });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const nav = await page.locator('.main-nav a').allInnerTexts();
    expect(nav.map((s) => s.split('\n')[0].replace('即将上线', '').trim())).toEqual([
      '区级总览',
      '产业链图谱',
      '校企对接',
      '资源供需',
      '图谱探索',
      '匹配跟踪',
      '待审挂链',
    ]);
    expect(await page.locator('#chain-select option').allInnerTexts()).toContain('生物医药');
  });

  it('chooses 生物医药 and shows its 14 segments in three stage bands, with flows and a legend', async () => {
    await page.selectOption('#chain-select', { label: '生物医药' });
    await page.waitForURL(/#\/chain\/biomed$/);
    await page.waitForSelector('svg.chain-map g.segment[data-segment-id="biomed.cdmo"]');
    expect(await page.locator('svg.chain-map g.segment').count()).toBe(14);
    expect(await page.locator('svg.chain-map .band-label').allTextContents()).toEqual(['上游', '中游', '下游']);
    expect(await page.locator('svg.chain-map .flows path').count()).toBe(32);
    expect(await page.locator('svg.chain-map title').first().textContent()).toContain('生物医药');
    // the planted gap is drawn as a 补链 gap — missing, or broken (missing while a local segment
    // feeds it) — by colour class, pattern and the word on its badge
    const cdmo = page.locator('g.segment[data-segment-id="biomed.cdmo"]');
    expect(await cdmo.getAttribute('class')).toMatch(/health-(missing|broken) pattern-(diagonal|cross)/);
    expect(await cdmo.locator('.badge-text').textContent()).toMatch(/缺链|断链/);
    expect(await cdmo.getAttribute('tabindex')).toBe('0');
    const legend = await page.locator('svg.chain-map .legend-item').allTextContents();
    expect(legend.join(' ')).toMatch(/缺链\s*\d.*断链\s*\d.*短板\s*\d/);
    expect(await page.locator('.gap-link').count()).toBeGreaterThan(0);
    // hover shows the figures
    await cdmo.hover();
    await expect.poll(() => page.locator('.tooltip').isVisible()).toBe(true);
    expect(await page.locator('.tooltip').innerText()).toContain('本地需求');
    await shot(page, '1-chain-map-biomed');
    await page.mouse.move(2, 780);
  });

  it('opens the planted missing segment 合同研发生产（CDMO） from the keyboard', async () => {
    // Tab from the chain select reaches the segments (after the brief link and the three export buttons) …
    await page.focus('#chain-select');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('class') ?? '')).toMatch(/^segment health-/);
    await shot(page, '1b-chain-map-keyboard-focus');
    // … and Enter on a segment opens it
    await page.focus('g.segment[data-segment-id="biomed.cdmo"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/chain\/biomed\/segment\/biomed\.cdmo$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('合同研发生产（CDMO）');
    expect(await page.locator('.title-badge').innerText()).toMatch(/缺链|断链/);
    expect(await page.locator('#mode-fill').isChecked()).toBe(true);
    expect(await page.locator('.evidence').innerText()).toContain('本地需求来自');
  });

  it('lists at least 5 补链 candidates, each with a score bar, a confidence label and a reason', async () => {
    await page.waitForSelector('li.candidate');
    const cards = page.locator('li.candidate');
    const n = await cards.count();
    expect(n).toBeGreaterThanOrEqual(5);
    const reasons = await page.locator('li.candidate .cand-reason').allInnerTexts();
    expect(reasons).toHaveLength(n);
    for (const r of reasons) expect(r.trim().length).toBeGreaterThan(4);
    expect(await page.locator('li.candidate .score-bar').count()).toBe(n);
    expect(await page.locator('li.candidate .score-bar .bar-part').count()).toBeGreaterThanOrEqual(n);
    const confidences = await page.locator('li.candidate .confidence').allInnerTexts();
    for (const c of confidences) expect(c).toMatch(/证据强度：[强中弱]/);
    expect(await page.locator('.cand-count').innerText()).toBe(`${n} 家候选企业`);
    await shot(page, '2-segment-cdmo-candidates');
  });

  it('opens one candidate’s explanation paths as a node-link graph', async () => {
    const second = page.locator('li.candidate').nth(1);
    const name = (await second.locator('.cand-name').innerText()).trim();
    await second.locator('.cand-name').click();
    await expect.poll(() => page.locator('#detail-name').innerText()).toBe(name);
    expect(await second.locator('.cand-name').getAttribute('aria-pressed')).toBe('true');
    await page.waitForSelector('svg.path-graph g.node');
    expect(await page.locator('svg.path-graph g.node').count()).toBeGreaterThan(1);
    expect(await page.locator('svg.path-graph g.node.candidate').count()).toBe(1);
    expect(await page.locator('svg.path-graph .link').count()).toBeGreaterThan(0);
    expect(await page.locator('.candidate-detail table.signals tbody tr').count()).toBe(6);
    await page.locator('.col-detail').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shot(page, '3-candidate-paths');
    await page.locator('.col-detail').evaluate((el) => el.scrollTo(0, 0));
  });

  it('switches to English and back, keeping the place and remembering the choice', async () => {
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('.main-nav a[data-section="chain"]').innerText()).toBe('Chain map');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('#cand-title').innerText()).toBe('Candidates');
    expect(await page.locator('.title-badge').innerText()).toMatch(/Missing|Broken/);
    expect(await page.locator('h1').innerText()).toBe('Contract Development & Manufacturing (CDMO)');
    expect(await page.locator('li.candidate').count()).toBeGreaterThanOrEqual(5);
    await shot(page, '4-segment-cdmo-english');

    await page.reload();
    await expect.poll(() => page.locator('#cand-title').innerText()).toBe('Candidates');
    await page.waitForSelector('li.candidate');

    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('.main-nav a[data-section="chain"]').innerText()).toBe('产业链图谱');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#cand-title').innerText()).toBe('候选企业');
  });

  it('filters by province, and exports the list as CSV and XLSX through the API', async () => {
    await page.click('.filters summary');
    await page.fill('#f-provinces', '江苏');
    await page.click('.filter-form button[type="submit"]');
    await expect.poll(() => page.locator('.filters summary').innerText()).toBe('筛选条件（已启用 1 项）');
    await page.waitForSelector('li.candidate');
    await expect.poll(async () => (await page.locator('li.candidate .cand-meta').allInnerTexts()).every((m) => m.startsWith('江苏省'))).toBe(true);
    for (const format of ['csv', 'xlsx']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${format}"]`)]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    }
    await page.click('.filter-form button[type="reset"]');
    await expect.poll(() => page.locator('.filters summary').innerText()).toBe('筛选条件');
    await page.waitForSelector('li.candidate');
  });

  it('uses the width of a 1920 screen: three columns side by side, the map redrawn wider', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForSelector('svg.path-graph g.node');
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    await expect.poll(async () => (await box('.col-detail')).x).toBeGreaterThan(1100);
    const [info, candidates, detail] = [await box('.col-info'), await box('.col-candidates'), await box('.col-detail')];
    expect(info.x + info.width).toBeLessThanOrEqual(candidates.x);
    expect(candidates.x + candidates.width).toBeLessThanOrEqual(detail.x);
    expect(Math.abs(info.y - detail.y)).toBeLessThan(2);
    await shot(page, '5-segment-cdmo-1920');

    await page.click('.breadcrumb a >> nth=1');
    await page.waitForSelector('svg.chain-map g.segment');
    await expect.poll(async () => Number(await page.locator('svg.chain-map').getAttribute('width'))).toBeGreaterThan(1500);
    expect(await page.locator('svg.chain-map g.segment').count()).toBe(14);
    await shot(page, '6-chain-map-1920');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出 PNG")')]);
    expect(png.suggestedFilename()).toMatch(/生物医药.*\.png$/);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("导出 SVG")')]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    await page.setViewportSize(viewport);
  });

  it('raised no script errors on the way', () => {
    expect(errors).toEqual([]);
  });
});

describe('journey: every view has a page', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ page, context } = await openApp('#/explore'));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('opens each view with its title, its nav entry marked current, and no coming-soon placeholder left', async () => {
    for (const [hash, title] of [
      ['#/pairing', '校企对接'],
      ['#/resources', '资源供需'],
      ['#/explore', '图谱探索'],
      ['#/matches', '匹配跟踪'],
      ['#/review', '待审挂链'],
    ]) {
      await page.goto(`${app.server.base}/${hash}`);
      await expect.poll(() => page.locator('h1').innerText()).toBe(title);
      expect(await page.locator(`.main-nav a[aria-current="page"]`).getAttribute('href')).toBe(hash);
      expect(await page.locator('.state-soon, .soon-dot').count()).toBe(0);
    }
  });

  it('shows the API’s problem title when a chain does not exist, with a retry', async () => {
    await page.goto(`${app.server.base}/#/chain/no-such-chain`);
    await page.waitForSelector('.state-error');
    const text = await page.locator('.state-error').innerText();
    // the API's bilingual title, the half in the screen's language
    expect(text).toContain('未找到');
    expect(text).not.toContain('Not found');
    expect(text).toContain('HTTP 404');
    expect(await page.locator('.state-error button').innerText()).toBe('重试');
    await shot(page, '8-error-unknown-chain');
  });
});
