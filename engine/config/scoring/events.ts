/** Matchmaking events (对接会). */
export const eventDefaults = {
  /** Pairs below this fit are not scheduled: an empty slot beats a pointless meeting. */
  minFit: 0.05,
  maxParticipants: 500,
};
