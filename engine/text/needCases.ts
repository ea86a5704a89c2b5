import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidInputError } from '../core/errors.ts';

/**
 * One line of seed/eval/needs.zh.jsonl: a need as a firm would write it, with the research topics
 * that should answer it; nonsense or out-of-scope texts have no topics (nothing should answer them).
 */
export const needCaseSchema = z.object({
  id: z.string().min(1),
  chain: z.string().min(1).nullable(),
  text: z.string().min(1),
  topics: z.array(z.string().min(1)),
});
export type NeedCase = z.infer<typeof needCaseSchema>;

export function readNeedCases(file: string): NeedCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, row]) => {
      const parsed = needCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new InvalidInputError(
          `${file} line ${row}: ${parsed.error.issues[0].message}`,
          parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, row, file })),
        );
      }
      return parsed.data;
    });
}
