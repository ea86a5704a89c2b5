import { z } from 'zod';

/**
 * GET /me: who the presented API key belongs to (issue 16 item 7), so a client can show who is signed
 * in. `id` and `name` are the key's owner (keys carry one name); `scopes` lists what the key may do,
 * implied scopes included (write implies read). Without a key the caller is the anonymous reader.
 */
export const meResponse = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(['admin', 'write', 'match', 'read'])),
    admin: z.boolean(),
    keyed: z.boolean().meta({ description: 'false for an anonymous caller (no key presented, reads open to everyone)' }),
  })
  .meta({ id: 'Me' });
export type MeResponse = z.infer<typeof meResponse>;
