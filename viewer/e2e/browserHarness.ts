/**
 * What every e2e file needs: the seeded graph, a real API server with one write key, Debian's
 * Chromium, and pages that record script errors. One harness per test file (`startHarness()` in
 * `beforeAll`, `stop()` in `afterAll`), so journeys can live in files of their own.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Graph } from '../../engine/index.ts';
import { hashKey } from '../../api/config.ts';
import { seededGraph } from '../../scripts/test/seededGraph.ts';
import { startTestServer } from '../../scripts/test/testServer.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const builtIndex = new URL('../dist/index.html', import.meta.url).pathname;
export const outDir = new URL('../../test-output/', import.meta.url).pathname;
export const viewport = { width: 1280, height: 800 };
export const wide = { width: 1920, height: 1080 };
/** The harness server's one write key; matches recorded with it have `createdBy = 'e2e'`. */
export const e2eKey = 'e2e-write-key';

export interface Harness {
  graph: Graph;
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: Browser;
  /** A fresh page (new context: empty storage, so Chinese by default) that records page errors. */
  openApp(
    hash?: string,
    /** `beforeGoto` runs on the new page before it loads the app (e.g. to hold a request with `page.route`). */
    options?: { viewport?: { width: number; height: number }; locale?: string; beforeGoto?: (page: Page) => Promise<unknown> },
  ): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(builtIndex)) throw new Error('The viewer is not built: run `npm run build` first (`npm test` does).');
  if (!existsSync(chromiumPath)) throw new Error(`No browser at ${chromiumPath}: install Debian's package with \`apt-get install -y chromium\`.`);
  mkdirSync(outDir, { recursive: true });
  const graph = await seededGraph();
  const server = await startTestServer(graph, { keys: [{ owner: 'e2e', sha256: hashKey(e2eKey), scopes: ['write'] }] });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return {
    graph,
    server,
    browser,
    async openApp(hash = '', options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? viewport, locale: options.locale ?? 'zh-CN', acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      await options.beforeGoto?.(page);
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
      });
      await page.goto(`${server.base}/${hash}`);
      return { page, context, errors };
    },
    async stop() {
      await browser.close();
      await server.close();
      // the matches recorded through the views; the seed has none, and other test files count on that
      await graph.write((tx) => tx.run("MATCH (m:Match) WHERE m.createdBy = 'e2e' DETACH DELETE m"));
      await graph.close();
    },
  };
}

/**
 * The harness of one test file: started before its tests and stopped after them. The returned object
 * reads the running harness (so call it at the top of the file, use it inside tests).
 */
export function harnessPerFile(): Pick<Harness, 'graph' | 'server' | 'openApp'> {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  const running = () => {
    if (!harness) throw new Error('the harness is not running: use it inside tests or hooks');
    return harness;
  };
  return {
    get graph() {
      return running().graph;
    },
    get server() {
      return running().server;
    },
    openApp: (hash, options) => running().openApp(hash, options),
  };
}

/** Saves a screenshot in test-output/ for a person to look at. */
export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${outDir}${name}.png`, fullPage });
}
