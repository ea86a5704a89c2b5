import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rules of eslint.config.js, checked on small made-up files placed (by name only) in each layer:
// a rule that stopped matching — a regex typo, a glob that no longer covers a folder — fails here, not silently.
const eslint = new ESLint({ cwd: process.cwd() });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const restricted = '@typescript-eslint/no-restricted-imports';

describe('engine/ knows nothing of HTTP or of the layers above it', () => {
  it('rejects express, multer and imports from api/, viewer/, scripts/ and seed/', async () => {
    expect(await rulesBroken('engine/chain/made.ts', "import express from 'express';\nexport const app = express;\n")).toEqual([restricted]);
    expect(await rulesBroken('engine/chain/made.ts', "import multer from 'multer';\nexport const m = multer;\n")).toEqual([restricted]);
    for (const layer of ['api/app.ts', 'viewer/src/main.ts', 'scripts/runtime.ts', 'seed/seedGraph.ts']) {
      expect(await rulesBroken('engine/chain/made.ts', `import * as x from '../../${layer}';\nexport const y = x;\n`), layer).toEqual([restricted]);
    }
  });

  it('lets its own files import each other, and its tests use the test harness', async () => {
    expect(await rulesBroken('engine/chain/made.ts', "import { Graph } from '../graph/graph.ts';\nexport const g = Graph;\n")).toEqual([]);
    expect(
      await rulesBroken('engine/chain/made.test.ts', "import { seededGraph } from '../../scripts/test/seededGraph.ts';\nexport const s = seededGraph;\n"),
    ).toEqual([]);
  });
});

describe('api/ holds no Cypher and reaches the engine through its entry', () => {
  it('rejects a deep engine import and the driver, accepts engine/index.ts and engine/contracts', async () => {
    expect(
      await rulesBroken('api/routes/made.ts', "import { gapAnalysis } from '../../engine/chain/gapAnalysis.ts';\nexport const g = gapAnalysis;\n"),
    ).toEqual([restricted]);
    expect(await rulesBroken('api/routes/made.ts', "import neo4j from 'neo4j-driver';\nexport const n = neo4j;\n")).toEqual([restricted]);
    expect(await rulesBroken('api/routes/made.ts', "import { Graph } from '../../engine/index.ts';\nexport const g = Graph;\n")).toEqual([]);
    expect(await rulesBroken('api/routes/made.ts', "import { x } from '../../engine/contracts/chains.ts';\nexport const y = x;\n")).toEqual([]);
  });

  it('rejects a Cypher clause in a string or a template, and not the word in prose', async () => {
    expect(await rulesBroken('api/routes/made.ts', "export const q = 'MATCH (e:Enterprise) RETURN e';\n")).toEqual(['no-restricted-syntax']);
    expect(await rulesBroken('api/routes/made.ts', 'export const q = `MERGE (e:Enterprise {id: $id})`;\n')).toEqual(['no-restricted-syntax']);
    expect(await rulesBroken('api/routes/made.ts', "export const title = 'No MATCH for this request';\n")).toEqual([]);
  });

  it('lets its tests read the graph with Cypher to check what a route wrote', async () => {
    expect(await rulesBroken('api/routes/made.test.ts', "export const q = 'MATCH (e:Enterprise) RETURN e';\n")).toEqual([]);
  });
});

describe('viewer/ talks to the API only', () => {
  it('takes engine contracts as types only, and nothing else from the engine or the server', async () => {
    expect(await rulesBroken('viewer/src/views/made.ts', "import type { X } from '../../../engine/contracts/chains.ts';\nexport type Y = X;\n")).toEqual([]);
    expect(await rulesBroken('viewer/src/views/made.ts', "import { x } from '../../../engine/contracts/chains.ts';\nexport const y = x;\n")).toEqual([
      restricted,
    ]);
    expect(await rulesBroken('viewer/src/views/made.ts', "import type { Graph } from '../../../engine/index.ts';\nexport type G = Graph;\n")).toEqual([
      restricted,
    ]);
    expect(await rulesBroken('viewer/src/views/made.ts', "import { createApp } from '../../../api/app.ts';\nexport const a = createApp;\n")).toEqual([
      restricted,
    ]);
  });

  it('uses its own HTTP client in viewer/src/api, from any depth', async () => {
    expect(await rulesBroken('viewer/src/views/made.ts', "import { getJson } from '../api/client.ts';\nexport const g = getJson;\n")).toEqual([]);
    expect(await rulesBroken('viewer/src/views/deeper/made.ts', "import type { X } from '../../api/types.ts';\nexport type Y = X;\n")).toEqual([]);
    expect(await rulesBroken('viewer/src/views/deeper/made.ts', "import type { X } from '../../../../api/route.ts';\nexport type Y = X;\n")).toEqual([
      restricted,
    ]);
  });
});

describe('scripts/ and seed/ reach the engine through engine/index.ts', () => {
  it('rejects a deep engine import, accepts the entry', async () => {
    expect(await rulesBroken('scripts/bench/made.ts', "import { Graph } from '../../engine/graph/graph.ts';\nexport const g = Graph;\n")).toEqual([restricted]);
    expect(await rulesBroken('seed/generate/made.ts', "import { topicId } from '../../engine/model/topic.ts';\nexport const t = topicId;\n")).toEqual([
      restricted,
    ]);
    expect(await rulesBroken('seed/generate/made.ts', "import { topicId } from '../../engine/index.ts';\nexport const t = topicId;\n")).toEqual([]);
  });

  it('lets a test reach an internal helper', async () => {
    expect(await rulesBroken('seed/generate/made.test.ts', "import { topicId } from '../../engine/model/topic.ts';\nexport const t = topicId;\n")).toEqual([]);
  });
});

describe('lines', () => {
  it('stop at 160 characters of code, while a long string may run on', async () => {
    const longCall = `export const total = [${Array.from({ length: 40 }, (_, i) => i + 100).join(', ')}];\n`;
    expect(longCall.length).toBeGreaterThan(161);
    expect(await rulesBroken('seed/generate/made.ts', longCall)).toEqual(['max-len']);
    expect(await rulesBroken('seed/generate/made.ts', `export const text = '${'长'.repeat(170)}';\n`)).toEqual([]);
  });
});
