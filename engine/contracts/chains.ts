import { z } from 'zod';

/** Request shapes of the chain-intelligence operations; the API validates with these and nothing else. */
export const chainIdParam = z.string().min(1).max(80);
export const enterpriseIdList = z.array(z.string().min(1).max(40)).max(200);

/** With neither list the answer is the current table twice: harmless, so allowed. */
export const whatIfRequest = z.strictObject({
  /** Enterprises to attract (any firm id; counted as local firms of their segments in this chain). */
  add: enterpriseIdList.default([]),
  /** Local enterprises to take away. */
  remove: enterpriseIdList.default([]),
});
export type WhatIfRequest = z.infer<typeof whatIfRequest>;
