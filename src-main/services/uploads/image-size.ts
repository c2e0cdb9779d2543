/**
 * The pixel size an image declares, read from its header without decoding
 * it: a 2 MB PNG of zeros can declare 60,000 × 60,000 pixels and take 14 GB
 * to decode in whichever screen shows it. Null when the header has no size
 * (no decoder can draw such a file either).
 */
export function imageSize(bytes: Buffer, mime: 'image/png' | 'image/jpeg'): { width: number; height: number } | null {
  return mime === 'image/png' ? pngSize(bytes) : jpegSize(bytes);
}

function pngSize(b: Buffer): { width: number; height: number } | null {
  // Signature (8), then the IHDR chunk: length (4), type (4), width (4), height (4).
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Start-of-frame markers carry the size (C4 = Huffman tables, C8 = reserved, CC = arithmetic coding tables). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Buffer): { width: number; height: number } | null {
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end, or image data before any frame header
    const length = b.readUInt16BE(p + 2);
    if (isSof(marker)) {
      if (p + 9 > b.length) return null;
      return { height: b.readUInt16BE(p + 5), width: b.readUInt16BE(p + 7) };
    }
    p += 2 + length;
  }
  return null;
}
