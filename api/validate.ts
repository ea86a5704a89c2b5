import type { z } from 'zod';
import type { FieldIssue } from '../engine/index.ts';

type Issue = z.core.$ZodIssue;

/**
 * Field issues from zod's. A failed union (one branch per kind of request) reports the branch that
 * came closest — the one with the fewest issues — so the client still learns which field is wrong.
 */
export function fieldIssues(issues: readonly Issue[], where: string, prefix: PropertyKey[] = []): FieldIssue[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const closest = [...i.errors].sort((a, b) => a.length - b.length)[0];
      return fieldIssues(closest, where, path);
    }
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ path: [where, ...path.map(String), k].join('.'), message: 'unknown field' }));
    return [{ path: [where, ...path.map(String)].join('.'), message: i.message }];
  });
}
