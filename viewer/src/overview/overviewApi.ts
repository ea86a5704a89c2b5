import type { DistrictOverviewResponse as DistrictOverview, OverviewRowResponse as OverviewRow } from '../../../engine/contracts/index.ts';
import { ApiError, problemFromBody } from '../api/apiError.ts';
import { t } from '../i18n/i18n.ts';

export type { DistrictOverview, OverviewRow };

/** GET /api/v1/overview: every chain's health, largest 亿元 at stake first (a read; no key). */
export async function fetchOverview(): Promise<DistrictOverview> {
  const url = '/api/v1/overview';
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, t('state.networkError'), t('state.networkDetail', { url }));
  }
  if (!response.ok) throw problemFromBody(response.status, response.statusText, response.headers.get('Content-Type') ?? '', await response.text());
  return (await response.json()) as DistrictOverview;
}
