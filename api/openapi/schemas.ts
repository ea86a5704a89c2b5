import { z } from 'zod';

/** RFC 9457 problem details, as every error of this API is sent. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), row: z.number().int().optional(), file: z.string().optional() })).optional(),
    /** With a 409: the request that would make sense instead, e.g. `{ "mode": "fill" }`. */
    suggestion: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'Problem' });
