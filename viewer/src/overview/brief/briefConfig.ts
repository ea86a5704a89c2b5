/**
 * How much the director's brief holds (issue 16 item 3). A brief is read in minutes and printed on a few
 * pages: the largest gaps only, a short list of firms for each.
 */
export const briefConfig = {
  /** Gaps (补链 and 强链, one scale in 亿元) in the roadmap and the gap list, largest first. */
  gaps: 5,
  /** Target firms per gap (the partner ranking's first ones, with their reasons). */
  candidatesPerGap: 3,
  /** 延链 opportunities, a list of their own after the gaps. */
  extensions: 3,
};
