/**
 * The rows of the Markdown tables in a piece of text, each as its trimmed cells. Doc tests read tables through this
 * so that a formatter padding the columns (prettier aligns them) changes nothing they check.
 */
export function markdownTableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)));
}
