/**
 * The attachment review journey in a real browser (Debian's Chromium driven by playwright-core)
 * against the real API over the real Neo4j with the seed. Assertions are on visible text and element
 * counts; each view is also saved as a screenshot in test-output/ for a person to look at. Each journey
 * is one `describe` over a shared page; steps run in order. The server has one write key (`e2eKey`);
 * the matches a journey records are deleted afterwards.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedFirm } from '../../engine/index.ts';
import { e2eKey, harnessPerFile, shot } from './browserHarness.ts';

const app = harnessPerFile();
const openApp = (hash = '') => app.openApp(hash);

describe('journey: attachment review — import two firms that land in review, see their top-3 suggestions with evidence, confirm one, choose another segment for the other', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  // Products that fit two segments (cells or packs): on the seed the classifier is about half sure (0.5 and
  // 0.7 when written), in the review band. Vaguer inputs (新材料 alone) are rejected, not queued.
  const firms = [
    { id: 'e2e.review.1', name: '南京e2e审核电池有限公司', products: '电芯;电池包' },
    { id: 'e2e.review.2', name: '南京e2e审核储能科技有限公司', products: '储能电池;电池管理系统' },
  ];
  let queue: QueuedFirm[] = [];
  const inSegment = async (firmId: string) => {
    const hood = await (await fetch(`${app.server.base}/api/v1/entities/${encodeURIComponent(firmId)}/neighbourhood`)).json();
    return hood.relationships.filter((r: { type: string }) => r.type === 'IN_SEGMENT').map((r: { to: string }) => r.to);
  };
  const queued = async (): Promise<QueuedFirm[]> => (await (await fetch(`${app.server.base}/api/v1/attachments/review?limit=100`)).json()).items;

  beforeAll(async () => {
    const csv = ['统一社会信用代码,企业名称,是否区内企业,主要产品,企业简介', ...firms.map((f) => `${f.id},${f.name},是,${f.products},${f.products}`)].join(
      '\r\n',
    );
    const form = new FormData();
    form.append('file', new Blob([csv]), 'firms.csv');
    const res = await fetch(`${app.server.base}/api/v1/import/enterprises`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${e2eKey}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).review).toEqual(firms.map((f) => f.id));
    queue = (await queued()).filter((q) => q.firm.id.startsWith('e2e.review.'));
    ({ page, context, errors } = await openApp('#/review'));
  });
  afterAll(async () => {
    await context?.close();
    await app.graph.write((tx) => tx.run("MATCH (e:Enterprise) WHERE e.id STARTS WITH 'e2e.review.' DETACH DELETE e"));
  });

  it('lists each queued firm with three suggestions: segment and chain, confidence as a percentage, and the evidence', async () => {
    await page.waitForSelector('.review-card[data-firm-id="e2e.review.1"]');
    expect(await page.locator('h1').innerText()).toBe('待审挂链');
    const card = page.locator('.review-card[data-firm-id="e2e.review.1"]');
    const [mine] = queue;
    expect(await card.locator('.review-suggestion').count()).toBe(mine.suggestions.length);
    const top = await card.locator('.review-suggestion').first().innerText();
    const s = mine.suggestions[0];
    for (const text of [
      s.segmentName,
      s.chainName,
      `置信度 ${Math.round(s.confidence * 100)}%`,
      '需要人工确认',
      ...s.evidence.products.slice(0, 1),
      ...s.evidence.words.slice(0, 1),
    ])
      expect(top).toContain(text);
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
