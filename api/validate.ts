import type { z } from 'zod';
import { InvalidInputError } from '../engine/index.ts';

/** Parses with a zod schema, or throws InvalidInputError naming each offending field under `where`. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    `invalid ${where}`,
    result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message })),
  );
}
