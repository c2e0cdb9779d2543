/**
 * The templates a new store starts with, and the GS1 data a receiving label
 * carries.
 */
import { encodeGs1, type Gs1Input } from '../barcode/gs1';
import type { Weight } from '../devices';
import type { LabelData, LabelTemplate } from './template';

/**
 * Receiving label, 50 x 30 mm at 203 dpi. The GS1-128 symbol with GTIN, weight,
 * packaging date and lot is ~310 modules, so its narrow bar is 1 dot
 * (0.125 mm) to fit 50 mm; 2D imagers read it, some laser scanners need a wider
 * label (60 mm+, moduleMm 0.25) or fewer AIs.
 */
export const DEFAULT_RECEIVING_TEMPLATE: LabelTemplate = {
  name: 'receiving-50x30',
  widthMm: 50,
  heightMm: 30,
  gapMm: 2,
  dpi: 203,
  elements: [
    { type: 'text', x: 1.5, y: 1.25, size: 3, field: 'nameZh', bold: true, maxWidthMm: 47 },
    { type: 'text', x: 1.5, y: 4.75, size: 2, field: 'nameEn', maxWidthMm: 47 },
    {
      type: 'text',
      x: 1.5,
      y: 7.25,
      size: 2,
      field: 'netWeight',
      fallback: 'qtyText',
      prefix: '净重 ',
      maxWidthMm: 22,
    },
    { type: 'text', x: 24.5, y: 7.25, size: 2, field: 'unitPrice', prefix: '单价{currency}', maxWidthMm: 25 },
    { type: 'text', x: 1.5, y: 9.75, size: 2, field: 'lot', prefix: '批号 ', maxWidthMm: 22 },
    { type: 'text', x: 24.5, y: 9.75, size: 2, field: 'totalPrice', prefix: '总价{currency}', maxWidthMm: 25 },
    { type: 'text', x: 1.5, y: 12.25, size: 2, field: 'receivedDate', prefix: '收货 ', maxWidthMm: 22 },
    { type: 'text', x: 24.5, y: 12.25, size: 2, field: 'expiryDate', prefix: '到期 ', maxWidthMm: 25 },
    {
      type: 'barcode',
      x: 1.5,
      y: 15,
      heightMm: 8,
      symbology: 'gs1-128',
      field: 'barcode',
      humanReadable: true,
      moduleMm: 0.125,
      hriSizeMm: 2,
    },
  ],
};

/** Equipment label for repairs, 50 x 30 mm: a QR of the equipment's URL or code, its names and code. */
export const DEFAULT_EQUIPMENT_TEMPLATE: LabelTemplate = {
  name: 'equipment-qr-50x30',
  widthMm: 50,
  heightMm: 30,
  gapMm: 2,
  dpi: 203,
  elements: [
    // 2.5 mm from the edges: the QR quiet zone (4 cells) is partly the printer's unprintable margin.
    {
      type: 'barcode',
      x: 2.5,
      y: 2.5,
      heightMm: 20,
      symbology: 'qr',
      field: 'barcode',
      humanReadable: false,
      moduleMm: 0.625,
    },
    { type: 'text', x: 23, y: 2.5, size: 3, field: 'nameZh', bold: true, maxWidthMm: 26 },
    { type: 'text', x: 23, y: 6.5, size: 2, field: 'nameEn', maxWidthMm: 26 },
    { type: 'text', x: 23, y: 10, size: 3, field: 'equipmentCode', bold: true, maxWidthMm: 26 },
    { type: 'text', x: 23, y: 14.5, size: 2, field: 'storeName', maxWidthMm: 26 },
    { type: 'line', x: 2.5, y: 23.5, widthMm: 45, heightMm: 0.25 },
    { type: 'text', x: 2.5, y: 25.5, size: 3, literal: '扫码报修 Scan to report', maxWidthMm: 45 },
  ],
};

/** Grams in `w`, exact, or null (pounds, or a fraction of a gram). */
export function weightToGrams(w: Weight): number | null {
  if (w.unit === 'lb') return null;
  const scaled = w.unit === 'kg' ? w.amount * 1000 : w.amount;
  const div = 10 ** w.decimals;
  return scaled % div === 0 ? scaled / div : null;
}

/**
 * The `(AI)` element string for a receiving label: (01) GTIN if the item has
 * one, (3103) net weight, (13) the received date as packaging date, (17)
 * expiry, (10) lot. Throws Gs1Error when a value cannot be encoded.
 */
export function receivingBarcode(
  data: Pick<LabelData, 'gtin' | 'netWeight' | 'receivedDate' | 'expiryDate' | 'lot'>,
): string {
  const input: Gs1Input = { packDate: data.receivedDate };
  if (data.gtin) input.gtin = data.gtin;
  if (data.netWeight) {
    const g = weightToGrams(data.netWeight);
    if (g !== null) input.netWeightGrams = g;
  }
  if (data.expiryDate) input.expiry = data.expiryDate;
  if (data.lot) input.lot = data.lot;
  return encodeGs1(input).hri;
}
