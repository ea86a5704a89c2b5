/** A text split into parts, marking those that match the query, so clients highlight without HTML. */
export type Highlight = { text: string; hit: boolean }[];

/** Marks every run of characters that belongs to a bigram (or single character query) of the query. */
export function highlight(text: string, query: string): Highlight {
  const q = [...query.replace(/\s+/g, '')];
  const grams = new Set(q.length === 1 ? q : q.slice(0, -1).map((c, i) => c + q[i + 1]));
  const chars = [...text];
  const hit = chars.map(() => false);
  for (let i = 0; i < chars.length; i++) {
    if (q.length === 1 ? grams.has(chars[i]) : i + 1 < chars.length && grams.has(chars[i] + chars[i + 1])) {
      hit[i] = true;
      if (q.length > 1) hit[i + 1] = true;
    }
  }
  const parts: Highlight = [];
  chars.forEach((c, i) => {
    const last = parts[parts.length - 1];
    if (last && last.hit === hit[i]) last.text += c;
    else parts.push({ text: c, hit: hit[i] });
  });
  return parts;
}
