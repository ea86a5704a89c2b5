/**
 * Every weight and threshold of the chain analysis and the matchers, with its meaning, in one place.
 * docs/matching.md gives the formulas they enter; change them here and nowhere else.
 * Tables keyed by a domain enum (tier tags, size classes, talent levels, confidence labels) are checked
 * against it with `satisfies`, so a tag, size or level added to the model fails to compile until it is
 * given its value here.
 *
 * The values live in scoring/, one file per concept; this file is the single entry every importer reads,
 * so moving a value between those files changes no importer.
 */
export * from './scoring/capacity.ts';
export * from './scoring/gaps.ts';
export * from './scoring/partners.ts';
export * from './scoring/pairing.ts';
export * from './scoring/talent.ts';
export * from './scoring/relevanceGate.ts';
export * from './scoring/confidence.ts';
export * from './scoring/resources.ts';
export * from './scoring/outcomeLearning.ts';
export * from './scoring/events.ts';
