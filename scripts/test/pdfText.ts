/**
 * The text of a PDF, page by page, read with Mozilla's pdf.js (pdfjs-dist): what a person reading the
 * printed file sees, so tests can check its title, headings, labels and rows instead of its first bytes.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes stay usable.
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
