/**
 * Escapes Lucene query syntax so text only ever matches as words, never as operators: special
 * characters get a backslash, and the operator words AND/OR/NOT are lower-cased (the analyzer
 * lower-cases terms anyway, so nothing is lost).
 */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`).replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());
}

/** An OR-query over the given phrases (each escaped and quoted-free), or undefined when empty. */
export function anyOf(phrases: string[]): string | undefined {
  const terms = [...new Set(phrases.map((p) => escapeLucene(p.trim())).filter((p) => p.length > 0))];
  return terms.length > 0 ? terms.join(' OR ') : undefined;
}
