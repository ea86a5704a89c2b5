import { ApiError, problemFromBody } from '../api/apiError.ts';
import { apiKey } from '../api/apiKey.ts';
import type { Demand, Offer } from '../api/types.ts';
import { t } from '../i18n/i18n.ts';
import type { Side } from './resourcesState.ts';

/**
 * The board's writes to /offers and /demands: create, edit, close and delete, each with the signed-in
 * key, and edits and deletes with `If-Match` naming the version the form read, so a change someone
 * made meanwhile is a 412 instead of being overwritten.
 */
const base = '/api/v1';
type BoardRecord = Offer | Demand;

async function send(method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, version?: number): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const key = apiKey();
  if (key) headers.Authorization = `Bearer ${key}`;
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, t('state.networkError'), t('state.networkDetail', { url }));
  }
  if (!response.ok) throw problemFromBody(response.status, response.statusText, response.headers.get('Content-Type') ?? '', await response.text());
  return response;
}

const url = (side: Side, id?: string) => `${base}/${side}${id ? `/${encodeURIComponent(id)}` : ''}`;

export const boardApi = {
  create: async (side: Side, body: Record<string, unknown>) => (await (await send('POST', url(side), body)).json()) as BoardRecord,
  update: async (side: Side, record: BoardRecord, body: Record<string, unknown>) => (await (await send('PATCH', url(side, record.id), body, record.version)).json()) as BoardRecord,
  close: (side: Side, record: BoardRecord) => boardApi.update(side, record, { status: 'closed' }),
  remove: async (side: Side, record: BoardRecord) => {
    await send('DELETE', url(side, record.id), undefined, record.version);
  },
};
