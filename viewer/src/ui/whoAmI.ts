import { ApiError, problemFromBody } from '../api/apiError.ts';
import type { Identity } from '../api/apiKey.ts';
import { t } from '../i18n/i18n.ts';

/** GET /api/v1/me with a key: who it belongs to, or the API's 401 problem for a key it does not know. */
export async function whoAmI(key: string): Promise<Identity & { keyed: boolean }> {
  const url = '/api/v1/me';
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${key}` } });
  } catch {
    throw new ApiError(0, t('state.networkError'), t('state.networkDetail', { url }));
  }
  if (!response.ok) throw problemFromBody(response.status, response.statusText, response.headers.get('Content-Type') ?? '', await response.text());
  return (await response.json()) as Identity & { keyed: boolean };
}
