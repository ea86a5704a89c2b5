import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testUscc } from '../engine/import/testImports.ts';
import { seededGraph } from './test/seededGraph.ts';

const bin = new URL('../bin/chainmatch.mjs', import.meta.url).pathname;

/** Runs the CLI as a user would, against the test run's Neo4j. */
function chainmatch(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, NEO4J_URI: inject('neo4jUri') }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('chainmatch CLI (child process, real Neo4j)', () => {
  let folder: string;
  beforeAll(async () => {
    const graph = await seededGraph();
    await graph.close();
    folder = mkdtempSync(join(tmpdir(), 'chainmatch-cli-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('prints the gaps of a chain as JSON, the missing CDMO among them', async () => {
    const { code, stdout } = await chainmatch('gaps', 'biomed', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.chain.id).toBe('biomed');
    expect(report.gaps.map((g: { segmentId: string }) => g.segmentId)).toContain('biomed.cdmo');
  });

  it('prints an aligned table with Chinese headers without --json', async () => {
    const { code, stdout } = await chainmatch('gaps', 'biomed');
    expect(code).toBe(0);
    expect(stdout).toMatch(/排名\s+环节编号\s+环节/);
    expect(stdout).toContain('biomed.cdmo');
  });

  it('exports the gap list in English with --lang en, and refuses another language naming the flag', async () => {
    const out = join(folder, 'gaps-en.csv');
    const { code, stdout } = await chainmatch('export', 'gaps', 'biomed', '--out', out, '--lang', 'en');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Exported to/);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toMatch(/Gap/);
    expect(csv).not.toMatch(/缺口类型|补链/);
    const bad = await chainmatch('export', 'gaps', 'biomed', '--out', out, '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lang|lang/);
  });

  it('exits 2 on an unknown flag, naming it', async () => {
    const { code, stderr, stdout } = await chainmatch('gaps', 'biomed', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option --bogus');
    expect(stdout).toBe('');
  });

  it('exits 2 on an unknown command or a missing argument', async () => {
    expect((await chainmatch('frobnicate')).code).toBe(2);
    expect((await chainmatch('match', 'partners')).code).toBe(2);
  });

  it('exits 1 on a file with a bad row, naming the row and field, and writes nothing', async () => {
    const file = join(folder, 'firms.csv');
    const bad = testUscc(901).slice(0, 17) + (testUscc(901)[17] === '0' ? '1' : '0');
    writeFileSync(
      file,
      `统一社会信用代码,企业名称,是否区内企业,企业规模,成立年份\n${testUscc(900)},命令行测试甲有限公司,是,小型,2020\n${bad},命令行测试乙有限公司,是,小型,2020\n`,
    );
    const { code, stdout } = await chainmatch('import', 'enterprises', file, '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout).error.issues).toEqual([expect.objectContaining({ row: 2, path: 'id' })]);
    const { stdout: found } = await chainmatch('match', 'talent', '--enterprise', testUscc(900), '--json');
    expect(found).toContain('NotFoundError');
  });
});
