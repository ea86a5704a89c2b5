import { chainTemplateLimits as l } from '../../config/limits.ts';

interface BoundIssue {
  path: string;
  message: string;
}

type Bounds = Record<string, number | { list: number; each?: Bounds | number }>;

const nameFields = { id: l.maxNameChars, name: l.maxNameChars, nameEn: l.maxNameChars, description: l.maxDescriptionChars };
const pairBound = { list: 2, each: l.maxNameChars };
const productBounds: Bounds = nameFields;
const segmentBounds: Bounds = {
  ...nameFields,
  keywords: { list: l.maxTermsPerSegment, each: l.maxTermChars },
  topics: { list: l.maxTermsPerSegment, each: l.maxTermChars },
  products: { list: l.maxProductsPerSegment, each: productBounds },
};
const templateBounds: Bounds = {
  ...nameFields,
  segments: { list: l.maxSegments, each: segmentBounds },
  feeds: { list: l.maxFeeds, each: pairBound },
  inputTo: { list: l.maxInputTo, each: pairBound },
};

/**
 * The sizes an imported chain template may have (engine/config/limits.ts), checked before its shape
 * and references: every string has a maximum length and every list a maximum size, so an oversized
 * template is a 400 naming the field — never a 500 from the index ("Property value is too large to
 * index") nor a 20,000-segment write (issue 15 F7). Values of the wrong type are left to the schema;
 * a list over its size is not walked further. At most `max` issues are returned.
 */
export function chainTemplateBoundIssues(value: unknown, max: number): BoundIssue[] {
  const issues: BoundIssue[] = [];
  const check = (v: unknown, bound: Bounds[string] | Bounds, path: string): void => {
    if (issues.length >= max) return;
    if (typeof bound === 'number') {
      if (typeof v === 'string' && v.length > bound) issues.push({ path, message: `at most ${bound} characters (got ${v.length})` });
      return;
    }
    if ('list' in bound && typeof bound.list === 'number') {
      if (!Array.isArray(v)) return;
      if (v.length > bound.list) return void issues.push({ path, message: `at most ${bound.list} items (got ${v.length})` });
      if (bound.each !== undefined) v.forEach((item, i) => check(item, bound.each as Bounds[string], `${path}.${i}`));
      return;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    for (const [key, b] of Object.entries(bound as Bounds)) check((v as Record<string, unknown>)[key], b, path ? `${path}.${key}` : key);
  };
  check(value, templateBounds, '');
  return issues;
}
