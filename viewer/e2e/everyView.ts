/**
 * Every view of the viewer, each in the state where it shows the most, for the language sweeps (issue 16
 * item 5): viewer/e2e/noRawCodes.test.ts runs them in zh-CN against a dictionary of codes,
 * viewer/e2e/everyViewInEnglish.test.ts in English against Chinese characters. One list, so a view added
 * here is checked in both languages. A visit navigates an open page and calls `check(where)` at each
 * state worth reading; fixtures it needs (a tracked match, firms in review) are made by `prepareFixtures`.
 */
import type { Page } from 'playwright-core';
import { e2eKey, type Harness } from './browserHarness.ts';

export type Check = (where: string) => Promise<void>;

export interface Visit {
  name: string;
  run(page: Page, base: string, check: Check): Promise<void>;
}

const go = async (page: Page, base: string, hash: string, ready: string) => {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
};

/**
 * Review firms: products that fit two battery segments land in the review band (as in the attachment-review
 * journey). Ids carry the sweep's tag, so the two sweeps can run side by side on one database.
 */
const reviewFirms = (tag: string) => [
  { id: `e2e.sweep.${tag}.1`, name: `南京e2e巡检${tag}电池有限公司`, products: '电芯;电池包' },
  { id: `e2e.sweep.${tag}.2`, name: `南京e2e巡检${tag}储能科技有限公司`, products: '储能电池;电池管理系统' },
];

/** A tracked match with its reason's messages and an overdue follow-up, and two firms queued for review. */
export async function prepareFixtures(harness: Harness, tag: string): Promise<void> {
  const base = `${harness.server.base}/api/v1`;
  // the harness key may write but not ask for matches (no "match" scope): questions go without it, as a visitor's do
  const send = (method: string, path: string, body?: unknown, key: string | null = e2eKey) =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const asked = await send('POST', '/match/partners', { chainId: 'biomed', segmentId: 'biomed.cdmo', mode: 'fill', limit: 3 }, null);
  if (asked.status !== 200) throw new Error(`asking partners for the sweep's match: HTTP ${asked.status} ${await asked.text()}`);
  const answer = await asked.json();
  const c = answer.candidates[answer.candidates.length - 1];
  const { signals, paths, confidence, reason, reasonParts } = c.explanation;
  const recorded = await send('POST', '/matches', {
    kind: 'partner',
    subjectId: 'biomed.cdmo',
    candidateId: c.id,
    candidateName: c.name,
    chainId: 'biomed',
    score: c.score,
    explanation: { signals, paths: paths.slice(0, 40), confidence, reason, reasonParts },
    dueDate: '2024-01-02',
  });
  if (recorded.status !== 201) throw new Error(`recording the sweep's match: HTTP ${recorded.status} ${await recorded.text()}`);

  const csv = [
    '统一社会信用代码,企业名称,是否区内企业,主要产品,企业简介',
    ...reviewFirms(tag).map((f) => `${f.id},${f.name},是,${f.products},${f.products}`),
  ].join('\r\n');
  const form = new FormData();
  form.append('file', new Blob([csv]), 'firms.csv');
  const imported = await fetch(`${base}/import/enterprises`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${e2eKey}` } });
  if (imported.status !== 200) throw new Error(`importing the sweep's review firms: HTTP ${imported.status}`);
}

export async function removeFixtures(harness: Harness, tag: string): Promise<void> {
  await harness.graph.write((tx) => tx.run('MATCH (e:Enterprise) WHERE e.id STARTS WITH $prefix DETACH DELETE e', { prefix: `e2e.sweep.${tag}.` }));
}

/** The visits, for the sweep tagged `tag` (its review firms). */
export const everyView = (tag: string): Visit[] => [
  {
    name: 'overview',
    async run(page, base, check) {
      await go(page, base, '#/', '.overview-card');
      await check('overview');
    },
  },
  {
    name: 'chain map',
    async run(page, base, check) {
      await go(page, base, '#/chain', 'svg.chain-map g.segment');
      await check('chain-map');
    },
  },
  {
    name: 'brief',
    async run(page, base, check) {
      await go(page, base, '#/chain/biomed/brief', '.view-brief .gap-table tbody tr');
      await check('brief');
    },
  },
  {
    name: 'segment in each mode that fits it, a candidate opened',
    async run(page, base, check) {
      const report = await (await fetch(`${base}/api/v1/chains/biomed/gaps`)).json();
      const segments = new Set<string>(['biomed.cdmo', 'biomed.excipient', ...report.extensions.slice(0, 1).map((s: { segmentId: string }) => s.segmentId)]);
      for (const segment of segments) {
        await go(page, base, `#/chain/biomed/segment/${segment}`, 'li.candidate, .col-candidates .state');
        for (const mode of ['fill', 'strengthen', 'extend']) {
          if (!(await page.locator(`#mode-${mode}:not([disabled])`).count())) continue;
          await page.click(`label[for="mode-${mode}"]`);
          await page.waitForLoadState('networkidle');
          if (await page.locator('li.candidate').count()) {
            await page.locator('li.candidate .cand-name').first().click();
            await page.waitForSelector('.candidate-detail table.signals tbody tr');
          }
          await check(`segment-${segment}-${mode}`);
        }
      }
    },
  },
  {
    name: 'pairing with results and an explanation',
    async run(page, base, check) {
      await go(page, base, '#/pairing', '.pair-form');
      await page.click('label[for="pair-kind-text"]');
      await page.fill('#pair-text', '创新药制剂工艺放大，需要高校科研单位联合攻关');
      await page.click('.pair-form button[type="submit"]');
      await page.waitForSelector('li.candidate.pair');
      await page.locator('li.candidate.pair .cand-name').first().click();
      await page.waitForLoadState('networkidle');
      await check('pairing');
    },
  },
  {
    name: 'talent for 正大天晴',
    async run(page, base, check) {
      await go(page, base, '#/pairing?tab=talent', '#talent-enterprise');
      await page.fill('#talent-enterprise', '正大天晴');
      await page.waitForSelector('#talent-enterprise-list [role="option"]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForSelector('li.candidate.talent');
      await page.locator('li.candidate.talent .cand-name').first().click();
      await page.waitForLoadState('networkidle');
      await check('talent');
    },
  },
  {
    name: 'resources: a demand and an offer opened, the assignment run',
    async run(page, base, check) {
      await go(page, base, '#/resources', '#res-panel-demands .res-item');
      await page.locator('#res-panel-demands .res-item button.res-title').first().click();
      await page.waitForSelector('.res-matches li.res-match, .res-matches .unmet-block');
      await page.waitForLoadState('networkidle');
      await check('resources-demand');
      await page.click('#res-tab-offers');
      await page.waitForSelector('#res-panel-offers .res-item');
      await page.locator('#res-panel-offers .res-item button.res-title').first().click();
      await page.waitForLoadState('networkidle');
      await check('resources-offer');
      await page.click('#run-assign');
      await page.waitForSelector('.unmet-row', { timeout: 60_000 });
      await check('resources-assignment');
    },
  },
  {
    name: 'matches board with a card',
    async run(page, base, check) {
      await go(page, base, '#/matches', '.match-card');
      await check('matches');
    },
  },
  {
    name: 'attachment review with queued firms',
    async run(page, base, check) {
      await go(page, base, '#/review', `.review-card[data-firm-id="e2e.sweep.${tag}.1"]`);
      await check('review');
    },
  },
  {
    name: 'explorer: search results, then a node opened',
    async run(page, base, check) {
      await go(page, base, '#/explore?q=正大天晴', '.result-group[data-type="Enterprise"] button.result');
      await check('explore-search');
      await page.click('.result-group[data-type="Enterprise"] button.result');
      await page.waitForSelector('.graph-surface[data-settled="true"]', { timeout: 30_000 });
      await page.waitForSelector('.explore-detail table.props');
      await check('explore-entity');
    },
  },
  {
    name: 'error pages',
    async run(page, base, check) {
      await go(page, base, '#/no-such-page', '.view');
      await check('error-route');
      await go(page, base, '#/chain/no-such-chain', '.state-error');
      await check('error-chain');
      await go(page, base, '#/chain/biomed/segment/no.such.segment', '.state-error');
      await check('error-segment');
      // not a 404: a shared link whose search text is over the API's 200 characters gets a 400 naming the field
      await go(page, base, `#/explore?q=${'x'.repeat(201)}`, '.state-error');
      await check('error-bad-request');
    },
  },
];
