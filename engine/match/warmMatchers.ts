import type { TextSimilarity } from '../text/textSimilarity.ts';
import { expertIndexOf } from './pairing/expertIndex.ts';
import { unitText } from './pairing/pairSignals.ts';
import { unitsByTopic, vocabularyOf } from './pairing/rankPairs.ts';
import type { ResearchCatalog } from './pairing/researchCatalog.ts';
import { talentText } from './talent/rankTalent.ts';
import { talentsByTopic } from './talent/talentGate.ts';

/** Research units whose text is built between two yields to the event loop (at 1M ~0.2 ms each: ≤ ~50 ms a slice). */
const slice = 250;

/**
 * What pairing and talent compute per research catalog rather than per request, computed now — at a
 * server start and after an import, off the request path — instead of by the first requests that touch
 * each entry: the topic vocabulary, the indexes of experts and of units and talents by topic, every
 * unit's and talent's text, and those texts' vectors where the scorer keeps them. At 1,000,000 firms
 * (11.8k units, 113k talents) this is 6–8 s of CPU that requests paid piecemeal: the first request to
 * touch a unit of 450 researchers built its text and vector (p95 of pairing 110 ms at 1M over HTTP, the
 * warm median 20 ms). In slices, yielding between them, so requests go on meanwhile.
 */
export async function warmMatchers(catalog: ResearchCatalog, similarity: TextSimilarity): Promise<void> {
  vocabularyOf(catalog);
  expertIndexOf(catalog);
  const yieldNow = () => new Promise((resolve) => setImmediate(resolve));
  const texts: string[] = [];
  for (let i = 0; i < catalog.units.length; i += slice) {
    await yieldNow();
    for (const unit of catalog.units.slice(i, i + slice)) texts.push(unitText(unit));
  }
  unitsByTopic(catalog);
  await yieldNow();
  talentsByTopic(catalog);
  for (const talent of catalog.talents) texts.push(talentText(talent));
  await similarity.keep?.(texts);
}
