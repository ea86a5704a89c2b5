/**
 * No internal code on a zh-CN screen (issue 16 items 5 and 8): every view of viewer/e2e/everyView.ts
 * (the list the English sweep, everyViewInEnglish.test.ts, visits too) is visited in Chinese, in the
 * state where it shows the most (the brief; segment in each mode; pairing and talent with results; a
 * demand, an offer and the assignment; a tracked match; firms in review; the explorer's search and a
 * node opened; the error pages), and the rendered text is checked against a
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
import { everyView, prepareFixtures, removeFixtures } from './everyView.ts';

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

/**
 * The screen's text as a person reads it, without details lines (ids are allowed there) and without data
 * (`translate="no"`: names and words as recorded, which may hold ASCII such as a firm named "南京e2e巡检…"
 * while an actor named e2e is in the graph; the English sweep exempts the same).
 */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.mono, code, script, style, noscript, [hidden], [translate="no"]').forEach((e) => e.remove());
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
  await prepareFixtures(harness, 'zh');
}, 240_000);
afterAll(async () => {
  if (harness) await removeFixtures(harness, 'zh');
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
  // the views and their states are those of the English sweep (everyView.ts): one list, both languages
  for (const visit of everyView('zh')) {
    it(
      visit.name,
      async () => {
        const { page, context } = await harness.openApp('', { viewport: wide });
        try {
          await visit.run(page, harness.server.base, (where) => expectNoCodes(page, where));
        } finally {
          await context.close();
        }
      },
      180_000,
    );
  }
});
