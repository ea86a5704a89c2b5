// The uploads of issue 15 F3 that once took the API down: six at once killed Node (RSS 5.5 GB) and the
// embedded Neo4j with it. Built here, in memory, for drill (e).
import ExcelJS from 'exceljs';

export interface MaliciousFile {
  name: string;
  /** What it is, for the drill's lines. */
  what: string;
  content: Buffer;
}

/** A workbook whose one header cell is a `chars`-long string: a few hundred KB that inflate a thousandfold. */
async function bombWorkbook(chars: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('表').addRow(['a'.repeat(chars)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The same bomb with a zip directory that lies: every part declares 1 KB inflated, so a check of the
 * declared sizes alone lets it through to the workbook reader (local headers patched alike).
 */
function lyingBomb(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 30 < out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x02014b50) out.writeUInt32LE(1024, i + 24);
    else if (signature === 0x04034b50) out.writeUInt32LE(1024, i + 22);
    else if (signature === 0x08074b50) out.writeUInt32LE(1024, i + 12);
  }
  return out;
}

/** A CSV whose header has 10^6 columns (7.9 MB in the probe; each column name a few characters). */
function wideCsv(columns: number): Buffer {
  const header = Array.from({ length: columns }, (_, i) => `c${i % 1000}`).join(',');
  return Buffer.from(`${header}\r\n${'x,'.repeat(columns - 1)}x\r\n`);
}

export async function maliciousFiles(options: { bombChars: number; columns: number }): Promise<MaliciousFile[]> {
  const bomb = await bombWorkbook(options.bombChars);
  const wide = wideCsv(options.columns);
  return [
    {
      name: 'bomb.xlsx',
      what: `XLSX ${Math.round(bomb.length / 1024)} KB whose header is one ${Math.round(options.bombChars / 1024 / 1024)} MB string`,
      content: bomb,
    },
    { name: 'lying-bomb.xlsx', what: 'the same XLSX, its zip directory declaring 1 KB per part', content: lyingBomb(bomb) },
    { name: 'wide.csv', what: `CSV ${(wide.length / 1024 / 1024).toFixed(1)} MB with ${options.columns} columns`, content: wide },
  ];
}
