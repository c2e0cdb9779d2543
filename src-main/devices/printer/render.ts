/**
 * Draws a resolved label (src-shared/labels/layout.ts) as SVG, and as PNG via
 * resvg: the template editor's preview and the printer simulator's output.
 * One SVG unit is one printer dot. Barcodes are drawn from bwip-js's encoded
 * bars (bwip-js `raw`), dot-aligned like a thermal head draws them; Code 128
 * uses the layout's own codewords, so it is the very symbol the printer gets.
 */
import type * as ResvgModule from '@resvg/resvg-js';
import type BwipJs from 'bwip-js/node';
import { lazyRequire } from '../../lib/lazy-require';

// Loaded on the first preview or simulated label, not at app start (see lazy-require.ts).
const resvg = lazyRequire<typeof ResvgModule>('@resvg/resvg-js');
const bwip = lazyRequire<typeof BwipJs>('bwip-js/node');
import { code128Codewords } from '../../../src-shared/barcode/code128';
import type {
  ResolvedBitmap,
  ResolvedCode128,
  ResolvedEan13,
  ResolvedElement,
  ResolvedLabel,
  ResolvedQr,
  ResolvedText,
} from '../../../src-shared/labels/layout';
import { CJK_FONT_STACK, findCjkFont } from './fonts';

export interface RenderOptions {
  /** Pixels per printer dot (default 1: the PNG is exactly the label in dots). */
  scale?: number;
}

/** Where the baseline sits below the top of a text cell, as a share of its height. */
const BASELINE = 0.86;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function rect(x: number, y: number, w: number, h: number): string {
  return `M${x} ${y}h${w}v${h}h${-w}Z`;
}

function textSvg(t: ResolvedText): string {
  const family = esc(CJK_FONT_STACK.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(','));
  // textLength stretches the glyphs to the width the printer's cell fonts take.
  return (
    `<text x="${t.x}" y="${(t.y + t.height * BASELINE).toFixed(2)}" font-size="${t.height}" font-family="${family}"` +
    `${t.bold ? ' font-weight="bold"' : ''} textLength="${t.width}" lengthAdjust="spacingAndGlyphs"` +
    ` xml:space="preserve">${esc(t.text)}</text>`
  );
}

/** Bars from a space/bar width list (bars first), each width times `module`. */
function barsPath(sbs: readonly number[], x: number, y: number, module: number, height: number): string {
  let d = '';
  let pos = x;
  sbs.forEach((w, i) => {
    const width = Math.round(w * module);
    if (i % 2 === 0 && width > 0) d += rect(pos, y, width, height);
    pos += width;
  });
  return d;
}

function linearSbs(bcid: string, text: string, opts: Record<string, unknown>): number[] {
  const out = bwip().raw(bcid, text, opts as never)[0];
  if (!out || !('sbs' in out)) throw new Error(`bwip-js gave no bars for ${bcid}`);
  return out.sbs;
}

function code128Svg(b: ResolvedCode128): string {
  const raw = code128Codewords(b.ops)
    .map((c) => '^' + String(c).padStart(3, '0'))
    .join('');
  return `<path d="${barsPath(linearSbs('code128', raw, { raw: true }), b.x, b.y, b.module, b.height)}"/>`;
}

function ean13Svg(b: ResolvedEan13): string {
  return `<path d="${barsPath(linearSbs('ean13', b.digits, {}), b.x, b.y, b.module, b.height)}"/>`;
}

/** QR modules: bwip-js picks the version for the data and ECC level, as the printers do. */
export function qrMatrix(
  data: string,
  ecc: 'L' | 'M' | 'Q' | 'H',
): { size: number; dark: (c: number, r: number) => boolean } {
  const out = bwip().raw('qrcode', data, { eclevel: ecc } as never)[0];
  if (!out || !('pixs' in out)) throw new Error('bwip-js gave no QR matrix');
  return { size: out.pixx, dark: (c, r) => out.pixs[r * out.pixx + c] === 1 };
}

function qrSvg(q: ResolvedQr): string {
  const m = qrMatrix(q.data, q.ecc);
  let d = '';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) if (m.dark(c, r)) d += rect(q.x + c * q.cell, q.y + r * q.cell, q.cell, q.cell);
  }
  return `<path d="${d}"/>`;
}

function bitmapSvg(b: ResolvedBitmap): string {
  let d = '';
  for (let r = 0; r < b.height; r++) {
    let start = -1;
    for (let c = 0; c <= b.width; c++) {
      const on = c < b.width && ((b.bits[r * b.bytesPerRow + (c >> 3)] ?? 0) & (0x80 >> (c & 7))) !== 0;
      if (on && start < 0) start = c;
      if (!on && start >= 0) {
        d += rect(b.x + start, b.y + r, c - start, 1);
        start = -1;
      }
    }
  }
  return d ? `<path d="${d}"/>` : '';
}

function elementSvg(e: ResolvedElement): string {
  switch (e.kind) {
    case 'text':
      return textSvg(e);
    case 'code128':
      return code128Svg(e);
    case 'ean13':
      return ean13Svg(e);
    case 'qr':
      return qrSvg(e);
    case 'bitmap':
      return bitmapSvg(e);
    case 'box': {
      const t = e.thickness;
      if (t * 2 >= Math.min(e.width, e.height)) return `<path d="${rect(e.x, e.y, e.width, e.height)}"/>`;
      const inner = rect(e.x + t, e.y + t, e.width - 2 * t, e.height - 2 * t);
      return `<path fill-rule="evenodd" d="${rect(e.x, e.y, e.width, e.height)}${inner}"/>`;
    }
  }
}

/** The label as a standalone SVG document (white background, black ink). */
export function labelToSvg(label: ResolvedLabel, opts: RenderOptions = {}): string {
  const s = opts.scale ?? 1;
  const body = label.elements.map(elementSvg).join('\n');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${label.width * s}" height="${label.height * s}"` +
    ` viewBox="0 0 ${label.width} ${label.height}" shape-rendering="crispEdges">\n` +
    `<rect width="${label.width}" height="${label.height}" fill="#fff"/>\n<g fill="#000">\n${body}\n</g>\n</svg>\n`
  );
}

/** Rasterises an SVG with the CJK font found on this machine (system fonts if none). */
export function rasterize(svg: string): { width: number; height: number; pixels: Buffer; png: () => Buffer } {
  const font = findCjkFont();
  const renderer = new (resvg().Resvg)(svg, {
    font: font
      ? { fontFiles: [font.path], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { loadSystemFonts: true },
  });
  const img = renderer.render();
  return { width: img.width, height: img.height, pixels: img.pixels, png: () => img.asPng() };
}

/** PNG of the label. */
export function labelToPng(label: ResolvedLabel, opts: RenderOptions = {}): Buffer {
  return rasterize(labelToSvg(label, opts)).png();
}

/** Pixels darker than mid-grey in RGBA data (for "is anything printed" checks). */
export function countDark(rgba: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3]! > 127 && rgba[i]! + rgba[i + 1]! + rgba[i + 2]! < 384) n++;
  }
  return n;
}
