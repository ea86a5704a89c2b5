/** Chinese characters and full-width punctuation: what an English answer must not hold outside names. */
export const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/**
 * Names are data and stay as the data has them; English templates quote them “so”, and this blanks them.
 * A name may hold quotes of its own (栖霞“链上党建”联盟): one level of nesting is part of the name.
 */
export const withoutNames = (text: string) => text.replace(/“(?:[^“”]|“[^“”]*”)*”/g, '“”');
