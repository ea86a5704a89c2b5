/**
 * The viewer's user journeys in a real browser (Debian's Chromium driven by playwright-core) against
 * the real API over the real Neo4j with the seed. Assertions are on visible text and element counts;
 * each view is also saved as a screenshot in test-output/ for a person to look at.
 *
 * Each journey is one `describe` over a shared page; steps run in order. A new journey is one more
 * `describe` using `openApp` and `shot`. The server has one write key (`e2eKey`) for recording and
 * moving matches; the matches the journeys record are deleted afterwards.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph, QueuedFirm } from '../../engine/index.ts';
import { e2eKey, startHarness, shot as saveShot, viewport, wide, type Harness } from './browserHarness.ts';

let harness: Harness;
let graph: Graph;
let server: Harness['server'];

beforeAll(async () => {
  harness = await startHarness();
  ({ graph, server } = harness);
});

afterAll(async () => {
  await harness?.stop();
});

const openApp = (hash = '') => harness.openApp(hash);
const shot = saveShot;

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
    expect(nav.map((s) => s.split('\n')[0].replace('即将上线', '').trim())).toEqual(['区级总览', '产业链图谱', '校企对接', '资源供需', '图谱探索', '匹配跟踪', '待审挂链']);
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
    for (const [hash, title] of [['#/pairing', '校企对接'], ['#/resources', '资源供需'], ['#/explore', '图谱探索'], ['#/matches', '匹配跟踪'], ['#/review', '待审挂链']]) {
      await page.goto(`${server.base}/${hash}`);
      await expect.poll(() => page.locator('h1').innerText()).toBe(title);
      expect(await page.locator(`.main-nav a[aria-current="page"]`).getAttribute('href')).toBe(hash);
      expect(await page.locator('.state-soon, .soon-dot').count()).toBe(0);
    }
  });

  it('shows the API’s problem title when a chain does not exist, with a retry', async () => {
    await page.goto(`${server.base}/#/chain/no-such-chain`);
    await page.waitForSelector('.state-error');
    const text = await page.locator('.state-error').innerText();
    expect(text).toContain('未找到 Not found');
    expect(text).toContain('HTTP 404');
    expect(await page.locator('.state-error button').innerText()).toBe('重试');
    await shot(page, '8-error-unknown-chain');
  });
});


/** Waits until the explorer's force layout has come to rest (the surface says so), so nodes hold still for clicks. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('.graph-surface[data-settled="true"]', { timeout: 30_000 });
}

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
    const [search, graphBox, detail] = [await page.locator('.explore-search').boundingBox(), await page.locator('.explore-graph').boundingBox(), await page.locator('.explore-detail').boundingBox()];
    expect(search!.x + search!.width).toBeLessThanOrEqual(graphBox!.x);
    expect(graphBox!.x + graphBox!.width).toBeLessThanOrEqual(detail!.x);
    await shot(page, '9c-explore-1920');
    await page.setViewportSize(viewport);
  });

  it('draws a synthetic 5,000-node graph on Canvas with the layout in a Web Worker', async () => {
    await page.goto(`${server.base}/#/explore?synthetic=5000`);
    await page.waitForSelector('canvas.explore-canvas');
    expect(await page.locator('.graph-surface').getAttribute('data-renderer')).toBe('canvas');
    expect(await page.locator('.graph-surface').getAttribute('data-layout')).toBe('worker');
    expect(await page.locator('#ex-graph-title').innerText()).toContain('5000');
    await expect.poll(() => page.locator('.graph-status').innerText()).toContain('显示 5000 个节点');
    // the page keeps painting frames while the worker lays out: at least a few in half a second
    const frames = await page.evaluate(() => new Promise<number>((resolve) => {
      let n = 0;
      const start = performance.now();
      const step = () => (performance.now() - start < 500 ? (n++, requestAnimationFrame(step)) : resolve(n));
      requestAnimationFrame(step);
    }));
    expect(frames).toBeGreaterThan(3);
    await page.waitForSelector('.graph-surface[data-settled="true"]', { timeout: 90_000 }); // the worker finishes the layout
    await page.waitForTimeout(400);
    await shot(page, '10-explore-5000-canvas');
  });

  it('raised no script errors on the way', () => {
    expect(errors).toEqual([]);
  });
});

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

    await page.goto(`${server.base}/#/matches`);
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
    const r = await fetch(`${server.base}/api/v1/matches/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e2eKey}` }, body: JSON.stringify({ status: 'agreed' }) });
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

describe('journey: attachment review — import two firms that land in review, see their top-3 suggestions with evidence, confirm one, choose another segment for the other', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  // Products that fit more than one segment: on the seed the classifier is not sure enough to attach them.
  const firms = [
    { id: 'e2e.review.1', name: '南京e2e审核电池有限公司', products: '电池;材料' },
    { id: 'e2e.review.2', name: '南京e2e审核新材料有限公司', products: '新材料' },
  ];
  let queue: QueuedFirm[] = [];
  const inSegment = async (firmId: string) => {
    const hood = await (await fetch(`${server.base}/api/v1/entities/${encodeURIComponent(firmId)}/neighbourhood`)).json();
    return hood.relationships.filter((r: { type: string }) => r.type === 'IN_SEGMENT').map((r: { to: string }) => r.to);
  };
  const queued = async (): Promise<QueuedFirm[]> => (await (await fetch(`${server.base}/api/v1/attachments/review?limit=100`)).json()).items;

  beforeAll(async () => {
    const csv = ['统一社会信用代码,企业名称,是否区内企业,主要产品,企业简介', ...firms.map((f) => `${f.id},${f.name},是,${f.products},${f.products}`)].join('\r\n');
    const form = new FormData();
    form.append('file', new Blob([csv]), 'firms.csv');
    const res = await fetch(`${server.base}/api/v1/import/enterprises`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${e2eKey}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).review).toEqual(firms.map((f) => f.id));
    queue = (await queued()).filter((q) => q.firm.id.startsWith('e2e.review.'));
    ({ page, context, errors } = await openApp('#/review'));
  });
  afterAll(async () => {
    await context?.close();
    await graph?.write((tx) => tx.run("MATCH (e:Enterprise) WHERE e.id STARTS WITH 'e2e.review.' DETACH DELETE e"));
  });

  it('lists each queued firm with three suggestions: segment and chain, confidence as a percentage, and the evidence', async () => {
    await page.waitForSelector('.review-card[data-firm-id="e2e.review.1"]');
    expect(await page.locator('h1').innerText()).toBe('待审挂链');
    const card = page.locator('.review-card[data-firm-id="e2e.review.1"]');
    const [mine] = queue;
    expect(await card.locator('.review-suggestion').count()).toBe(mine.suggestions.length);
    const top = await card.locator('.review-suggestion').first().innerText();
    const s = mine.suggestions[0];
    for (const text of [s.segmentName, s.chainName, `置信度 ${Math.round(s.confidence * 100)}%`, '需要人工确认', ...s.evidence.products.slice(0, 1), ...s.evidence.words.slice(0, 1)]) expect(top).toContain(text);
    expect(top).toMatch(/依据产品|共同关键词|相似企业/);
    expect(await card.locator('button', { hasText: '另选环节' }).count()).toBe(1);
    expect(await card.locator('button', { hasText: '驳回' }).count()).toBe(1);
    await shot(page, '15-attachment-review');
  });

  it('confirms the top suggestion with the key: the firm is in that segment and gone from the queue, over HTTP', async () => {
    await page.fill('.key-panel input[type="password"]', e2eKey);
    await page.press('.key-panel input[type="password"]', 'Enter');
    await page.locator('.review-card[data-firm-id="e2e.review.1"] .review-suggestion').first().locator('button', { hasText: '确认此环节' }).click();
    await page.locator('.review-message .match-ok', { hasText: '已确认' }).waitFor();
    await expect.poll(() => page.locator('.review-card[data-firm-id="e2e.review.1"]').count()).toBe(0);
    expect(await inSegment('e2e.review.1')).toEqual([queue[0].suggestions[0].segmentId]);
    expect((await queued()).map((q) => q.firm.id)).not.toContain('e2e.review.1');
  });

  it('chooses another segment for the other firm: chain, then segment, then attach', async () => {
    const card = page.locator('.review-card[data-firm-id="e2e.review.2"]');
    await card.locator('button', { hasText: '另选环节' }).click();
    await card.locator('select.review-chain').selectOption({ label: '新能源汽车' });
    await card.locator('select.review-segment option').nth(2).waitFor({ state: 'attached' });
    const segmentId = await card.locator('select.review-segment option').nth(2).getAttribute('value');
    await card.locator('select.review-segment').selectOption(segmentId!);
    await shot(page, '15b-attachment-review-reassign');
    await card.locator('button', { hasText: '挂到此环节' }).click();
    await page.locator('.review-message .match-ok', { hasText: '已改挂' }).waitFor();
    expect(await inSegment('e2e.review.2')).toEqual([segmentId]);
    expect((await queued()).map((q) => q.firm.id)).not.toContain('e2e.review.2');
  });

  it('raised no script errors on the way', () => {
    expect(errors).toEqual([]);
  });
});
