/** An attached firm (or a row: a product line, a segment) and how similar it is to the query. */
export interface Neighbour {
  firm: number;
  similarity: number;
}

/** The k rows of highest positive similarity among `rows` (ties: lower row first), in one pass. */
export function topAmong(rows: number[], similarity: (row: number) => number, k: number): Neighbour[] {
  const top: Neighbour[] = [];
  for (const row of rows) {
    const v = similarity(row);
    if (v <= 0) continue;
    if (top.length === k && (v < top[k - 1].similarity || (v === top[k - 1].similarity && row > top[k - 1].firm))) continue;
    let j = top.length;
    while (j > 0 && (top[j - 1].similarity < v || (top[j - 1].similarity === v && top[j - 1].firm > row))) j--;
    top.splice(j, 0, { firm: row, similarity: v });
    if (top.length > k) top.pop();
  }
  return top;
}

/** The k indices of highest positive value, best first (ties: lower index first). */
export function topK(values: Float64Array, k: number): Neighbour[] {
  const top: Neighbour[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v <= 0) continue;
    if (top.length < k) {
      top.push({ firm: i, similarity: v });
      if (top.length === k) top.sort((a, b) => b.similarity - a.similarity);
    } else if (v > top[k - 1].similarity) {
      let j = k - 1;
      while (j > 0 && top[j - 1].similarity < v) j--;
      top.splice(j, 0, { firm: i, similarity: v });
      top.pop();
    }
  }
  return top.sort((a, b) => b.similarity - a.similarity || a.firm - b.firm);
}
