/**
 * What the simulated printer makes of one job, shared by its TSPL and ZPL
 * readers: its own model of a label (dots, texts, symbols), independent of
 * the app's layout types, so the app's output is read by different code.
 */
import type { Code128Read } from './printer-sim-code128';
import { readGs1 } from './sim-gs1';
import { code128Widths } from './sim-linear';
import type { QrEcc } from './sim-qr';

export type SimElement =
  | { kind: 'text'; x: number; y: number; height: number; text: string; bold: boolean; width: number }
  | {
      kind: 'code128';
      x: number;
      y: number;
      height: number;
      /** Narrow bar in dots. */
      module: number;
      /** Start value and data values; the check value and STOP are added when drawn. */
      values: number[];
      width: number;
    }
  | { kind: 'ean13'; x: number; y: number; height: number; module: number; digits: string; width: number }
  | { kind: 'qr'; x: number; y: number; cell: number; ecc: QrEcc; data: string }
  | { kind: 'box'; x: number; y: number; width: number; height: number; thickness: number }
  | {
      kind: 'bitmap';
      x: number;
      y: number;
      width: number;
      height: number;
      bytesPerRow: number;
      /** Rows of bytesPerRow bytes, most significant bit first, 1 = black. */
      bits: Uint8Array;
    };

/** The label as the printer would print it, in dots. */
export interface SimLayout {
  dpi: 203 | 300;
  widthMm: number;
  heightMm: number;
  gapMm: number;
  width: number;
  height: number;
  elements: SimElement[];
}

export interface SimBarcode {
  symbology: 'code128' | 'gs1-128' | 'ean13' | 'qr';
  /** GS1: the `(AI)` form; EAN-13: 13 digits; others: the data. */
  data: string;
}

export interface ParsedJob {
  label: SimLayout;
  texts: string[];
  barcodes: SimBarcode[];
  copies: number;
  /** Commands the simulator did not understand or could not read (the label is still rendered). */
  problems: string[];
}

export const dotsPerMm = (dpi: 203 | 300): number => (dpi === 203 ? 8 : 12);

/** Label frame for a size in dots. */
export function emptyLabel(width: number, height: number, dpi: 203 | 300, gapMm = 0): SimLayout {
  const k = dotsPerMm(dpi);
  return { dpi, widthMm: width / k, heightMm: height / k, gapMm, width, height, elements: [] };
}

/**
 * Width of text in the printers' bitmap fonts: a CJK (full-width) character
 * is as wide as the cell is high, any other half as wide.
 */
export function textWidth(text: string, height: number): number {
  let halves = 0;
  for (const ch of text) halves += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return Math.round((halves * height) / 2);
}

/** A Code 128 element and what a scanner reads from it: GS1 when FNC1 follows the start. */
export function code128Element(
  x: number,
  y: number,
  height: number,
  module: number,
  read: Code128Read,
  problems: string[],
): { element: SimElement; barcode: SimBarcode } {
  let barcode: SimBarcode = { symbology: 'code128', data: read.data };
  if (read.fnc1First) {
    const gs1 = readGs1(read.data);
    if (gs1.ok) barcode = { symbology: 'gs1-128', data: gs1.text };
    else problems.push(`FNC1 data is not valid GS1: ${gs1.why}`);
  }
  const width = code128Widths(read.values).reduce((a, b) => a + b, 0) * module;
  return { element: { kind: 'code128', x, y, height, module, values: read.values, width }, barcode };
}

/** Texts from the elements; a text printed twice one dot apart (bold) counts once. */
export function mergeBoldPasses(elements: SimElement[]): SimElement[] {
  const out: SimElement[] = [];
  for (const e of elements) {
    const prev = out[out.length - 1];
    if (e.kind === 'text' && prev?.kind === 'text' && prev.text === e.text && prev.y === e.y && e.x === prev.x + 1) {
      prev.bold = true;
      continue;
    }
    out.push(e);
  }
  return out;
}
