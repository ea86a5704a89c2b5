import type { FieldIssue } from '../core/errors.ts';

/** Text encodings an import may declare (the `encoding` parameter); UTF-8 is the default. */
export const textEncodings = ['utf-8', 'gb18030'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** Bytes that are not text in the encoding the file was read in: the first bad byte, counted from 0, and its line. */
export class UndecodableTextError extends Error {
  constructor(
    readonly encoding: string,
    readonly line: number,
    readonly byteOffset: number | null,
  ) {
    super(
      `not valid ${encoding}: line ${line}${byteOffset === null ? '' : `, byte ${byteOffset}`}` +
        (encoding === 'UTF-8' ? '; save the file as UTF-8, or declare encoding=gb18030 if it was saved as GB18030 (Excel "CSV" on Chinese Windows)' : ''),
    );
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1];
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

const lineAt = (bytes: Uint8Array, offset: number) => bytes.subarray(0, offset).reduce((n, b) => n + (b === 0x0a ? 1 : 0), 1);

/**
 * Text of a CSV or JSON file, decoded strictly — bytes are never guessed (issue 15 F5: a stray byte
 * once made a whole file decode as GB18030 and stored a garbled name). UTF-8 with or without a
 * byte-order mark, or UTF-16 with one; GB18030 only when the client declares it. Anything that is
 * not valid text in that encoding throws UndecodableTextError naming the line (and, for UTF-8, the byte).
 */
export function decodeText(content: Buffer, declared: TextEncoding = 'utf-8'): string {
  if (content[0] === 0xff && content[1] === 0xfe) return strict('utf-16le', 'UTF-16', content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return strict('utf-16be', 'UTF-16', content.subarray(2));
  if (declared === 'gb18030') return strict('gb18030', 'GB18030', content);
  const body = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? content.subarray(3) : content;
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) throw new UndecodableTextError('UTF-8', lineAt(body, bad), bad + (body === content ? 0 : 3));
  return body.toString('utf8');
}

function strict(label: string, name: string, bytes: Buffer): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    // The fatal decoder does not say where; the lenient one marks the spot with U+FFFD.
    const lenient = new TextDecoder(label).decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    throw new UndecodableTextError(name, lenient.slice(0, Math.max(at, 0)).split('\n').length, null);
  }
}

/** The issue an import reports for undecodable bytes: the row is the line's data row where lines are rows. */
export function undecodableIssue(error: UndecodableTextError, file: string, rowOfLine: (line: number) => number | undefined): FieldIssue {
  return { file, row: rowOfLine(error.line), path: '(file)', message: error.message };
}
