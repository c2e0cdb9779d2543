/**
 * Template + data -> everything placed in printer dots, texts resolved. This
 * one result feeds the TSPL and ZPL generators and the preview renderer, so a
 * label looks the same on screen as on paper. Text widths use the model of the
 * printers' bitmap CJK fonts: a CJK character is as wide as it is high, any
 * other character half as wide.
 */
import { formatWeight } from '../devices';
import { currencySymbol, formatAmount } from '../money';
import { formatMoney } from '../quantity';
import { hasValidCheckDigit, withCheckDigit } from '../barcode/check-digit';
import { code128Modules, code128Problem, planCode128, type Code128Op } from '../barcode/code128';
import { encodeGs1Elements, Gs1Error, parseGs1 } from '../barcode/gs1';
import { printablePayload, printableText } from './printable';
import type { BarcodeElement, LabelData, LabelField, LabelTemplate, TextElement } from './template';

export interface ResolvedText {
  kind: 'text';
  x: number;
  y: number;
  /** Character height in dots. */
  height: number;
  text: string;
  bold: boolean;
  /** Estimated width in dots (see textWidthDots). */
  width: number;
}

/** Code 128 and GS1-128, as a subset plan the printers and the preview both follow. */
export interface ResolvedCode128 {
  kind: 'code128';
  x: number;
  y: number;
  height: number;
  /** Narrow bar in dots. */
  module: number;
  gs1: boolean;
  ops: Code128Op[];
  /** Human form: `(01)...` for GS1, the data otherwise. */
  text: string;
  width: number;
}

export interface ResolvedEan13 {
  kind: 'ean13';
  x: number;
  y: number;
  height: number;
  module: number;
  /** 13 digits, check digit included. */
  digits: string;
  width: number;
}

export interface ResolvedQr {
  kind: 'qr';
  x: number;
  y: number;
  /** Cell (module) size in dots. */
  cell: number;
  ecc: 'L' | 'M' | 'Q' | 'H';
  data: string;
}

/** An outlined rectangle; a filled one when thickness reaches half its smaller side. */
export interface ResolvedBox {
  kind: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  thickness: number;
}

/** A 1-bit image (ZPL ^GF): rows of `bytesPerRow` bytes, most significant bit first, 1 = black. */
export interface ResolvedBitmap {
  kind: 'bitmap';
  x: number;
  y: number;
  width: number;
  height: number;
  bytesPerRow: number;
  bits: Uint8Array;
}

export type ResolvedElement =
  ResolvedText | ResolvedCode128 | ResolvedEan13 | ResolvedQr | ResolvedBox | ResolvedBitmap;

export interface ResolvedLabel {
  widthMm: number;
  heightMm: number;
  gapMm: number;
  dpi: 203 | 300;
  dotsPerMm: number;
  /** Size in dots. */
  width: number;
  height: number;
  elements: ResolvedElement[];
  /** Things the template editor should show: cut texts, elements off the label, bad barcode data (non-strict). */
  warnings: string[];
}

export interface LayoutOptions {
  /**
   * 'tspl' rounds text heights to what TSPL's CJK fonts can print (16 or 24
   * dots times an integer), so the preview of a TSPL printer is exact. The
   * default keeps the template's heights (ZPL scales fonts freely).
   */
  textCells?: 'tspl' | 'exact';
  /** Throw LabelDataError on unusable barcode data (printing); false: warn and leave it out (preview). */
  strict?: boolean;
}

export class LabelDataError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'LabelDataError';
  }
}

export const dotsPerMm = (dpi: 203 | 300): number => (dpi === 203 ? 8 : 12);

/** A character drawn full width (CJK, full-width forms) by the printers' GB fonts. */
function isWide(ch: string): boolean {
  return (ch.codePointAt(0) ?? 0) > 0x2e7f;
}

/** Estimated printed width: wide characters as wide as the height, others half. */
export function textWidthDots(text: string, height: number): number {
  let units = 0;
  for (const ch of text) units += isWide(ch) ? 2 : 1;
  return Math.round((units * height) / 2);
}

export interface TsplFontCell {
  font: 'TSS16.BF2' | 'TSS24.BF2';
  mul: number;
  height: number;
}

/** The TSPL CJK font and multiplier closest to `height` dots (ties: the smaller). */
export function snapTsplText(height: number): TsplFontCell {
  let best: TsplFontCell = { font: 'TSS16.BF2', mul: 1, height: 16 };
  for (let mul = 1; mul <= 10; mul++) {
    for (const [font, cell] of [
      ['TSS16.BF2', 16],
      ['TSS24.BF2', 24],
    ] as const) {
      const h = cell * mul;
      const d = Math.abs(h - height);
      const bd = Math.abs(best.height - height);
      if (d < bd || (d === bd && h < best.height)) best = { font, mul, height: h };
    }
  }
  return best;
}

function labelAmount(value4: number, data: LabelData): string {
  return data.currency ? formatAmount(value4, data.currency) : formatMoney(value4);
}

/**
 * The symbol `{currency}` prints as. The yuan is the full-width ￥, which every
 * Chinese printer font has (the narrow ¥ is not in GBK); other currencies print
 * as Chinese readers know them (US$, €, HK$), or by their code.
 */
export function labelCurrencySymbol(currency: string | undefined): string {
  if (!currency || currency === 'CNY') return '￥';
  return currencySymbol({ currency, locale: 'zh-CN' });
}

/** The text a field prints as, or '' when the data has none. */
export function fieldText(data: LabelData, field: LabelField): string {
  switch (field) {
    case 'netWeight':
      return data.netWeight ? formatWeight(data.netWeight) : '';
    case 'unitPrice':
      return data.unitPrice === undefined ? '' : labelAmount(data.unitPrice, data) + (data.unit ? `/${data.unit}` : '');
    case 'totalPrice':
      return data.totalPrice === undefined ? '' : labelAmount(data.totalPrice, data);
    default: {
      const v = data[field];
      return typeof v === 'string' ? v : '';
    }
  }
}

/** Cuts `text` (from the end) until it fits `maxWidth` dots. */
function fitText(text: string, height: number, maxWidth: number): string {
  const chars = [...text];
  while (chars.length > 0 && textWidthDots(chars.join(''), height) > maxWidth) chars.pop();
  return chars.join('');
}

/** Resolves a template for one label. */
export function resolveLabel(template: LabelTemplate, data: LabelData, opts: LayoutOptions = {}): ResolvedLabel {
  const k = dotsPerMm(template.dpi);
  const dots = (mm: number) => Math.round(mm * k);
  const strict = opts.strict ?? true;
  const label: ResolvedLabel = {
    widthMm: template.widthMm,
    heightMm: template.heightMm,
    gapMm: template.gapMm,
    dpi: template.dpi,
    dotsPerMm: k,
    width: dots(template.widthMm),
    height: dots(template.heightMm),
    elements: [],
    warnings: [],
  };
  const textHeight = (mm: number) => (opts.textCells === 'tspl' ? snapTsplText(dots(mm)).height : dots(mm));
  const addText = (x: number, y: number, height: number, text: string, bold: boolean, maxWidth?: number) => {
    let t = text;
    if (maxWidth !== undefined && textWidthDots(t, height) > maxWidth) {
      t = fitText(t, height, maxWidth);
      label.warnings.push(`text "${text}" cut to "${t}" to fit`);
    }
    if (t === '') return;
    label.elements.push({ kind: 'text', x, y, height, text: t, bold, width: textWidthDots(t, height) });
  };

  for (const el of template.elements) {
    if (el.type === 'text') {
      const text = resolveText(el, data);
      if (text === '') continue;
      const max = el.maxWidthMm === undefined ? undefined : dots(el.maxWidthMm);
      addText(dots(el.x), dots(el.y), textHeight(el.size), text, el.bold ?? false, max);
    } else if (el.type === 'barcode') {
      try {
        resolveBarcode(el, data, label, dots, textHeight, addText);
      } catch (e) {
        const msg = `${el.symbology} barcode from ${el.field}: ${e instanceof Error ? e.message : String(e)}`;
        if (strict) throw new LabelDataError(msg, el.field);
        label.warnings.push(msg);
      }
    } else if (el.type === 'box') {
      label.elements.push({
        kind: 'box',
        x: dots(el.x),
        y: dots(el.y),
        width: dots(el.widthMm),
        height: dots(el.heightMm),
        thickness: Math.max(1, dots(el.thicknessMm)),
      });
    } else {
      const width = Math.max(1, dots(el.widthMm));
      const height = Math.max(1, dots(el.heightMm));
      label.elements.push({
        kind: 'box',
        x: dots(el.x),
        y: dots(el.y),
        width,
        height,
        thickness: Math.min(width, height),
      });
    }
  }
  for (const e of label.elements) {
    const w = e.kind === 'qr' ? 0 : e.width;
    const h = e.kind === 'qr' ? 0 : e.height;
    if (e.x + w > label.width || e.y + h > label.height) {
      label.warnings.push(`${e.kind} at ${e.x},${e.y} runs off the ${label.width}x${label.height}-dot label`);
    }
  }
  return label;
}

/** The text of a text element, cleaned for printing (see printable.ts). */
function resolveText(el: TextElement, data: LabelData): string {
  if (el.literal !== undefined) return printableText(el.literal);
  let v = el.field ? printableText(fieldText(data, el.field)) : '';
  if (v.trim() === '' && el.fallback) v = printableText(fieldText(data, el.fallback));
  if (v.trim() === '') return '';
  const symbol = () => labelCurrencySymbol(data.currency);
  const affix = (t: string | undefined) => (t ?? '').replace(/\{currency\}/g, symbol);
  return printableText(affix(el.prefix) + v + affix(el.suffix));
}

function resolveBarcode(
  el: BarcodeElement,
  data: LabelData,
  label: ResolvedLabel,
  dots: (mm: number) => number,
  textHeight: (mm: number) => number,
  addText: (x: number, y: number, height: number, text: string, bold: boolean, maxWidth?: number) => void,
): void {
  const value = printablePayload(fieldText(data, el.field)).trim();
  if (value === '') return;
  const x = dots(el.x);
  const y = dots(el.y);
  const height = dots(el.heightMm);
  const module = Math.max(1, dots(el.moduleMm ?? (el.symbology === 'qr' ? 0.5 : 0.25)));
  let hri: { lines: string[]; width: number } | null = null;
  if (el.symbology === 'qr') {
    // TSPL QRCODE and ZPL ^BQ accept cells of 1-10 dots.
    if (module > 10) label.warnings.push(`QR cell of ${module} dots is larger than printers accept (10); using 10`);
    label.elements.push({ kind: 'qr', x, y, cell: Math.min(module, 10), ecc: el.ecc ?? 'M', data: value });
    return;
  }
  if (el.symbology === 'ean13') {
    const digits = /^\d{12}$/.test(value) ? withCheckDigit(value) : value;
    if (!/^\d{13}$/.test(digits)) throw new Error(`"${value}" is not 12 or 13 digits`);
    if (!hasValidCheckDigit(digits)) throw new Error(`"${value}" has a wrong check digit`);
    const width = 95 * module;
    label.elements.push({ kind: 'ean13', x, y, height, module, digits, width });
    hri = { lines: [digits], width };
  } else {
    let text = value;
    let encoded = value;
    let hriParts = [value];
    if (el.symbology === 'gs1-128') {
      const parsed = parseGs1(value);
      if (!parsed.ok) throw new Gs1Error(parsed.error);
      const enc = encodeGs1Elements(parsed.value.elements);
      text = enc.hri;
      encoded = enc.data;
      hriParts = enc.elements.map((e) => `(${e.ai})${e.value}`);
    } else {
      const p = code128Problem(value);
      if (p) throw new Error(p);
    }
    const ops = planCode128(encoded);
    const width = code128Modules(ops) * module;
    label.elements.push({ kind: 'code128', x, y, height, module, gs1: el.symbology === 'gs1-128', ops, text, width });
    hri = { lines: wrapParts(hriParts, (t) => textWidthDots(t, textHeight(el.hriSizeMm ?? 2)), label.width), width };
  }
  if (el.humanReadable && hri) {
    const h = textHeight(el.hriSizeMm ?? 2);
    let ty = y + height + Math.max(1, Math.round(label.dotsPerMm / 4));
    for (const line of hri.lines) {
      const tw = Math.min(textWidthDots(line, h), label.width); // an over-long line is cut by addText
      // Centred under the bars, kept on the label when it is wider than they are.
      const tx = Math.max(0, Math.min(x + Math.round((hri.width - tw) / 2), label.width - tw));
      addText(tx, ty, h, line, false, label.width - tx);
      ty += h + 2;
    }
  }
}

/** Joins parts (GS1 elements) into as few lines as fit `max` dots, as even as possible; a part never splits. */
function wrapParts(parts: string[], width: (t: string) => number, max: number): string[] {
  const greedy = (limit: number) => {
    const lines: string[] = [];
    for (const p of parts) {
      const last = lines[lines.length - 1];
      if (last !== undefined && width(last + p) <= limit) lines[lines.length - 1] = last + p;
      else lines.push(p);
    }
    return lines;
  };
  const n = greedy(max).length;
  // The narrowest limit that still needs no more lines balances them.
  let lo = 1;
  let hi = max;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (greedy(mid).length <= n) hi = mid;
    else lo = mid + 1;
  }
  return greedy(hi);
}
