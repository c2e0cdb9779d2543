/**
 * The simulated printer's own symbols against an independent implementation
 * (bwip-js, a port of Barcode Writer in Pure PostScript) and the protocol
 * document, and what that buys: a wrong generator in the app is caught by the
 * simulator instead of agreeing with itself.
 */
import bwipjs from 'bwip-js/node';
import { describe, expect, it } from 'vitest';
import { planCode128 } from '../../../src-shared/barcode/code128';
import { encodeGs1Elements, parseGs1 } from '../../../src-shared/barcode/gs1';
import type { Code128Op } from '../../../src-shared/barcode/code128';
import { tspl128mData } from '../../devices/printer/tspl';
import { zplCode128Data } from '../../devices/printer/zpl';
import { readTspl128m, readZplCode128 } from './printer-sim-code128';
import { code128Element } from './printer-sim-job';
import { readGs1 } from './sim-gs1';
import { code128Widths, ean13Modules, gs1CheckDigit } from './sim-linear';
import { qrSymbol, type QrEcc } from './sim-qr';

interface Raw {
  sbs?: number[];
  pixs?: number[];
  pixx?: number;
}
const raw = (bcid: string, text: string, opts: Record<string, unknown> = {}) =>
  (bwipjs as unknown as { raw(b: string, t: string, o: object): Raw[] }).raw(bcid, text, opts)[0]!;

/** bwip-js's QR with the level and mask it chose, read from its format information. */
function reference(data: string, ecc: QrEcc) {
  const out = raw('qrcode', data, { eclevel: ecc });
  const size = out.pixx!;
  const dark = (x: number, y: number) => out.pixs![y * size + x] === 1;
  const cells = [0, 1, 2, 3, 4, 5, 7, 8].map((y) => dark(8, y)).concat([7, 5, 4, 3, 2, 1, 0].map((x) => dark(x, 8)));
  const format = cells.reduce((bits, on, i) => bits | ((on ? 1 : 0) << i), 0) ^ 0x5412;
  // bwip-js raises the level when the data fits the same version anyway; the bits say which it used.
  const level = (['M', 'L', 'H', 'Q'] as const)[(format >> 13) & 3]!;
  return { size, dark, mask: (format >> 10) & 7, level };
}

describe("the simulator's symbols", () => {
  it.each([
    ['numeric', '0123456789012345'],
    ['alphanumeric', 'HTTPS://STORE.EXAMPLE/EQ/EQ-0042'],
    ['bytes', 'https://store.example/eq/eq-0042?x=1'],
    ['equipment code', 'EQ:SH001-FRY-01'],
    ['version 7+ (version information)', 'a'.repeat(150)],
  ])('QR, %s: module for module the same symbol as bwip-js at the same level and mask', (_what, data) => {
    for (const ecc of ['L', 'M', 'Q', 'H'] as const) {
      let ref: ReturnType<typeof reference>;
      try {
        ref = reference(data, ecc);
      } catch {
        continue; // too long for this level
      }
      if (ref.size > 17 + 4 * 10) continue; // printers' labels stay within version 10, and so does the simulator
      const mine = qrSymbol(data, ref.level, { mask: ref.mask });
      expect(mine.size).toBe(ref.size);
      const diff: string[] = [];
      for (let y = 0; y < ref.size; y++) {
        for (let x = 0; x < ref.size; x++) if (mine.dark(x, y) !== ref.dark(x, y)) diff.push(`${x},${y}`);
      }
      expect(diff, `${ecc} -> ${ref.level}, mask ${ref.mask}`).toEqual([]);
    }
  });

  it('QR: picks a mask by the penalty rules, and refuses what does not fit version 10', () => {
    expect(qrSymbol('EQ:SH001-FRY-01', 'M').mask).toBeGreaterThanOrEqual(0);
    expect(() => qrSymbol('x'.repeat(300), 'H')).toThrow(/does not fit/);
  });

  it('Code 128: the same bars as bwip-js for the same symbol values', () => {
    for (const values of [
      [104, 33, 34, 99, 12, 34, 102],
      [105, 102, 1, 6, 90, 12, 34, 56, 78, 92],
      [104, 0, 95, 50],
    ]) {
      const text = values.map((v) => '^' + String(v).padStart(3, '0')).join('');
      expect(code128Widths(values)).toEqual(raw('code128', text, { raw: true }).sbs);
    }
  });

  it('EAN-13: the same modules as bwip-js, and the check digit of the document', () => {
    expect(gs1CheckDigit('629104150021')).toBe(3);
    for (const digits of ['6901234567892', '6291041500213', '4006381333931', '0012345678905']) {
      const bars = raw('ean13', digits)
        .sbs!.map((w, i) => (i % 2 === 0 ? '1' : '0').repeat(w))
        .join('');
      expect(ean13Modules(digits)).toBe(bars);
    }
  });

  it("GS1: the document's element string reads as its (AI) form", () => {
    const data = '0106901234567892' + '3103001234' + '13251127' + '10LOT42';
    expect(readGs1(data)).toEqual({ ok: true, text: '(01)06901234567892(3103)001234(13)251127(10)LOT42' });
    expect(readGs1('10LOT42\u001d3103001234')).toEqual({ ok: true, text: '(10)LOT42(3103)001234' });
    expect(readGs1('01123')).toMatchObject({ ok: false });
  });
});

describe("the simulator checks the app's generators", () => {
  const DOC_HRI = '(01)06901234567892(3103)001234(13)251127(10)LOT42';
  const plan = () => {
    const parsed = parseGs1(DOC_HRI);
    if (!parsed.ok) throw new Error('the document example does not parse');
    return planCode128(encodeGs1Elements(parsed.value.elements).data);
  };
  const scanned = (read: ReturnType<typeof readTspl128m>) => {
    const problems: string[] = [];
    return { ...code128Element(0, 0, 10, 1, read, problems).barcode, problems };
  };

  it("reads the app's TSPL and ZPL Code 128 data for the document's GS1 example as the document says", () => {
    expect(scanned(readTspl128m(tspl128mData(plan())))).toEqual({ symbology: 'gs1-128', data: DOC_HRI, problems: [] });
    expect(scanned(readZplCode128(zplCode128Data(plan())))).toEqual({
      symbology: 'gs1-128',
      data: DOC_HRI,
      problems: [],
    });
  });

  it('catches a generator that swaps the subset switches or drops the GS1 FNC1', () => {
    const swapped = (ops: Code128Op[]) =>
      tspl128mData(ops.map((o) => (o.op === 'switch' ? { op: 'switch', set: o.set === 'B' ? 'C' : 'B' } : o)));
    expect(() => scanned(readTspl128m(swapped(plan())))).toThrow();
    // A generator that leaves out the FNC1 after the start makes a plain Code 128, not GS1-128.
    const noFnc1 = tspl128mData(plan().filter((o, i) => !(o.op === 'fnc1' && i === 1)));
    expect(scanned(readTspl128m(noFnc1)).symbology).toBe('code128');
  });
});
