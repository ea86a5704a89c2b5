import { z } from 'zod';
import { InvalidInputError } from '../core/errors.ts';

/**
 * Pagination cursors: "o" and the next offset. Clients pass back what they were given; the schema's
 * pattern is exact, so every cursor it allows is one this API can read.
 */
export const cursorSchema = z.string().regex(/^o\d{1,9}$/, 'a cursor this API issued (nextCursor)');

export function encodeCursor(offset: number): string {
  return `o${offset}`;
}

export function decodeCursor(cursor: string | undefined, path = 'query.cursor'): number {
  if (!cursor) return 0;
  if (!cursorSchema.safeParse(cursor).success) throw new InvalidInputError('invalid cursor', [{ path, message: 'not a cursor this API issued' }]);
  return Number(cursor.slice(1));
}
