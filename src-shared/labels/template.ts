/**
 * Label templates: what goes where on a label, in millimetres, independent of
 * the printer language. Validated with zod because templates are edited by
 * users and stored; layout.ts turns template + data into printer dots.
 */
import { z } from 'zod';
import { CalendarDay } from '../api/common';
import type { Weight } from '../devices';

/** The data one label is printed from. Money is in ten-thousandths of the store's currency (the project's MONEY_SCALE). */
export interface LabelData {
  itemCode: string;
  nameZh: string;
  nameEn: string;
  netWeight?: Weight;
  /** Quantity for counted goods, already in words, e.g. "12 个". */
  qtyText?: string;
  /** Sales/receiving unit, shown after the unit price: "12.50/kg". */
  unit?: string;
  /** Integer, ten-thousandths of the store's currency; printed in the currency's decimals. */
  unitPrice?: number;
  /** Integer, ten-thousandths of the store's currency. */
  totalPrice?: number;
  /**
   * The store's currency (ISO 4217, e.g. CNY, USD): money fields print in its
   * decimals, and `{currency}` in a prefix or suffix prints its symbol. Absent:
   * two decimals and ￥ (labels printed before stores chose a currency).
   */
  currency?: string;
  lot?: string;
  /** YYYY-MM-DD */
  receivedDate: string;
  /** YYYY-MM-DD */
  expiryDate?: string;
  gtin?: string;
  /**
   * What the barcode element encodes: for gs1-128 an element string in the
   * `(AI)value` form (see gs1ForLabel), for ean13 12 or 13 digits, for qr a URL
   * or code. Empty: the barcode element is left out.
   */
  barcode: string;
  storeName?: string;
  /** Equipment labels (repairs): the equipment's code, printed next to its QR. */
  equipmentCode?: string;
}

export const LABEL_FIELDS = [
  'itemCode',
  'nameZh',
  'nameEn',
  'netWeight',
  'qtyText',
  'unit',
  'unitPrice',
  'totalPrice',
  'lot',
  'receivedDate',
  'expiryDate',
  'gtin',
  'barcode',
  'storeName',
  'equipmentCode',
] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

const Mm = z.number().min(0).max(500);
const Field = z.enum(LABEL_FIELDS);

export const TextElementSchema = z.object({
  type: z.literal('text'),
  x: Mm,
  y: Mm,
  /** Height of the text in mm (a TSPL printer rounds it to its font cells, see snapTsplText). */
  size: z.number().min(1).max(50),
  /** Either a data field... */
  field: Field.optional(),
  /** ...or fixed text. */
  literal: z.string().max(200).optional(),
  /** Used when `field` is empty (e.g. qtyText when there is no netWeight). */
  fallback: Field.optional(),
  /** Printed before/after a field's value; left out with it when the field is empty. */
  prefix: z.string().max(40).optional(),
  suffix: z.string().max(40).optional(),
  /** Longer text is cut to fit (and a layout warning says so). */
  maxWidthMm: Mm.optional(),
  bold: z.boolean().optional(),
});

export const BARCODE_SYMBOLOGIES = ['gs1-128', 'ean13', 'code128', 'qr'] as const;
export type BarcodeSymbology = (typeof BARCODE_SYMBOLOGIES)[number];

export const BarcodeElementSchema = z.object({
  type: z.literal('barcode'),
  x: Mm,
  y: Mm,
  /** Bar height (linear symbols); ignored for qr, whose size follows from moduleMm and the data. */
  heightMm: z.number().min(1).max(200),
  symbology: z.enum(BARCODE_SYMBOLOGIES),
  field: Field,
  /** Text under the bars, laid out as a text element so printer and preview agree (see layout.ts). */
  humanReadable: z.boolean(),
  /** Narrow bar / QR cell size; defaults: 0.25 mm linear, 0.5 mm qr. Rounded to whole dots (min 1). */
  moduleMm: z.number().min(0.05).max(5).optional(),
  /** Height of the human-readable text, default 2 mm. */
  hriSizeMm: z.number().min(1).max(10).optional(),
  /** QR error correction, default M. */
  ecc: z.enum(['L', 'M', 'Q', 'H']).optional(),
});

export const BoxElementSchema = z.object({
  type: z.literal('box'),
  x: Mm,
  y: Mm,
  widthMm: z.number().min(0.1).max(500),
  heightMm: z.number().min(0.1).max(500),
  thicknessMm: z.number().min(0.1).max(20),
});

/** A filled rectangle: a horizontal rule is a line with a small height. */
export const LineElementSchema = z.object({
  type: z.literal('line'),
  x: Mm,
  y: Mm,
  widthMm: z.number().min(0.1).max(500),
  heightMm: z.number().min(0.1).max(500),
});

export const LabelElementSchema = z.discriminatedUnion('type', [
  TextElementSchema,
  BarcodeElementSchema,
  BoxElementSchema,
  LineElementSchema,
]);

export const LabelTemplateSchema = z
  .object({
    name: z.string().max(80).optional(),
    widthMm: z.number().min(10).max(200),
    heightMm: z.number().min(5).max(300),
    /** Gap between labels (TSPL GAP); 0 for continuous media. */
    gapMm: z.number().min(0).max(20),
    dpi: z.union([z.literal(203), z.literal(300)]),
    elements: z.array(LabelElementSchema).max(100),
  })
  .superRefine((t, ctx) => {
    t.elements.forEach((e, i) => {
      if (e.type === 'text' && (e.field === undefined) === (e.literal === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['elements', i],
          message: 'a text element needs either field or literal',
        });
      }
      if (e.x >= t.widthMm || e.y >= t.heightMm) {
        ctx.addIssue({ code: 'custom', path: ['elements', i], message: 'element starts outside the label' });
      }
    });
  });

export type TextElement = z.infer<typeof TextElementSchema>;
export type BarcodeElement = z.infer<typeof BarcodeElementSchema>;
export type BoxElement = z.infer<typeof BoxElementSchema>;
export type LineElement = z.infer<typeof LineElementSchema>;
export type LabelElement = z.infer<typeof LabelElementSchema>;
export type LabelTemplate = z.infer<typeof LabelTemplateSchema>;

const Iso = CalendarDay;

/** For the API: the same shape as LabelData. */
export const LabelDataSchema = z.object({
  itemCode: z.string().max(64),
  nameZh: z.string().max(120),
  nameEn: z.string().max(120),
  netWeight: z
    .object({ amount: z.number().int(), decimals: z.number().int().min(0).max(6), unit: z.enum(['kg', 'g', 'lb']) })
    .optional(),
  qtyText: z.string().max(40).optional(),
  unit: z.string().max(16).optional(),
  unitPrice: z.number().int().optional(),
  totalPrice: z.number().int().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  lot: z.string().max(40).optional(),
  receivedDate: Iso,
  expiryDate: Iso.optional(),
  gtin: z.string().max(14).optional(),
  barcode: z.string().max(500),
  storeName: z.string().max(80).optional(),
  equipmentCode: z.string().max(64).optional(),
}) satisfies z.ZodType<LabelData>;
