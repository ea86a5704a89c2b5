import { z } from 'zod';
import { cursorSchema, decodeCursor, encodeCursor } from '../engine/index.ts';

/** `?limit=&cursor=` of every list. */
export const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorSchema.optional(),
});

/** A page of an in-memory list, with the cursor of the next page (null on the last). */
export function page<T>(items: T[], query: z.infer<typeof listQuerySchema>): { items: T[]; nextCursor: string | null } {
  const offset = decodeCursor(query.cursor);
  const slice = items.slice(offset, offset + query.limit);
  return { items: slice, nextCursor: offset + query.limit < items.length ? encodeCursor(offset + query.limit) : null };
}
