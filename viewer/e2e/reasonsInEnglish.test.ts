/**
 * Reasons and evidence in the user's language (issue 16 item 5): in English, a 补链 candidate's reason
 * and its signal details, and a pairing result's reason, are rendered from the engine's messages — no
 * Chinese sentence left, only data names (quoted). Back in Chinese, the engine's own text is shown.
 * Screenshots: test-output/reasons-en-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shot, startHarness, type Harness } from './browserHarness.ts';
import { cjk, withoutNames } from '../../scripts/test/englishText.ts';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
}, 240_000);
afterAll(async () => {
  await harness?.stop();
});

async function inEnglish(page: Page): Promise<void> {
  await page.click('#lang-toggle');
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
}

describe('reasons in English', () => {
  it('a 补链 candidate: reason and every signal detail in English, names quoted', async () => {
    const { page, context, errors } = await harness.openApp('#/chain/biomed/segment/biomed.cdmo');
    await page.waitForSelector('li.candidate .cand-reason');
    const chinese = await page.locator('li.candidate .cand-reason').allInnerTexts();
    expect(chinese.join('\n')).toMatch(/属于「|业务与「/);
    await inEnglish(page);
    await expect.poll(async () => (await page.locator('li.candidate .cand-reason').allInnerTexts()).join('\n')).toMatch(/in the segment “|business close to “/);
    const reasons = await page.locator('li.candidate .cand-reason').allInnerTexts();
    expect(reasons.length).toBeGreaterThanOrEqual(5);
    for (const r of reasons) expect(withoutNames(r), r).not.toMatch(cjk);

    await page.locator('li.candidate .cand-name').first().click();
    await page.waitForSelector('.candidate-detail table.signals tbody tr');
    expect(withoutNames(await page.locator('.candidate-detail .cand-reason').innerText())).not.toMatch(cjk);
    const details = await page.locator('.candidate-detail table.signals td.detail-text').allInnerTexts();
    expect(details.length).toBe(6);
    for (const d of details) expect(withoutNames(d), d).not.toMatch(cjk);
    expect(details.join('\n')).toMatch(/in the segment: (yes|no)/);
    await shot(page, 'reasons-en-partner');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a pairing result for a need in words: the reason in English clauses', async () => {
    const { page, context, errors } = await harness.openApp('#/pairing');
    await page.click('label[for="pair-kind-text"]');
    await page.fill('#pair-text', '创新药制剂工艺放大，需要高校科研单位联合攻关');
    await page.click('.pair-form button[type="submit"]');
    await page.waitForSelector('li.candidate.pair .cand-reason');
    expect(await page.locator('li.candidate.pair .cand-reason').first().innerText()).toMatch(/围绕「|研究方向相近/);
    await inEnglish(page);
    await expect.poll(() => page.locator('li.candidate.pair .cand-reason').first().innerText()).toMatch(/around “|close research direction/);
    for (const r of await page.locator('li.candidate.pair .cand-reason').allInnerTexts()) {
      // the unit and researcher names are data; the sentence around them is English: no Chinese clause marks or template words
      expect(r).not.toMatch(/[；「」]|围绕|命中需求|对接|折算/);
    }
    await shot(page, 'reasons-en-pairing');
    expect(errors).toEqual([]);
    await context.close();
  });
});
