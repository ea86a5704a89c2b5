import { request, withKey } from '../api/client.ts';
import type { Demand, Offer } from '../api/types.ts';
import type { Side } from './resourcesState.ts';

/**
 * The board's writes to /offers and /demands: create, edit, close and delete, each with the signed-in
 * key, and edits and deletes with `If-Match` naming the version the form read, so a change someone
 * made meanwhile is a 412 instead of being overwritten.
 */
const base = '/api/v1';
type BoardRecord = Offer | Demand;

function send(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, version?: number): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  return request(url, { method, headers: withKey(headers), body: body === undefined ? undefined : JSON.stringify(body) });
}

const url = (side: Side, id?: string) => `${base}/${side}${id ? `/${encodeURIComponent(id)}` : ''}`;

export const boardApi = {
  create: async (side: Side, body: Record<string, unknown>) => (await (await send('POST', url(side), body)).json()) as BoardRecord,
  update: async (side: Side, record: BoardRecord, body: Record<string, unknown>) =>
    (await (await send('PATCH', url(side, record.id), body, record.version)).json()) as BoardRecord,
  close: (side: Side, record: BoardRecord) => boardApi.update(side, record, { status: 'closed' }),
  remove: async (side: Side, record: BoardRecord) => {
    await send('DELETE', url(side, record.id), undefined, record.version);
  },
};
