/**
 * Follow-ups on the match tracking board (issue 16 item 7): each card says who follows it up and by
 * when, an overdue one says so in words, the "逾期跟进" filter shows how many there are and lists only
 * them, and a due date set on a card moves the match onto that list. The server's clock is the real
 * one, so the dates are far in the past (2020) or future (2099).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchRecord } from '../../engine/index.ts';
import { e2eKey, shot, startHarness, type Harness } from './browserHarness.ts';

let harness: Harness;
const explanation = { signals: [], paths: [], confidence: 'weak', reason: '跟进测试推荐' };

async function record(subjectId: string, candidateId: string, candidateName: string, dueDate?: string): Promise<MatchRecord> {
  const res = await fetch(`${harness.server.base}/api/v1/matches`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${e2eKey}` },
    body: JSON.stringify({
      kind: 'partner',
      chainId: 'biomed',
      subjectId,
      candidateId,
      candidateName,
      score: 0.5,
      explanation,
      ...(dueDate ? { dueDate } : {}),
    }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('match tracking: owner, due date and the overdue follow-ups', () => {
  // The chain list arriving while a key is typed rebuilt the key form, so Enter then found an empty
  // field and no key was set (seen as a flaky 负责人 check under load): the list is held until typed.
  it('keeps a key being typed when the chain list arrives meanwhile', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { page, context, errors } = await harness.openApp('#/matches', {
      beforeGoto: (p) =>
        p.route('**/api/v1/chains', async (route) => {
          await held;
          await route.continue();
        }),
    });
    try {
      await page.fill('.key-panel input[type="password"]', e2eKey);
      release();
      await expect.poll(() => page.locator('#m-chain option').count(), { timeout: 15_000 }).toBeGreaterThan(1);
      await page.press('.key-panel input[type="password"]', 'Enter');
      await expect.poll(() => page.locator('.key-panel').innerText(), { timeout: 15_000 }).toContain('API 密钥已设置');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows owner and due date on the cards, counts and filters the overdue ones, and sets a due date from a card', async () => {
    // Firms from the far end of the id order, so that no other journey records the same pair.
    const firms = await harness.graph.query<{ id: string; name: string }>('MATCH (e:Enterprise) RETURN e.id AS id, e.name AS name ORDER BY e.id DESC LIMIT 6');
    const late = await record(firms[0].id, firms[1].id, firms[1].name, '2020-01-15');
    const later = await record(firms[2].id, firms[3].id, firms[3].name, '2099-12-31');
    await record(firms[4].id, firms[5].id, firms[5].name);

    const { page, context, errors } = await harness.openApp('#/matches', { viewport: { width: 1440, height: 900 } });
    try {
      await page.fill('.key-panel input[type="password"]', e2eKey);
      await page.press('.key-panel input[type="password"]', 'Enter');
      const lateCard = page.locator(`.match-card[data-id="${late.id}"]`);
      await lateCard.waitFor();
      await expect.poll(() => lateCard.locator('.match-follow').innerText(), { timeout: 15_000 }).toContain('负责人：e2e');
      expect(await lateCard.locator('.match-follow').innerText()).toMatch(/跟进截止：2020-01-15.*已逾期/s);
      const laterCard = page.locator(`.match-card[data-id="${later.id}"]`);
      expect(await laterCard.locator('.match-follow').innerText()).toContain('跟进截止：2099-12-31');
      expect(await laterCard.locator('.overdue-badge').count()).toBe(0);

      const filter = page.locator('button.overdue-filter');
      await expect.poll(() => filter.innerText(), { timeout: 15_000 }).toMatch(/^逾期跟进（\d+ 条）$/);
      const before = Number((await filter.innerText()).match(/\d+/)![0]);
      expect(before).toBeGreaterThanOrEqual(1);
      await filter.click();
      expect(await filter.getAttribute('aria-pressed')).toBe('true');
      expect(page.url()).toContain('overdue=1');
      await expect.poll(() => page.locator('.match-card').count(), { timeout: 15_000 }).toBe(before);
      expect(await page.locator('.match-card:not(.is-overdue)').count()).toBe(0);
      expect(await page.locator(`.match-card[data-id="${later.id}"]`).count()).toBe(0);
      await shot(page, 'matches-overdue-1440');

      // Back to every match; give the far-future one a past date from its card: it joins the overdue list.
      await filter.click();
      await laterCard.waitFor();
      await laterCard.locator('input.due-input').fill('2020-02-01');
      await laterCard.locator('button.set-due').click();
      await page.waitForSelector('.match-ok');
      expect(await page.locator('.match-ok').innerText()).toContain('2020-02-01');
      await expect.poll(() => filter.innerText(), { timeout: 15_000 }).toBe(`逾期跟进（${before + 1} 条）`);
      await expect.poll(() => laterCard.locator('.overdue-badge').count(), { timeout: 15_000 }).toBe(1);
      const stored: MatchRecord = await (await fetch(`${harness.server.base}/api/v1/matches/${encodeURIComponent(later.id)}`)).json();
      expect(stored).toMatchObject({ dueDate: '2020-02-01', overdue: true });
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(page, 'matches-overdue-390');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
