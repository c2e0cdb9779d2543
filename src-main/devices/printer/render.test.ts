import bwipjs from 'bwip-js/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code128Codewords, code128Modules, FNC1, planCode128 } from '../../../src-shared/barcode/code128';
import { DEFAULT_EQUIPMENT_TEMPLATE, DEFAULT_RECEIVING_TEMPLATE } from '../../../src-shared/labels/defaults';
import { resolveLabel } from '../../../src-shared/labels/layout';
import { SAMPLE_EQUIPMENT, SAMPLE_RECEIVING } from '../../../src-shared/labels/samples';
import { darkPixelCount, pngSize, readPng } from './png-read';
import { labelToPng, labelToSvg, qrMatrix } from './render';
import { textToBitmap } from './text-bitmap';
import { buildZplJob } from './zpl';

const receiving = () => resolveLabel(DEFAULT_RECEIVING_TEMPLATE, SAMPLE_RECEIVING, { textCells: 'tspl' });

describe('label rendering', () => {
  it('SVG: one unit per dot, CJK font stack, text stretched to the layout width', () => {
    const svg = labelToSvg(receiving(), { scale: 2 });
    expect(svg).toMatch(/^<svg [^>]*width="800" height="480" viewBox="0 0 400 240"/);
    expect(svg).toContain('font-family="&#39;WenQuanYi Micro Hei&#39;,&#39;Noto Sans CJK SC&#39;');
    expect(svg).toContain('textLength="72"');
    expect(svg).toContain('>鸡胸肉</text>');
  });

  it('PNG: label size in dots, ink where the barcode is', () => {
    const img = readPng(labelToPng(receiving()));
    expect([img.width, img.height]).toEqual([400, 240]);
    expect(darkPixelCount(img)).toBeGreaterThan(5000);
    // The GS1-128 symbol starts at x 12 and is 354 modules of 1 dot: its last bar ends at x 365.
    const row = 150;
    const dark = [...Array(400).keys()].filter((x) => img.gray[row * 400 + x]! < 128);
    expect(dark[0]).toBe(12);
    expect(dark[dark.length - 1]).toBe(365);
    expect(pngSize(labelToPng(receiving(), { scale: 3 }))).toEqual({ width: 1200, height: 720 });
  });

  it('draws the QR with the layout cell size', () => {
    const l = resolveLabel(DEFAULT_EQUIPMENT_TEMPLATE, SAMPLE_EQUIPMENT);
    const m = qrMatrix(SAMPLE_EQUIPMENT.barcode, 'M');
    expect(m.size).toBe(29); // 32 bytes at ECC M: version 3
    const img = readPng(labelToPng(l));
    // Finder pattern corners: dark at the QR origin (20,20), and its last module ends at 20 + 29*5 - 1.
    expect(img.gray[20 * 400 + 20]).toBeLessThan(128);
    expect(img.gray[20 * 400 + 20 + 29 * 5 - 1]).toBeLessThan(128);
    expect(img.gray[20 * 400 + 20 + 29 * 5]).toBeGreaterThan(127);
  });

  it('draws exactly the planned Code 128 codewords (bwip-js agrees on the width)', () => {
    const ch = fc.constantFrom(...'0123456789', 'A', 'k', '-', '/', FNC1);
    fc.assert(
      fc.property(fc.array(ch, { minLength: 1, maxLength: 30 }), (chars) => {
        const ops = planCode128(chars.join(''));
        const raw = code128Codewords(ops)
          .map((c) => '^' + String(c).padStart(3, '0'))
          .join('');
        const out = bwipjs.raw('code128', raw, { raw: true } as never)[0] as { sbs: number[] };
        expect(out.sbs.reduce((a, b) => a + b, 0)).toBe(code128Modules(ops));
      }),
      { numRuns: 50 },
    );
  });

  it('renders text to a bitmap for ZPL ^GFA', () => {
    const bmp = textToBitmap('鸡胸肉', 24, 72);
    expect([bmp.width, bmp.height, bmp.bytesPerRow]).toEqual([72, 24, 9]);
    expect(bmp.bits.some((b) => b !== 0)).toBe(true);
    const job = buildZplJob(resolveLabel(DEFAULT_RECEIVING_TEMPLATE, SAMPLE_RECEIVING), { cjkMode: 'graphic' });
    const text = job.toString('utf8');
    expect(text).not.toContain('^CW');
    expect(text).toMatch(/\^FO12,10\^GFA,216,216,9,[0-9A-F]{432}\^FS/);
    expect(text).toContain('^FO12,38^A0N,16,16^FDChicken breast^FS');
  });
});
