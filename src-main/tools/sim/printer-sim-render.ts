/**
 * Draws what the simulated printer read (printer-sim-job.ts) as a PNG, one
 * pixel per printer dot: its own bars, EAN-13 modules and QR symbols
 * (sim-linear.ts, sim-qr.ts), not the app's preview renderer. Text goes
 * through resvg with a CJK font, as a printer's font ROM would draw it.
 */
import type * as ResvgModule from '@resvg/resvg-js';
import { findCjkFont } from '../../devices/printer/fonts';
import { lazyRequire } from '../../lib/lazy-require';
import type { SimElement, SimLayout } from './printer-sim-job';
import { code128Widths, ean13Modules } from './sim-linear';
import { qrSymbol } from './sim-qr';

const resvg = lazyRequire<typeof ResvgModule>('@resvg/resvg-js');

const rect = (x: number, y: number, w: number, h: number) => `M${x} ${y}h${w}v${h}h${-w}Z`;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Dark runs of a module string ("1" = bar), each module `module` dots wide. */
function runs(modules: string, x: number, y: number, module: number, height: number): string {
  let d = '';
  for (let i = 0; i < modules.length;) {
    let j = i;
    while (j < modules.length && modules[j] === modules[i]) j++;
    if (modules[i] === '1') d += rect(x + i * module, y, (j - i) * module, height);
    i = j;
  }
  return d;
}

function elementSvg(e: SimElement, family: string): string {
  switch (e.kind) {
    case 'text':
      return (
        `<text x="${e.x}" y="${(e.y + e.height * 0.86).toFixed(2)}" font-size="${e.height}" font-family="${esc(family)}"` +
        `${e.bold ? ' font-weight="bold"' : ''} textLength="${Math.max(1, e.width)}" lengthAdjust="spacingAndGlyphs"` +
        ` xml:space="preserve">${esc(e.text)}</text>`
      );
    case 'code128': {
      const modules = code128Widths(e.values)
        .map((w, i) => (i % 2 === 0 ? '1' : '0').repeat(w))
        .join('');
      return `<path d="${runs(modules, e.x, e.y, e.module, e.height)}"/>`;
    }
    case 'ean13':
      return `<path d="${runs(ean13Modules(e.digits), e.x, e.y, e.module, e.height)}"/>`;
    case 'qr': {
      const q = qrSymbol(e.data, e.ecc);
      let d = '';
      for (let y = 0; y < q.size; y++) {
        for (let x = 0; x < q.size; x++)
          if (q.dark(x, y)) d += rect(e.x + x * e.cell, e.y + y * e.cell, e.cell, e.cell);
      }
      return `<path d="${d}"/>`;
    }
    case 'box': {
      const t = e.thickness;
      if (t * 2 >= Math.min(e.width, e.height)) return `<path d="${rect(e.x, e.y, e.width, e.height)}"/>`;
      const inner = rect(e.x + t, e.y + t, e.width - 2 * t, e.height - 2 * t);
      return `<path fill-rule="evenodd" d="${rect(e.x, e.y, e.width, e.height)}${inner}"/>`;
    }
    case 'bitmap': {
      let d = '';
      for (let r = 0; r < e.height; r++) {
        let row = '';
        for (let c = 0; c < e.width; c++)
          row += (e.bits[r * e.bytesPerRow + (c >> 3)] ?? 0) & (0x80 >> (c & 7)) ? '1' : '0';
        d += runs(row, e.x, e.y + r, 1, 1);
      }
      return d ? `<path d="${d}"/>` : '';
    }
  }
}

export interface SimImage {
  png: Buffer;
  /** Pixels darker than mid-grey (0 would be a blank label). */
  darkPixels: number;
}

/** The label as the simulated printer would print it. */
export function renderSimLabel(label: SimLayout): SimImage {
  const font = findCjkFont();
  const body = label.elements.map((e) => elementSvg(e, font?.family ?? 'sans-serif')).join('\n');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${label.width}" height="${label.height}" shape-rendering="crispEdges">` +
    `<rect width="${label.width}" height="${label.height}" fill="#fff"/><g fill="#000">${body}</g></svg>`;
  const img = new (resvg().Resvg)(svg, {
    font: font
      ? { fontFiles: [font.path], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { loadSystemFonts: true },
  }).render();
  const px = img.pixels;
  let darkPixels = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i + 3]! > 127 && px[i]! + px[i + 1]! + px[i + 2]! < 384) darkPixels++;
  return { png: img.asPng(), darkPixels };
}
