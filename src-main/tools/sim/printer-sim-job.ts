/** What the simulator makes of one job, shared by its TSPL and ZPL readers. */
import { code128Data, code128Modules, FNC1, type Code128Op } from '../../../src-shared/barcode/code128';
import { parseGs1 } from '../../../src-shared/barcode/gs1';
import type { ResolvedElement, ResolvedLabel } from '../../../src-shared/labels/layout';

export interface SimBarcode {
  symbology: 'code128' | 'gs1-128' | 'ean13' | 'qr';
  /** GS1: the `(AI)` form; EAN-13: 13 digits; others: the data. */
  data: string;
}

export interface ParsedJob {
  label: ResolvedLabel;
  texts: string[];
  barcodes: SimBarcode[];
  copies: number;
  /** Commands the simulator did not understand or could not read (the label is still rendered). */
  problems: string[];
}

/** Label frame in dots for a size in dots. */
export function emptyLabel(width: number, height: number, dpi: 203 | 300, gapMm = 0): ResolvedLabel {
  const k = dpi === 203 ? 8 : 12;
  return {
    widthMm: width / k,
    heightMm: height / k,
    gapMm,
    dpi,
    dotsPerMm: k,
    width,
    height,
    elements: [],
    warnings: [],
  };
}

/** A Code 128 element with what it means: GS1 when it starts with FNC1 and reads as GS1. */
export function code128Element(
  x: number,
  y: number,
  height: number,
  module: number,
  ops: Code128Op[],
  problems: string[],
): { element: ResolvedElement; barcode: SimBarcode } {
  const data = code128Data(ops);
  let gs1 = false;
  let text = data;
  if (data.startsWith(FNC1)) {
    const r = parseGs1(data.slice(1));
    if (r.ok) {
      gs1 = true;
      text = r.value.hri;
    } else problems.push(`FNC1 data is not valid GS1: ${r.error.message}`);
  }
  const width = code128Modules(ops) * module;
  return {
    element: { kind: 'code128', x, y, height, module, gs1, ops, text, width },
    barcode: { symbology: gs1 ? 'gs1-128' : 'code128', data: text },
  };
}

/** Texts from the elements; a text printed twice one dot apart (bold) counts once. */
export function mergeBoldPasses(elements: ResolvedElement[]): ResolvedElement[] {
  const out: ResolvedElement[] = [];
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
