/**
 * How the chains' health history is kept and shown (issue 16, item 2). One place for its numbers.
 */
export const historyConfig = {
  /** Days of history the overview reads: the trend line and the "since <date>" comparison span this window. */
  trendDays: 30,
  /**
   * How often the daily recorder wakes to see whether a new day began (ms). Hourly: a day's record is
   * at most an hour late, and a sleeping process costs nothing; the write itself happens once a day.
   */
  recorderTickMs: 60 * 60 * 1000,
};
