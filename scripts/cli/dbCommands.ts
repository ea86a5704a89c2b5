import { deleteAllData, graphCounts } from '../../engine/index.ts';
import { ensureSeeded } from '../../seed/seedGraph.ts';
import { defaultEmbeddedOptions } from '../neo4j/embedded.ts';
import { progressBar } from '../progress.ts';
import { openGraph } from '../runtime.ts';
import { CommandFailure, UsageError, type Command } from './command.ts';
import { isAlive, pidFilePath, removePidFile, runningDatabase, writePidFile } from './pidFile.ts';

export const dbStartCommand: Command = {
  name: 'db start',
  usage: '',
  summary: '在前台运行内置 Neo4j（载入种子数据，若尚未载入），Ctrl-C 或 chainmatch db stop 停止',
  options: {},
  positionals: [],
  async run(_args, ctx) {
    if (process.env.NEO4J_URI) throw new UsageError('NEO4J_URI names a server that runs on its own; db start runs the embedded database (unset NEO4J_URI)');
    const running = runningDatabase();
    if (running !== undefined)
      throw new CommandFailure({ value: { error: { type: 'AlreadyRunning', pid: running } }, text: `已在运行（pid ${running}，${pidFilePath()}）` });

    const open = await openGraph({ log: ctx.log });
    writePidFile();
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      ctx.log('[neo4j] stopping …');
      open.close().finally(() => {
        removePidFile();
        process.exit(0);
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('exit', () => removePidFile());

    const bar = ctx.interactive ? progressBar('[seed]') : undefined;
    const seeded = await ensureSeeded(open.graph, { onProgress: bar?.update });
    bar?.stop();
    const counts = await graphCounts(open.graph);
    ctx.log(
      `[neo4j] embedded at ${open.uri} (data ${open.embedded?.dataDir}, pid ${process.pid})${seeded ? `; seed loaded in ${(seeded.ms / 1000).toFixed(1)} s` : ''}; ` +
        `${counts.nodes} nodes, ${counts.relationships} relationships. Ctrl-C or \`chainmatch db stop\` stops it.`,
    );
    // Runs until a signal: the embedded JVM is a child of this process and keeps the event loop alive.
    return new Promise<never>(() => {});
  },
};

export const dbStopCommand: Command = {
  name: 'db stop',
  usage: '',
  summary: '停止 chainmatch db start 运行的数据库',
  options: {},
  positionals: [],
  async run() {
    const pid = runningDatabase();
    if (pid === undefined) return { value: { stopped: false, running: false }, text: '没有正在运行的数据库（无有效 pid 文件）' };
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 60_000;
    while (isAlive(pid)) {
      if (Date.now() > deadline) throw new CommandFailure({ value: { error: { type: 'Timeout', pid } }, text: `pid ${pid} 在 60 秒内没有退出` });
      await new Promise((r) => setTimeout(r, 200));
    }
    return { value: { stopped: true, pid }, text: `已停止（pid ${pid}）` };
  },
};

export const dbResetCommand: Command = {
  name: 'db reset',
  usage: '--yes',
  summary: '清空数据库（保留索引与约束）；下次 db start 或 npm start 会重新载入种子数据',
  options: { yes: { type: 'boolean' } },
  positionals: [],
  async run({ values }, ctx) {
    if (!values.yes)
      throw new UsageError(
        `this deletes every node and relationship of ${process.env.NEO4J_URI ?? `the embedded database in ${defaultEmbeddedOptions().dataDir}`}; add --yes to confirm`,
      );
    return ctx.withGraph(async ({ graph, uri }) => {
      const before = await graphCounts(graph);
      await deleteAllData(graph);
      return {
        value: { emptied: uri, nodes: before.nodes, relationships: before.relationships },
        text: `已清空 ${uri}（删除 ${before.nodes} 个节点、${before.relationships} 条关系）`,
      };
    });
  },
};
