/**
 * Relevance evidence for free text: which of a candidate's research topics the words of a need
 * cover, and how much. A pair is offered only on this evidence (a shared Topic node, or a topic the
 * need's words cover at `relevanceGate.minTopicCoverage` or more); the text similarity and the
 * supporting signals then only reorder what is relevant (docs/matching.md §4, "Relevance gate").
 *
 * Why topics and not the whole-text cosine: a unit's text carries its university's name and a
 * boilerplate description, so on the seed the cosine of unrelated pairs (p99 0.08, best per query up
 * to 0.15) overlaps that of related ones (median 0.17, firms' needs 0.08): no floor separates them.
 * Coverage of a topic name by the need's terms does (measurements in engine/config/scoring.ts).
 */

/**
 * The terms a topic is matched on: character bigrams inside runs of Chinese characters (高镍正极 →
 * 高镍 · 镍正 · 正极; a lone character stands for itself) and whole Latin/digit tokens of two or more
 * characters (VOCs, 5G), lower-cased.
 */
export function topicTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of text.toLowerCase().match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      if (run.length >= 2) terms.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) terms.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
  }
  return terms;
}

/** One topic a need's words matched: how much of it (idf-weighted share of its terms) and with which words. */
export interface TopicMatch {
  topic: string;
  /** 0–1; 1 for a shared Topic node. */
  coverage: number;
  /** The need's words that matched: maximal runs of the topic found in the need, or the topic itself when shared. */
  terms: string[];
  /** The need names this Topic node itself (an enterprise's NEEDS_TECH). */
  shared: boolean;
}

/** What a need brings to matching: its terms and the Topic nodes it names (an enterprise's needs). */
export interface NeedTerms {
  readonly terms: ReadonlySet<string>;
  readonly topics: ReadonlySet<string>;
}

export function needTerms(text: string, topics: Iterable<string> = []): NeedTerms {
  return { terms: new Set(topicTerms(text)), topics: new Set(topics) };
}

/**
 * The graph's topic vocabulary with inverse document frequencies over topic names, so a word many
 * topics share (材料 · 工艺 · 技术) weighs little and a specific one (正极 · 制剂) much.
 */
export class TopicVocabulary {
  private readonly idf = new Map<string, number>();
  private readonly unseen: number;
  private readonly parts = new Map<string, { terms: string[]; weights: number[]; total: number }>();
  private readonly coverageByNeed = new WeakMap<NeedTerms, Map<string, number>>();

  constructor(topicNames: Iterable<string>) {
    const names = [...new Set(topicNames)];
    const df = new Map<string, number>();
    for (const name of names) for (const term of new Set(topicTerms(name))) df.set(term, (df.get(term) ?? 0) + 1);
    for (const [term, count] of df) this.idf.set(term, Math.log((1 + names.length) / (1 + count)) + 1);
    this.unseen = Math.log(1 + names.length) + 1;
  }

  private partsOf(topic: string) {
    let p = this.parts.get(topic);
    if (!p) {
      const terms = [...new Set(topicTerms(topic))];
      const weights = terms.map((t) => this.idf.get(t) ?? this.unseen);
      p = { terms, weights, total: weights.reduce((s, w) => s + w, 0) };
      this.parts.set(topic, p);
    }
    return p;
  }

  /**
   * Share of the topic's idf weight whose terms occur in the need; 1 when the need names the Topic node.
   * Kept per need for the need's lifetime: a request asks it of the same few hundred topic names once
   * per talent or researcher holding them (~11k talents at 100k, most sharing their expertise).
   */
  coverage(need: NeedTerms, topic: string): number {
    let known = this.coverageByNeed.get(need);
    if (!known) this.coverageByNeed.set(need, (known = new Map()));
    let coverage = known.get(topic);
    if (coverage === undefined) known.set(topic, (coverage = this.computeCoverage(need, topic)));
    return coverage;
  }

  private computeCoverage(need: NeedTerms, topic: string): number {
    if (need.topics.has(topic)) return 1;
    const p = this.partsOf(topic);
    if (p.total === 0) return 0;
    let hit = 0;
    for (let i = 0; i < p.terms.length; i++) if (need.terms.has(p.terms[i])) hit += p.weights[i];
    return hit / p.total;
  }

  /** The topics of a candidate the need matches at `threshold` or more, best first, with the words that matched. */
  matches(need: NeedTerms, topics: Iterable<string>, threshold: number): TopicMatch[] {
    const out: TopicMatch[] = [];
    for (const topic of new Set(topics)) {
      const coverage = this.coverage(need, topic);
      if (coverage < threshold) continue;
      const shared = need.topics.has(topic);
      out.push({ topic, coverage, shared, terms: shared ? [topic] : matchedRuns(need, topic) });
    }
    return out.sort((a, b) => b.coverage - a.coverage || a.topic.localeCompare(b.topic));
  }

  /** The best coverage over a candidate's topics (0 without topics): the relevance the gate reads. */
  relevance(need: NeedTerms, topics: Iterable<string>): number {
    let best = 0;
    for (const topic of topics) best = Math.max(best, this.coverage(need, topic));
    return best;
  }
}

/** The parts of a topic name found in the need, as whole words: 高镍正极 in 高镍三元正极 → 高镍, 正极. */
function matchedRuns(need: NeedTerms, topic: string): string[] {
  const runs: string[] = [];
  for (const run of topic.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      if (need.terms.has(run.toLowerCase())) runs.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) {
      if (need.terms.has(chars[0])) runs.push(chars[0]);
      continue;
    }
    let start = -1;
    for (let i = 0; i + 1 < chars.length; i++) {
      const hit = need.terms.has(chars[i] + chars[i + 1]);
      if (hit && start < 0) start = i;
      if (!hit && start >= 0) {
        runs.push(chars.slice(start, i + 1).join(''));
        start = -1;
      }
    }
    if (start >= 0) runs.push(chars.slice(start).join(''));
  }
  return runs;
}

/** The matched words of several topic matches, each once, in order of the matches. */
export function matchedTerms(matches: TopicMatch[]): string[] {
  return [...new Set(matches.flatMap((m) => m.terms))];
}
