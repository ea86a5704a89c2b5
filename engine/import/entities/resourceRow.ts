import type { z } from 'zod';

/**
 * The stored row of an offer or demand from an imported one: every attribute the row's kind does
 * not have is null (or an empty list), as the resource store writes them; imported rows carry no
 * API actor (`updatedBy`, `updatedAt` stay null).
 */
export function resourceRow(stored: z.ZodObject, input: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(stored.shape)) {
    if ((schema as z.ZodType).safeParse(null).success) row[key] = null;
    else if ((schema as z.ZodType).safeParse([]).success) row[key] = [];
  }
  for (const [key, value] of Object.entries(input)) if (key !== 'ownerId' && value !== undefined) row[key] = value;
  return stored.parse({ ...row, source: 'import', updatedBy: null, updatedAt: null });
}
