/**
 * Limits that keep requests, imports and their error reports bounded (issue 15 F3, F7). Each says
 * what it protects; the API and the import pipeline read them from here.
 */

/** One import is one transaction: these keep it within what Neo4j's heap handles comfortably. */
export const importLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 20_000,
  /** Columns of a CSV/XLSX header: the widest real list has 31; 10^6 columns once took 578 MB to refuse. */
  maxColumns: 200,
  /** Characters of one cell: 4,000 is the longest text field (description, business scope), with room for quoting. */
  maxCellChars: 10_000,
  /** Characters of one CSV record (all its cells): stops a one-line file of 10^6 columns early. */
  maxRecordChars: 100_000,
};

// One firm's product list is bounded by `firmLimits` in engine/model/firmLimits.ts, beside the node it bounds:
// the model may not import config/, which keys its scoring tables by the model's enums.

/** Problem documents (RFC 9457) answer with at most this many field issues, plus the count of the rest. */
export const problemLimits = {
  maxIssues: 100,
  /** Characters of user text echoed back in one message (a header, a cell): enough to recognise it. */
  maxEchoChars: 80,
  /** Characters of one issue's path or message at most (an unknown JSON key is echoed in its path). */
  maxMessageChars: 400,
};

/**
 * An imported chain template (issue 15 F7: a 20,000-character product name was a 500 — "Property
 * value is too large to index" — and 20,000 segments were accepted). The limits are set by the largest
 * real template a user imports, not the seed's (14 segments): the 申万 2021 taxonomy as one chain
 * (issue 12; ../shared/real) has 323–511 segments, 5,223 upstream FEEDS and, with every firm's products
 * in its industry, up to ~720 distinct products in a segment (names ≤ 27 characters). Each limit leaves
 * room of two to four times that, and still refuses the probe's 20,000 segments.
 */
export const chainTemplateLimits = {
  maxSegments: 2000,
  maxProductsPerSegment: 3000,
  /** Ids, names and English names (indexed: must stay far below Neo4j's index key limit). */
  maxNameChars: 200,
  maxDescriptionChars: 4000,
  maxTermsPerSegment: 100,
  maxTermChars: 40,
  maxFeeds: 20_000,
  maxInputTo: 50_000,
};

/**
 * XLSX is a zip: its declared inflated sizes are checked before a byte is inflated (issue 15 F3: a
 * 205 KB workbook whose header was one 200 MB string took 419 MB; six at once killed Node). A real
 * 20,000-row list inflates to tens of MB at ratios of 5–20.
 */
export const xlsxLimits = {
  maxInflatedBytes: 150 * 1024 * 1024,
  /** Inflated ÷ compressed size of one part, checked for parts over minRatioCheckedBytes. */
  maxRatio: 200,
  minRatioCheckedBytes: 5 * 1024 * 1024,
};
