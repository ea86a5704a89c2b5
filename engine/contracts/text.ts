import { z } from 'zod';

/**
 * Text a person typed into a request body, held to what an import row is held to (issue 15 F5: NUL,
 * control characters and blank titles were stored). Blank means only white space, zero-width spaces
 * included.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what these refuse
const noControlInLine = /^[^\u0000-\u001F\u007F]*$/;
// eslint-disable-next-line no-control-regex -- as above; tab and line breaks belong in a block of text
const noControlInBlock = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const notBlank = /[^\s\u200B-\u200D\u2060\uFEFF]/;

/** One line (a title, a name): trimmed, not blank, no control characters or line breaks. */
export const lineText = (max: number) =>
  z.string().trim().max(max).regex(notBlank, 'must not be blank').regex(noControlInLine, 'no control characters or line breaks');

/** A block of text (a description): tab and line breaks allowed, other control characters not. */
export const blockText = (max: number) => z.string().max(max).regex(noControlInBlock, 'no control characters (tab and line breaks are allowed)');
