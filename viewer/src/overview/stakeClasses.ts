import type { GapClass } from '../api/types.ts';

/** The gap classes whose 亿元 add up to a chain's demand at stake, in the order their bar parts are drawn. */
export const stakeClasses = ['missing', 'broken', 'weak'] as const satisfies readonly GapClass[];
/** The classes counted in a chain's small multiple: the gaps, then 延链 opportunities (their own list). */
export const countedClasses = ['missing', 'broken', 'weak', 'extension'] as const satisfies readonly GapClass[];
