/**
 * Text drawn into a 1-bit bitmap with the same renderer as the preview, for
 * printers that have no CJK font (ZPL `^GFA`).
 */
import { labelToSvg, rasterize } from './render';

export interface TextBitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  /** Rows of bytesPerRow bytes, most significant bit first, 1 = black. */
  bits: Uint8Array;
}

/** Renders `text` in a `width` x `height` dot box (width as laid out). */
export function textToBitmap(text: string, height: number, width: number, bold = false): TextBitmap {
  const w = Math.max(1, width);
  const svg = labelToSvg({
    widthMm: 0,
    heightMm: 0,
    gapMm: 0,
    dpi: 203,
    dotsPerMm: 8,
    width: w,
    height,
    warnings: [],
    elements: [{ kind: 'text', x: 0, y: 0, height, text, bold, width: w }],
  });
  const img = rasterize(svg);
  const bytesPerRow = Math.ceil(img.width / 8);
  const bits = new Uint8Array(bytesPerRow * img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const p = img.pixels;
      const k = y * bytesPerRow + (x >> 3);
      if (p[i]! + p[i + 1]! + p[i + 2]! < 384) bits[k] = (bits[k] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return { width: img.width, height: img.height, bytesPerRow, bits };
}
