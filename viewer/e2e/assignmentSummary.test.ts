/**
 * The assignment summary an expert can trust (issue 13 item 6), in a real browser over the seed: the
 * global assignment of 厂房 shows where every open demand went — served, cannot be met (with the
 * excluding constraint), lost to competition (with the offers and who took them) — the three numbers
 * add up to the open demands the API reports, and the same holds in English. Screenshots:
 * test-output/assignment-summary.png and assignment-summary-en.png, 1440 wide.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../scripts/test/testServer.ts';
import { shot, startHarness, type Harness } from './browserHarness.ts';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

const count = async (page: Page, group: string) => Number(await page.locator(`.split-legend li[data-group="${group}"] .split-count`).innerText());

describe('assignment summary: served, cannot be met, lost to competition', () => {
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  let expected: { openDemands: number; served: number; infeasible: number; lostToCompetition: number };
  beforeAll(async () => {
    expected = (await (await postJson(`${harness.server.base}/api/v1/match/resources/assign`, { kinds: ['site'] })).json()).summary;
    ({ page, context, errors } = await harness.openApp('#/resources?kind=site', { viewport: { width: 1440, height: 1500 } }));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the split of the open 厂房 demands, adding up, with the same numbers as the API', async () => {
    await page.waitForSelector('#res-panel-demands .res-item');
    await page.click('#run-assign');
    await page.waitForSelector('.assign-split', { timeout: 60_000 });
    const [served, infeasible, lost] = [await count(page, 'served'), await count(page, 'infeasible'), await count(page, 'lostToCompetition')];
    expect({ served, infeasible, lost }).toEqual({ served: expected.served, infeasible: expected.infeasible, lost: expected.lostToCompetition });
    expect(served + infeasible + lost).toBe(expected.openDemands);
    expect(lost).toBeGreaterThan(0); // the seed's shared and sought-after buildings leave some firms out
    const line = await page.locator('.split-line').innerText();
    expect(line).toContain(`${expected.openDemands} 条开放需求`);
    expect(line).toContain(`${lost} 条在竞争中落选`);
    expect(await page.locator('#unmet-title').innerText()).toContain(`无法满足的需求（${infeasible}）`);
    expect(await page.locator('.split-bar span').count()).toBe([served, infeasible, lost].filter((n) => n > 0).length);
  });

  it('lists each lost demand with the offers it could have had and the firms that took them', async () => {
    const rows = page.locator('.lost-row');
    expect(await rows.count()).toBe(expected.lostToCompetition);
    expect(await page.locator('#lost-title').innerText()).toBe(`竞争落选的需求（${expected.lostToCompetition}）`);
    const first = rows.first();
    expect(await first.locator('.taken-offer').count()).toBeGreaterThan(0);
    expect(await first.locator('button.winner').count()).toBeGreaterThan(0);
    // Why the offer was not there: no place left, or too little area left for this firm's need.
    expect(await first.locator('.taken-offer .fig-note').first().innerText()).toMatch(/名额已满|剩余 .+ m²，需要 .+ m²/);
    expect(await first.locator('th .fig-note').innerText()).toMatch(/^需要 [\d,]+ m²$/);
    // The assigned table says how much area each pair takes.
    expect(await page.locator('.assign-table tbody tr').first().locator('td').nth(5).innerText()).toMatch(/[\d,]+ m²/);
    await page.locator('.assign-split').scrollIntoViewIfNeeded();
    await shot(page, 'assignment-summary');
  });

  it('opens a winner from the lost list as the selected demand', async () => {
    const winner = page.locator('.lost-row button.winner').first();
    const id = await winner.getAttribute('data-id');
    await winner.click();
    await page.waitForSelector(`#res-panel-demands li.res-item.selected[data-id="${id}"]`);
  });

  it('says the same in English', async () => {
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('#split-title').innerText()).toBe('Where the open demands went');
    const line = await page.locator('.split-line').innerText();
    expect(line).toContain(`${expected.openDemands} open demands: ${expected.served} served, ${expected.infeasible} cannot be met`);
    expect(line).toContain(`${expected.lostToCompetition} lost to competition`);
    expect(await page.locator('#lost-title').innerText()).toBe(`Demands lost to competition (${expected.lostToCompetition})`);
    expect(await page.locator('.lost-row .taken-offer .fig-note').first().innerText()).toMatch(/no place left|left, .+ needed/);
    expect(await page.locator('.split-legend').innerText()).not.toMatch(/[\u4e00-\u9fff]/); // words, not Chinese or codes
    await page.locator('.assign-split').scrollIntoViewIfNeeded();
    await shot(page, 'assignment-summary-en');
    await page.click('#lang-toggle');
  });

  it('raised no script errors on the way', () => {
    expect(errors).toEqual([]);
  });
});
