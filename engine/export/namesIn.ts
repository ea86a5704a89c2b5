import type { ChainMap } from '../chain/chainMap.ts';
import type { PartnerResult } from '../match/partners/rankPartners.ts';
import type { ExportLang } from './exportText.ts';

/**
 * Chain and segment names in an export's language, as the screen in that language shows them: the
 * template's English name where it has one (a custom chain may have none: then its own name). Firm,
 * product and alliance names are data and stay as recorded.
 */
export const nameIn = (lang: ExportLang) => (s: { name: string; nameEn: string }) => (lang === 'en' && s.nameEn ? s.nameEn : s.name);

/** A partner answer with its target and candidate segments named in `lang` (the chain map knows the English names). */
export function partnerResultIn(lang: ExportLang, map: Pick<ChainMap, 'segments'>, result: PartnerResult): PartnerResult {
  if (lang !== 'en') return result;
  const segmentName = new Map(map.segments.map((s) => [s.segmentId, nameIn(lang)(s)]));
  return {
    ...result,
    targets: result.targets.map((t) => ({ ...t, name: segmentName.get(t.segmentId) ?? t.name })),
    candidates: result.candidates.map((c) => ({ ...c, segmentName: segmentName.get(c.segmentId) ?? c.segmentName })),
  };
}
