/** Escapes Lucene query syntax so text only ever matches as words, never as operators. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`);
}

/** An OR-query over the given phrases (each escaped and quoted-free), or undefined when empty. */
export function anyOf(phrases: string[]): string | undefined {
  const terms = [...new Set(phrases.map((p) => escapeLucene(p.trim())).filter((p) => p.length > 0))];
  return terms.length > 0 ? terms.join(' OR ') : undefined;
}
