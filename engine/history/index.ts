// The chains' health history: what is recorded, when, and what changed since (issue 16, item 2).
export { recordChainHealth, readHealthHistory, type HealthRecord } from './chainHealthStore.ts';
export { startHealthRecorder } from './healthRecorder.ts';
export { chainHistory, type ChainHistory, type ClassChange, type TrendPoint } from './healthChanges.ts';
export { healthDay } from './healthDay.ts';
export { matchesMovedSince, type MatchesMoved } from './matchesMoved.ts';
