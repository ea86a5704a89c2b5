import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InvalidInputError, KnowledgeEngine, importEntities, importFile, tableSpecs, type ImportPhase, type ImportReport } from '../../engine/index.ts';
import { progressBar } from '../progress.ts';
import { CommandFailure, UsageError, oneOf, score, type Command } from './command.ts';
import { formatTable } from './textTable.ts';

const phaseTitles: Record<ImportPhase, string> = { attach: '[自动挂链]', write: '[写入]' };

function reportText(report: ImportReport, file: string): string {
  const what = report.entity === 'chains' ? '产业链模板' : tableSpecs[report.entity].title;
  const lines = [
    `已导入 ${file}（${what}，${report.format}）：${report.rows} 行 → ${report.nodes} 个节点、${report.relationships} 条关系，用时 ${(report.ms / 1000).toFixed(1)} 秒`,
  ];
  if (report.attached.length > 0) {
    lines.push(
      '',
      `自动挂链 ${report.attached.length} 家：`,
      formatTable(
        [{ header: '统一社会信用代码' }, { header: '环节' }, { header: '置信度', align: 'right' }],
        report.attached.map((a) => [a.id, a.segmentId, score(a.confidence)]),
      ),
    );
  }
  if (report.unattached.length > 0) lines.push('', `未能自动挂链（置信度不足，请人工指定环节）${report.unattached.length} 家：${report.unattached.join('、')}`);
  for (const u of report.unmatchedProducts) lines.push(`产品未匹配到产业链模板：${u.id} — ${u.products.join('、')}`);
  return lines.join('\n');
}

function issuesText(error: InvalidInputError, entity: string, file: string): string {
  const columns = entity in tableSpecs ? tableSpecs[entity as keyof typeof tableSpecs].columns : [];
  const header = (path: string) => {
    const c = columns.find((x) => x.field === path.split('.')[0]);
    return c ? `${c.zh}（${path}）` : path;
  };
  const sheet = /\.(csv|xlsx)$/i.test(file);
  return [
    `导入失败，未写入任何数据：${error.message}`,
    '',
    formatTable(
      [{ header: '数据行', align: 'right' }, ...(sheet ? [{ header: '表格行', align: 'right' as const }] : []), { header: '字段' }, { header: '问题' }],
      error.issues.map((i) => [i.row ?? '', ...(sheet ? [i.row === undefined ? '' : i.row + 1] : []), header(i.path), i.message]),
    ),
    '',
    '数据行从 1 数起（不含表头）；表格行是 Excel 中的行号（表头在第 1 行）。',
  ].join('\n');
}

export const importCommand: Command = {
  name: 'import',
  usage: `<${importEntities.join('|')}> <file> [--format csv|xlsx|jsonl|json]`,
  summary: '导入一个文件（docs/import-format.md）：先校验全部行，全部通过才一次性写入',
  options: { format: { type: 'string' } },
  positionals: ['entity', 'file'],
  async run({ values, positionals: [entity, path] }, ctx) {
    if (!(importEntities as readonly string[]).includes(entity)) throw new UsageError(`unknown entity "${entity}"; one of ${importEntities.join(', ')}`);
    const format = oneOf('format', values.format, ['csv', 'xlsx', 'jsonl', 'json'] as const);
    let content: Buffer;
    try {
      content = readFileSync(path);
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
    }
    const file = basename(path);
    return ctx.withGraph(async ({ graph }) => {
      let bar: { phase: ImportPhase; update: (d: number, t: number) => void; stop: () => void } | undefined;
      const onProgress = (phase: ImportPhase, done: number, total: number) => {
        if (!ctx.interactive) return;
        if (bar?.phase !== phase) {
          bar?.stop();
          bar = { phase, ...progressBar(phaseTitles[phase]) };
        }
        bar.update(done, total);
      };
      try {
        const report = await importFile(graph, new KnowledgeEngine(graph), { entity, filename: file, content, format, onProgress });
        return { value: report, text: reportText(report, file) };
      } catch (error) {
        if (error instanceof InvalidInputError) {
          throw new CommandFailure({
            value: { error: { type: error.name, message: error.message, issues: error.issues } },
            text: issuesText(error, entity, file),
          });
        }
        throw error;
      } finally {
        bar?.stop();
      }
    });
  },
};
