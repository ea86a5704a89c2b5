/**
 * Splits a label into lines that fit a width, without measuring the DOM: CJK characters are one em
 * wide, Latin ones about 0.6 em. Latin words break at spaces; CJK text may break between any two
 * characters. Text beyond `maxLines` ends in an ellipsis (the full name stays in the title).
 */
export function charWidth(ch: string, fontSize: number): number {
  const code = ch.codePointAt(0) ?? 0;
  const wide = code >= 0x2e80 && code <= 0xffef && !(code >= 0xff61 && code <= 0xffdc);
  return fontSize * (wide ? 1 : ch === ' ' ? 0.3 : /[A-Z&mwMW]/.test(ch) ? 0.68 : 0.55);
}

export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch, fontSize);
  return width;
}

export function wrapLabel(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  // Tokens: a Latin word with its trailing space, or a single wide character.
  const tokens = text.match(/[\u2e80-\uffef]|[^\s\u2e80-\uffef]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (textWidth((line + token).trimEnd(), fontSize) <= maxWidth || line === '') {
      line += token;
      // A single word longer than the line is cut by characters.
      while (textWidth(line.trimEnd(), fontSize) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && textWidth(line.slice(0, cut), fontSize) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    } else {
      lines.push(line.trimEnd());
      line = token.trimStart();
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last.length > 1 && textWidth(`${last}…`, fontSize) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
