import type { ParseArgsConfig } from 'node:util';
import type { OpenGraph } from '../runtime.ts';

/** Wrong use of the CLI (unknown command or flag, a missing or malformed argument): exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandContext {
  json: boolean;
  /** Progress and notes: stderr, so stdout carries only the result. */
  log: (line: string) => void;
  /** Progress bars only for a person at a terminal. */
  interactive: boolean;
  withGraph<T>(work: (open: OpenGraph) => Promise<T>): Promise<T>;
}

/** What a command prints: `value` under --json, `text` otherwise. */
export interface CommandResult {
  value: unknown;
  text: string;
}

export interface Command {
  /** One or two words: "gaps", "match partners", "db start". */
  name: string;
  /** Arguments and flags as shown in help, e.g. "<chainId> [--limit N]". */
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Names of the positional arguments, all required … */
  positionals: string[];
  /** … and of those that may follow them. */
  optionalPositionals?: string[];
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, ctx: CommandContext): Promise<CommandResult>;
}

export function positiveInteger(flag: string, raw: string | boolean | undefined, max = 100): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(`--${flag} must be a whole number from 1 to ${max}, got "${raw}"`);
  return value;
}

export function oneOf<T extends string>(flag: string, raw: string | boolean | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** Exactly one of the flags must be given; returns its name and value. */
export function exactlyOne<K extends string>(values: Record<string, string | boolean | undefined>, flags: readonly K[]): { flag: K; value: string } {
  const given = flags.filter((f) => values[f] !== undefined);
  if (given.length !== 1) throw new UsageError(`give exactly one of ${flags.map((f) => `--${f}`).join(', ')}`);
  return { flag: given[0], value: String(values[given[0]]) };
}

export const score = (x: number) => x.toFixed(3);
export const confidenceLabels: Record<string, string> = { strong: '强', medium: '中', weak: '弱' };

/** An expected failure with its own output (e.g. every bad row of an import): printed like a result, exit code 1. */
export class CommandFailure extends Error {
  constructor(readonly result: CommandResult) {
    super(result.text);
    this.name = 'CommandFailure';
  }
}
