/**
 * Reads a PNG back (8-bit gray/RGB/RGBA, non-interlaced: what resvg writes) so
 * tests and the simulator can check a label image: its size and how much ink.
 */
import { inflateSync } from 'node:zlib';

export interface PngImage {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black, 255 = white (alpha composited on white). */
  gray: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!b.subarray(0, 8).equals(SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function readPng(png: Uint8Array): PngImage {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const { width, height } = pngSize(b);
  const depth = b[24];
  const colorType = b[25]!;
  const interlace = b[28];
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (depth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`);
  }
  const idat: Buffer[] = [];
  for (let off = 8; off < b.length;) {
    const len = b.readUInt32BE(off);
    const type = b.toString('latin1', off + 4, off + 8);
    if (type === 'IDAT') idat.push(b.subarray(off + 8, off + 8 + len));
    if (type === 'IEND') break;
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = rows.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0;
      const up = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = up;
      else if (filter === 3) pred = (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      cur[i] = (src[i]! + pred) & 0xff;
    }
  }
  const gray = new Uint8Array(width * height);
  for (let p = 0; p < width * height; p++) {
    const o = p * channels;
    const v = channels >= 3 ? Math.round((rows[o]! + rows[o + 1]! + rows[o + 2]!) / 3) : rows[o]!;
    const alpha = channels === 4 ? rows[o + 3]! : channels === 2 ? rows[o + 1]! : 255;
    gray[p] = Math.round((v * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, gray };
}

/** Pixels darker than mid-grey. */
export function darkPixelCount(img: PngImage): number {
  let n = 0;
  for (const g of img.gray) if (g < 128) n++;
  return n;
}
