import type { EnterpriseSize, EnterpriseTag, PartnerMode, PartnerRequestBody } from '../api/types.ts';

/** What the filter form holds; turned into the API's request by `partnerRequest`. */
export interface FilterState {
  tags: EnterpriseTag[];
  provinces: string[];
  minSize: EnterpriseSize | '';
  excludeKeywords: string[];
  includeIntermediaries: boolean;
  limit: number;
}

export const emptyFilters = (): FilterState => ({ tags: [], provinces: [], minSize: '', excludeKeywords: [], includeIntermediaries: false, limit: 20 });

export const enterpriseTags: readonly EnterpriseTag[] = [
  'listed',
  'little-giant',
  'high-tech',
  'unicorn',
  'gazelle',
  'smart-factory',
  'tech-center',
  'korean-funded',
];
export const enterpriseSizes: readonly EnterpriseSize[] = ['micro', 'small', 'medium', 'large'];
export const limits = [10, 20, 50] as const;

/** Free text → list: commas (ASCII or full-width), 、, semicolons and line breaks separate items. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、;；\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** How many filters narrow the list (for the collapsed form's summary). */
export function activeFilterCount(f: FilterState): number {
  return [f.tags.length > 0, f.provinces.length > 0, f.minSize !== '', f.excludeKeywords.length > 0, f.includeIntermediaries].filter(Boolean).length;
}

/** The request body, with empty filters left out so the API applies its defaults. */
export function partnerRequest(chainId: string, segmentId: string, mode: PartnerMode, f: FilterState): PartnerRequestBody {
  const filters: NonNullable<PartnerRequestBody['filters']> = {};
  if (f.tags.length > 0) filters.tags = [...f.tags];
  if (f.provinces.length > 0) filters.provinces = [...f.provinces];
  if (f.minSize) filters.minSize = f.minSize;
  if (f.excludeKeywords.length > 0) filters.excludeKeywords = [...f.excludeKeywords];
  if (f.includeIntermediaries) filters.includeIntermediaries = true;
  return { chainId, segmentId, mode, limit: f.limit, filters };
}

/**
 * The modes that fit a segment (the API answers 409 to the others): 强链 where local firms are, 补链
 * where a segment with local demand has none, 延链 where it has neither firms nor demand.
 */
export function modesFor(segment: { class: string; metrics: { localFirmCount: number } }): PartnerMode[] {
  if (segment.metrics.localFirmCount > 0) return ['strengthen'];
  return segment.class === 'missing' || segment.class === 'broken' ? ['fill'] : ['extend'];
}

/** The mode a segment opens with: the one that fits it. */
export function defaultMode(segment: { class: string; metrics: { localFirmCount: number } }): PartnerMode {
  return modesFor(segment)[0];
}
