import type { MapSegment } from '../api/types.ts';
import { t, tData } from '../i18n/i18n.ts';
import { fmtYi } from '../ui/format.ts';

/**
 * A segment's priority as words: the amount and what it measures — "9.54 亿元（未满足的本地需求）".
 * A 补链 gap, a 强链 gap and a 延链 opportunity each say their own measure, so an officer never reads
 * an extension's figure as a gap's. Healthy and absent segments have none: a dash.
 */
export function priorityText(segment: Pick<MapSegment, 'priority' | 'priorityBasis'>): string {
  if (segment.priority === null || segment.priorityBasis === null) return t('metric.none');
  return t('metric.priorityValue', { value: fmtYi(segment.priority), basis: tData('priorityBasis', segment.priorityBasis) });
}
