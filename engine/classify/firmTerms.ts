import { attachmentModel } from '../config/attachment.ts';
import { segmenter } from '../text/terms.ts';

/**
 * The terms a firm is described by, in separate views, because each view carries different
 * evidence: character n-grams of product names (robust to wording), jieba words (whole terms),
 * exact product names (two firms making 锂电池隔膜 are likely in one trade), and the firm's name
 * without its legal form (银行, 证券, 药业 name a trade; 股份有限公司 names none).
 */
export interface FirmDescription {
  name: string;
  products?: string[];
  description?: string;
  /**
   * A dense sentence embedding of the firm's products (e5 "passage: " + the product list, L2-normalised),
   * when one was computed. Used only when every attached firm of the scope has one (denseCentroid, denseNeighbours).
   */
  embedding?: Float32Array;
}

const ignorable = /[\s\p{P}\p{S}\d]/u;

function characters(text: string): string[] {
  return [...text.toLowerCase()].filter((c) => !ignorable.test(c));
}

/** Character unigrams and bigrams of one phrase; bigrams never cross phrase boundaries. */
export function phraseGrams(text: string): string[] {
  const chars = characters(text);
  const grams = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

export function phraseWords(text: string): string[] {
  return segmenter()
    .cut(text.toLowerCase(), false)
    .filter((w) => [...w].length >= 2 && !ignorable.test(w[0]));
}

/** Product names as the graph stores them: trimmed, lower case, inner whitespace removed. */
export function productKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '');
}

const legalForm = /(股份有限公司|有限责任公司|有限公司|集团|控股|股份|公司|（[^）]*）|\([^)]*\))/g;

export function nameGrams(name: string): string[] {
  return phraseGrams(name.replace(legalForm, ' '));
}

function phrasesOf(firm: FirmDescription): string[] {
  return [...(firm.products ?? []), ...(firm.description ? [firm.description] : [])];
}

/**
 * Every product counts alike: weighting a firm's first products more (1/√rank) lowered accuracy@1 on
 * ../shared/real from 51.7 % to 50.8 % (docs/evaluation.md).
 */
export function productGrams(firm: FirmDescription): string[] {
  return phrasesOf(firm).flatMap(phraseGrams);
}

export function productWords(firm: FirmDescription): string[] {
  return phrasesOf(firm).flatMap(phraseWords);
}

export function productKeys(firm: FirmDescription): string[] {
  return (firm.products ?? []).map(productKey).filter(Boolean);
}

/**
 * The text a firm's embedding is computed from (as a passage): its first product lines (lists put the main
 * business first; attachmentModel.embeddedProducts), else its description, else its name.
 */
export function embeddingText(firm: FirmDescription): string {
  const products = (firm.products ?? []).map((p) => p.trim()).filter(Boolean);
  return products.length ? products.slice(0, attachmentModel.embeddedProducts).join('；') : firm.description?.trim() || firm.name;
}
