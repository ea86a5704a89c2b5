/**
 * Demo data says so (issue 13 item 4): in a real browser over the seed, every firm the generator
 * invented carries the 演示数据 badge — in the 补链 candidate list and its detail, in search results,
 * in the explorer's details and node labels, and in match tracking — and a firm from the article
 * (南京正大天晴制药有限公司, `source: article`) carries none. Screenshots go to test-output/.
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

const article = '南京正大天晴制药有限公司';
const badge = '.badge.demo-badge';

describe('demo badges: partner list, search, explorer, match tracking', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  afterAll(async () => {
    await context?.close();
  });

  it('marks every generated candidate of the CDMO 补链 list, and the selected one in its detail', async () => {
    ({ page, context, errors } = await harness.openApp('#/chain/biomed/segment/biomed.cdmo'));
    await page.waitForSelector('li.candidate');
    const cards = page.locator('li.candidate');
    const n = await cards.count();
    expect(n).toBeGreaterThan(0);
    // The seed's outside pool is generated: every card says so, beside the name, in words.
    expect(await page.locator(`li.candidate .cand-head ${badge}`).count()).toBe(n);
    expect(await page.locator(`li.candidate ${badge}`).first().innerText()).toBe('演示数据');
    expect(await page.locator(`li.candidate ${badge}`).first().getAttribute('title')).toContain('不是真实企业');
    await expect.poll(() => page.locator(`.candidate-detail .eyebrow ${badge}`).count()).toBe(1);
    expect(await page.locator('.candidate-detail .demo-note').innerText()).toContain('不可作为真实线索上报');
    await shot(page, 'demo-badges-partners');
  });

  it('says "demo" in English', async () => {
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator(`li.candidate ${badge}`).first().innerText()).toBe('demo');
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator(`li.candidate ${badge}`).first().innerText()).toBe('演示数据');
  });

  it('marks generated firms among search results, and not the article’s 正大天晴', async () => {
    // Its full name: 正大天晴 ranks first, then generated firms sharing 南京…制药有限公司.
    await page.goto(`${harness.server.base}/#/explore?q=${encodeURIComponent(article)}`);
    await page.waitForSelector('.result-group[data-type="Enterprise"] button.result');
    const results = page.locator('.result-group[data-type="Enterprise"] button.result');
    const names = await results.locator('.result-name').allInnerTexts();
    const real = names.findIndex((t) => t.startsWith(article));
    expect(real).toBeGreaterThanOrEqual(0);
    expect(await results.nth(real).locator(badge).count()).toBe(0);
    const marked = await page.locator(`.result-group[data-type="Enterprise"] button.result ${badge}`).count();
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(names.length);
    await shot(page, 'demo-badges-search');
  });

  it('marks a generated firm in the explorer’s detail and on its node label, and the article firm nowhere', async () => {
    const fake = page.locator(`.result-group[data-type="Enterprise"] button.result:has(${badge})`).first();
    const fakeId = (await fake.getAttribute('data-id'))!;
    await fake.click();
    await page.waitForSelector(`svg.explore-svg g.node[data-id="${fakeId}"]`);
    await expect.poll(() => page.locator(`.entity-detail ${badge}`).count()).toBe(1);
    expect(await page.locator('.explore-detail .demo-note').innerText()).toContain('演示数据');
    expect(await page.locator(`svg.explore-svg g.node[data-id="${fakeId}"] .node-label`).textContent()).toContain('［演示］');
    expect(await page.locator(`svg.explore-svg g.node[data-id="${fakeId}"]`).getAttribute('aria-label')).toContain('演示数据');
    await shot(page, 'demo-badges-explore');

    const realHit = page.locator('.result-group[data-type="Enterprise"] button.result').filter({ hasText: article }).first();
    await realHit.click();
    await expect.poll(() => page.locator('#ex-detail-name').innerText()).toBe(article);
    expect(await page.locator(`.entity-detail ${badge}`).count()).toBe(0);
    expect(await page.locator('.explore-detail .demo-note').count()).toBe(0);
  });

  it('marks the generated side of a tracked match', async () => {
    const [fake] = await harness.graph.query<{ id: string; name: string }>(
      "MATCH (e:Enterprise {source: 'synthetic', local: false}) RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1",
    );
    const res = await fetch(`${harness.server.base}/api/v1/matches`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e2eKey}` },
      body: JSON.stringify({
        kind: 'partner',
        subjectId: 'biomed.cdmo',
        subjectName: '合同研发生产（CDMO）',
        candidateId: fake.id,
        candidateName: fake.name,
        chainId: 'biomed',
        score: 0.5,
        explanation: { signals: [], paths: [], confidence: 'medium', reason: '演示数据徽标检查' },
      }),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    await page.goto(`${harness.server.base}/#/matches`);
    const card = page.locator(`li.match-card[data-id="${id}"]`);
    await card.waitFor();
    expect(await card.locator(`.match-pair ${badge}`).count()).toBe(1);
    expect(await card.locator(`.match-subject ${badge}`).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
