import { parseArgs } from 'node:util';

/** Parses `--name value` flags into numbers; unknown flags are an error with the flag named. */
export function numberFlags<K extends string>(names: readonly K[], argv = process.argv.slice(2)): Partial<Record<K, number>> {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' }])) as Record<K, { type: 'string' }>,
    strict: true,
  });
  const out: Partial<Record<K, number>> = {};
  for (const name of names) {
    const raw = (values as Record<string, string | undefined>)[name];
    if (raw === undefined) continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
    out[name] = value;
  }
  return out;
}
