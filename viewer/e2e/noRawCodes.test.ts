/**
 * No internal code on a zh-CN screen (issue 16 items 5 and 8): every view is visited in Chinese,
 * in the state where it shows the most (segment in each mode, pairing and talent with results, a
 * demand's matches, the explorer with a node opened), and the rendered text is checked against a
 * dictionary of the codes the engine and the graph use — enum values (tags, sizes, levels, kinds,
 * statuses, classes, modes), property names, relationship types, node labels and ids spelled in
 * ASCII. Ids may appear only in a details line (`.mono`, `code`), which the check leaves out.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionLabels,
  enterpriseSizeSchema,
  enterpriseTagSchema,
  gapClassLabels,
  gapReasonLabels,
  nodeLabels,
  relationshipTypes,
  sourceSchema,
  stageLabels,
} from '../../engine/index.ts';
import { shot, startHarness, wide, type Harness } from './browserHarness.ts';

let harness: Harness;
let codes: Set<string>;

/** A value "looks like a code" when it is ASCII with a letter first and no space. */
/** Acronyms that are words in Chinese business text too (a GMP certificate), not internal codes. */
const knownWords = new Set(['GMP']);

const codeLike = /^[A-Za-z][A-Za-z0-9_.-]{2,}$/;

/** The dictionary: the engine's enums, and from the graph every property name, relationship type, low-cardinality ASCII value and ASCII id. */
async function codeDictionary(h: Harness): Promise<Set<string>> {
  const fromEngine = [
    ...enterpriseTagSchema.options,
    ...enterpriseSizeSchema.options,
    ...sourceSchema.options,
    ...relationshipTypes,
    ...nodeLabels,
    ...Object.keys(gapClassLabels),
    ...Object.keys(actionLabels),
    ...Object.keys(gapReasonLabels),
    ...Object.keys(stageLabels),
  ];
  const fromGraph = await h.graph.read(async (tx) => {
    const keys = await tx.run('MATCH (n) UNWIND keys(n) AS k RETURN DISTINCT k');
    const types = await tx.run('CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS k');
    // enum-like string values: per label and property, few distinct values (tags, size, level, kind, status …)
    const values = await tx.run(`
      MATCH (n) UNWIND keys(n) AS k WITH labels(n)[0] AS label, k, n[k] AS v
      UNWIND CASE WHEN v IS :: LIST<ANY> THEN v ELSE [v] END AS x
      WITH label, k, x WHERE x IS :: STRING AND k <> 'id'
      WITH label, k, collect(DISTINCT x) AS xs WHERE size(xs) <= 30
      UNWIND xs AS x RETURN DISTINCT x AS k`);
    const ids = await tx.run('MATCH (n) WHERE n.id IS :: STRING RETURN n.id AS k');
    return [...keys.records, ...types.records, ...values.records, ...ids.records].map((r) => String(r.get('k')));
  });
  return new Set([...fromEngine, ...fromGraph].filter((c) => codeLike.test(c) && !knownWords.has(c)));
}

/** The screen's text as a person reads it, without details lines (ids are allowed there). */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.mono, code, script, style, noscript, [hidden]').forEach((e) => e.remove());
    document.body.append(copy);
    copy.style.position = 'absolute';
    copy.style.left = '-99999px';
    const text = copy.innerText;
    copy.remove();
    return text;
  });
}

/** The codes that appear as whole words in the text. */
function rawCodesIn(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]/g) ?? [];
  return [...new Set(words.filter((w) => codes.has(w)))];
}

async function expectNoCodes(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const found = rawCodesIn(await screenText(page));
  await shot(page, `no-raw-codes-${where}`);
  expect(found, `raw codes on the zh-CN screen "${where}"`).toEqual([]);
}

beforeAll(async () => {
  harness = await startHarness();
  codes = await codeDictionary(harness);
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

describe('the dictionary check', () => {
  it('knows the codes the issue names, and finds them in a text', () => {
    for (const c of [
      'little-giant',
      'high-tech',
      'large',
      'medium',
      'academician',
      'SUPPLIES',
      'MAKES',
      'IN_SEGMENT',
      'businessScope',
      'revenueWan',
      'fill',
      'strengthen',
      'extend',
      'missing',
      'broken',
      'weak',
    ]) {
      expect(codes.has(c), c).toBe(true);
    }
    expect(rawCodesIn('梯度标签：little-giant, high-tech；规模：large；关系 SUPPLIES')).toEqual(['little-giant', 'high-tech', 'large', 'SUPPLIES']);
    expect(rawCodesIn('合同研发生产（CDMO）· 导出 Excel · API 密钥 · ChainMatch')).toEqual([]);
  });
});

describe('every view in zh-CN shows words, not codes', () => {
  const visit = async (hash: string, ready: string) => {
    const opened = await harness.openApp(hash, { viewport: wide });
    await opened.page.waitForSelector(ready, { timeout: 30_000 });
    return opened;
  };

  it('overview', async () => {
    const { page, context } = await visit('#/', '.overview-card');
    await expectNoCodes(page, 'overview');
    await context.close();
  });

  it('chain map', async () => {
    const { page, context } = await visit('#/chain/biomed', 'svg.chain-map g.segment');
    await expectNoCodes(page, 'chain-map');
    await context.close();
  });

  it('segment in each mode that fits it', async () => {
    const report = await (await fetch(`${harness.server.base}/api/v1/chains/biomed/gaps`)).json();
    const segments = new Set<string>(['biomed.cdmo', 'biomed.excipient', ...report.extensions.slice(0, 1).map((s: { segmentId: string }) => s.segmentId)]);
    const { page, context } = await visit('#/chain/biomed/segment/biomed.cdmo', 'li.candidate');
    for (const segment of segments) {
      await page.goto(`${harness.server.base}/#/chain/biomed/segment/${segment}`);
      await page.waitForSelector('li.candidate, .col-candidates .state', { timeout: 30_000 });
      for (const mode of ['fill', 'strengthen', 'extend']) {
        if (!(await page.locator(`#mode-${mode}:not([disabled])`).count())) continue;
        await page.click(`label[for="mode-${mode}"]`);
        await page.waitForLoadState('networkidle');
        if (await page.locator('li.candidate').count()) await page.locator('li.candidate .cand-name').first().click();
        await expectNoCodes(page, `segment-${segment}-${mode}`);
      }
    }
    await context.close();
  }, 120_000);

  it('pairing with results and an explanation', async () => {
    const { page, context } = await visit('#/pairing', '.pair-form');
    await page.click('label[for="pair-kind-text"]');
    await page.fill('#pair-text', '创新药制剂工艺放大，需要高校科研单位联合攻关');
    await page.click('.pair-form button[type="submit"]');
    await page.waitForSelector('li.candidate.pair');
    await page.locator('li.candidate.pair .cand-name').first().click();
    await expectNoCodes(page, 'pairing');
    await context.close();
  }, 60_000);

  it('talent for 正大天晴', async () => {
    const { page, context } = await visit('#/pairing?tab=talent', '#talent-enterprise');
    await page.fill('#talent-enterprise', '正大天晴');
    await page.waitForSelector('#talent-enterprise-list [role="option"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForSelector('li.candidate.talent');
    await page.locator('li.candidate.talent .cand-name').first().click();
    await expectNoCodes(page, 'talent');
    await context.close();
  }, 60_000);

  it('resources with a demand opened', async () => {
    const { page, context } = await visit('#/resources', '#res-panel-demands .res-item');
    await page.locator('#res-panel-demands .res-item button.res-title').first().click();
    await page.waitForSelector('.res-matches li.res-match, .res-matches .unmet-block');
    await expectNoCodes(page, 'resources');
    await context.close();
  }, 60_000);

  it('matches and review', async () => {
    const { page, context } = await visit('#/matches', '.pipeline');
    await expectNoCodes(page, 'matches');
    await page.goto(`${harness.server.base}/#/review`);
    await page.waitForSelector('.view-review h1');
    await expectNoCodes(page, 'review');
    await context.close();
  }, 60_000);

  it('explorer with a node opened', async () => {
    const { page, context } = await visit('#/explore?q=正大天晴', '.result-group[data-type="Enterprise"] button.result');
    await page.click('.result-group[data-type="Enterprise"] button.result');
    await page.waitForSelector('.graph-surface[data-settled="true"]', { timeout: 30_000 });
    await page.waitForSelector('.explore-detail table.props');
    await expectNoCodes(page, 'explore');
    await context.close();
  }, 60_000);
});
