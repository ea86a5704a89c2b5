// `npx chainmatch <command> …` (bin/chainmatch.mjs), or `npx tsx scripts/cli.ts …`: the engine's
// operations from a shell — import, gaps, match, assign, export, db. See docs/cli.md.
// Exit codes: 0 done, 1 the operation failed (bad file, not found, database unavailable), 2 wrong usage.
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { ChainMatchError, InvalidInputError } from '../engine/index.ts';
import { assignCommand, matchResourcesCommand } from './cli/resourceCommands.ts';
import { gapsCommand, matchPartnersCommand } from './cli/chainCommands.ts';
import { CommandFailure, UsageError, type Command, type CommandContext, type CommandResult } from './cli/command.ts';
import { connectGraph } from './cli/connect.ts';
import { dbResetCommand, dbStartCommand, dbStopCommand } from './cli/dbCommands.ts';
import { exportCommand } from './cli/exportCommand.ts';
import { importCommand } from './cli/importCommand.ts';
import { matchSchoolCommand, matchTalentCommand } from './cli/knowledgeCommands.ts';

const commands: Command[] = [
  importCommand,
  gapsCommand,
  matchPartnersCommand,
  matchSchoolCommand,
  matchTalentCommand,
  matchResourcesCommand,
  assignCommand,
  exportCommand,
  dbStartCommand,
  dbStopCommand,
  dbResetCommand,
];
const globalOptions = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

const usageOf = (c: Command) => `chainmatch ${c.name}${c.usage ? ` ${c.usage}` : ''} [--json]`;

function helpText(): string {
  return [
    'ChainMatch 命令行 · usage: chainmatch <command> [arguments] [--json]',
    '',
    ...commands.flatMap((c) => [`  ${usageOf(c)}`, `      ${c.summary}`]),
    '',
    '--json prints machine-readable JSON on stdout; progress and notes go to stderr.',
    'The graph: NEO4J_URI if set, else the database `chainmatch db start` keeps running, else an embedded one for the command.',
  ].join('\n');
}

/** The command the first one or two words name ("gaps", "match partners"), and the arguments after them. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

function unknownCommand(argv: string[]): UsageError {
  const group = commands.filter((c) => c.name.startsWith(`${argv[0]} `)).map((c) => c.name.split(' ')[1]);
  if (group.length > 0) return new UsageError(`"${argv[0]}" needs one of: ${group.join(', ')}${argv[1] ? ` (not "${argv[1]}")` : ''}`);
  return new UsageError(`unknown command "${argv[0]}"; run chainmatch --help for the list`);
}

function parse(command: Command, rest: string[]) {
  try {
    return parseArgs({ args: rest, options: { ...command.options, ...globalOptions }, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    const flag = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${flag}`, usageOf(command));
    return new UsageError((error as Error).message.split('. To specify')[0], usageOf(command));
  }
}

function print(result: CommandResult, json: boolean, stream: NodeJS.WriteStream): void {
  stream.write(json ? `${JSON.stringify(result.value, null, 2)}\n` : `${result.text}\n`);
}

function errorResult(error: ChainMatchError): CommandResult {
  const issues = error instanceof InvalidInputError ? error.issues : [];
  const lines = [
    `错误：${error.message}`,
    ...issues.map((i) => `  ${[i.file, i.row === undefined ? '' : `row ${i.row}`, i.path].filter(Boolean).join(' ')}: ${i.message}`),
  ];
  return { value: { error: { type: error.name, message: error.message, issues } }, text: lines.join('\n') };
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0])) {
    (argv.length === 0 ? process.stderr : process.stdout).write(`${helpText()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  let json = argv.includes('--json');
  try {
    if (!found) throw unknownCommand(argv);
    const { command, rest } = found;
    const parsed = parse(command, rest);
    if (parsed instanceof UsageError) throw parsed;
    const { values, positionals } = parsed;
    json = values.json === true;
    if (values.help) {
      process.stdout.write(`${usageOf(command)}\n    ${command.summary}\n`);
      return 0;
    }
    const max = command.positionals.length + (command.optionalPositionals?.length ?? 0);
    if (positionals.length < command.positionals.length) throw new UsageError(`missing <${command.positionals[positionals.length]}>`, usageOf(command));
    if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`, usageOf(command));

    const ctx: CommandContext = {
      json,
      log: (line) => process.stderr.write(`${line}\n`),
      interactive: !json && Boolean(process.stderr.isTTY),
      async withGraph(work) {
        const open = await connectGraph(ctx.log);
        try {
          return await work(open);
        } finally {
          await open.close();
        }
      },
    };
    print(await command.run({ values, positionals }, ctx), json, process.stdout);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ZodError) {
      const message = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ') : error.message;
      const usage = error instanceof UsageError ? error.usage : undefined;
      process.stderr.write(`chainmatch${found ? ` ${found.command.name}` : ''}: ${message}\n${usage ? `usage: ${usage}\n` : ''}`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      print(error.result, json, json ? process.stdout : process.stderr);
      return 1;
    }
    if (error instanceof ChainMatchError) {
      print(errorResult(error), json, json ? process.stdout : process.stderr);
      return 1;
    }
    // The driver's own errors (server gone, auth) are expected too: one sentence, not a stack.
    const neo4jCode = (error as { code?: string }).code;
    if (neo4jCode) {
      process.stderr.write(`错误：Neo4j ${neo4jCode}: ${(error as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

// A reader that stops early (`… --json | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
