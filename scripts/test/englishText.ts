/** Chinese characters and full-width punctuation: what an English answer must not hold outside names. */
export const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Names are data and stay as the data has them; English templates quote them “so”, and this blanks them. */
export const withoutNames = (text: string) => text.replace(/“[^”]*”/g, '“”');
