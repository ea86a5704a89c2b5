import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ChainTemplate, chainTemplateSchema, InvalidInputError } from '../../engine/index.ts';

const folder = new URL('.', import.meta.url).pathname;

/** The seven hand-written chain templates, validated, in a stable order. */
export function loadChainTemplates(): ChainTemplate[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = chainTemplateSchema.safeParse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
      if (!parsed.success) {
        throw new InvalidInputError(
          `chain template ${file} is invalid`,
          parsed.error.issues.map((i) => ({ file, path: i.path.join('.'), message: i.message })),
        );
      }
      return parsed.data;
    });
}
