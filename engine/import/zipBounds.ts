import { xlsxLimits } from '../config/limits.ts';

/** A part of a zip as its central directory declares it. */
export interface ZipPart {
  name: string;
  compressed: number;
  inflated: number;
}

/**
 * Reads a zip's central directory (PKWARE APPNOTE 4.3.12, 4.3.16) without inflating anything.
 * Returns null when the buffer is no zip this reader understands (the workbook reader then says so).
 * Zip64 sizes (0xFFFFFFFF) are read as "too large": no real import needs them.
 */
export function zipParts(buffer: Buffer): ZipPart[] | null {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length) return null;
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return null;
    const compressed = buffer.readUInt32LE(offset + 20);
    const inflated = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    parts.push({ name, compressed, inflated: inflated === 0xffffffff ? Number.POSITIVE_INFINITY : inflated });
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return parts;
}

/** Why a workbook must not be opened (inflated size or ratio over xlsxLimits), or null. */
export function zipBombProblem(buffer: Buffer, limits = xlsxLimits): string | null {
  const parts = zipParts(buffer);
  if (!parts) return null;
  const total = parts.reduce((s, p) => s + p.inflated, 0);
  if (total > limits.maxInflatedBytes) return `the workbook inflates to ${Number.isFinite(total) ? `${Math.round(total / 1024 / 1024)} MB` : 'more than 4 GB'}; at most ${limits.maxInflatedBytes / 1024 / 1024} MB`;
  const bomb = parts.find((p) => p.inflated > limits.minRatioCheckedBytes && p.inflated / Math.max(p.compressed, 1) > limits.maxRatio);
  if (bomb) return `part ${bomb.name.slice(0, 80)} inflates ${Math.round(bomb.inflated / Math.max(bomb.compressed, 1))}-fold; at most ${limits.maxRatio}-fold`;
  return null;
}
