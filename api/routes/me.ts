import { z } from 'zod';
import { meResponse } from '../../engine/contracts/responses/me.ts';
import { defineRoute, json } from '../route.ts';

const noQuery = z.strictObject({});
/** Listed from the widest down, so a client can read the first as the key's role. */
const scopeOrder = ['admin', 'write', 'match', 'read'] as const;

/**
 * /me: the identity of the presented key (id, name, scopes, admin). A key that is not configured never
 * reaches here: api/auth.ts answers 401 problem+json first. No key: the anonymous caller, `keyed: false`.
 */
export function meRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/me',
      summary: '当前身份 Who am I: the owner and scopes of the presented API key',
      tags: ['auth'],
      scope: 'read',
      query: noQuery,
      response: { status: 200, schema: meResponse },
      handler: async ({ req }) => {
        const caller = req.caller;
        const scopes = scopeOrder.filter((s) => caller?.scopes.has(s));
        const name = caller?.actor ?? 'anonymous';
        return json({ id: name, name, scopes, admin: scopes.includes('admin'), keyed: caller?.keyed ?? false });
      },
    }),
  ];
}
