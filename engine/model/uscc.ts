/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a
 * check character computed from the first 17 with fixed weights.
 */
export const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccAlphabet.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not a USCC character`);
    sum += value * weights[i];
  }
  return usccAlphabet[(31 - (sum % 31)) % 31];
}

export function isValidUscc(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) && usccCheckCharacter(code.slice(0, 17)) === code[17];
}

/**
 * Whether an id *looks like* a USCC: 18 characters of the USCC alphabet. Such an id is held to the
 * USCC rules (structure and check character), so a mistyped code is caught; any other id (a stock
 * code, a Hong Kong or foreign registration number) is taken as it is — real firm lists carry those.
 */
export function looksLikeUscc(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code);
}

/** What is wrong with an id that looks like a USCC, or null when it is a valid one. */
export function usccProblem(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    return 'an 18-character USCC (统一社会信用代码) has the region code (characters 3–8) in digits';
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  return expected === code[17] ? null : `check character (the 18th) should be "${expected}" for the first 17: a mistyped USCC`;
}
