import * as z from '../lazy-zod';
import { Id, IsoTime, Ok } from '../common';
import { mutation, query } from '../contract';
import { LabelPrintDto } from './devices';
import { BaseUnit, BUYERS, MAX_QTY, PoLineDto, PoStatus, Price, ReceiptRow, Text } from './procurement';
import { DayText, Money, Qty, STOCK_QUERIES } from './stock';

/**
 * Goods receipts and the clerk's receiving desk: a receipt against an order
 * (or without one), its lines typed or weighed, posted to the ledger one by
 * one or all at once, with their labels. The `receipts.*` methods are the
 * document; `receiving.*` the desk's scan and its post-and-print.
 */

const CLERKS = ['clerk', 'manager', 'admin'] as const;

export const TempClass = z.enum(['ambient', 'chilled', 'frozen']);

/** What needs to be done before a line can be posted (null = only information). */
export const WarningNeed = z.enum(['confirm', 'tempOverride', 'temperature', 'reweigh']).nullable();
export const LineWarning = z.object({
  code: z.enum([
    'overTolerance',
    'underTolerance',
    'priceDiffers',
    'notOnOrder',
    'tempHigh',
    'tempMissing',
    'shortDated',
    'unstable',
  ]),
  message: z.string(),
  needs: WarningNeed,
});
export type LineWarning = z.output<typeof LineWarning>;

export const ReceiptLineInput = z
  .object({
    itemId: Id,
    /** The order line it delivers; omitted on a receipt with an order = the item's first open line. */
    poLineId: Id.nullish(),
    /** Omitted = the receipt's area. */
    areaId: Id.nullish(),
    /** Typed quantity (decimal text in a unit of the item or of the order's pack)... */
    qty: Text(24).optional(),
    unit: Text(20).optional(),
    /** ...or weighed: gross and tare in thousandths of the base unit (grams for weighed goods). */
    weighed: z
      .object({
        gross: Qty.min(0).max(MAX_QTY),
        tare: Qty.min(0).max(MAX_QTY),
        stable: z.boolean(),
        scaleId: Text(64).optional(),
      })
      .nullish(),
    /** Price per `priceUnit`; omitted = the order's price, else the supplier's catalogue price. */
    price: Price.nullish(),
    priceUnit: Text(20).optional(),
    lot: Text(40).optional(),
    /** Omitted = receipt day + the item's shelf life. */
    expiry: DayText.nullish(),
    /** Degrees Celsius at delivery, one decimal. */
    temperature: z.number().min(-60).max(80).nullish(),
    /** Part of the delivered quantity refused, with a reason code of kind 'reject'. */
    rejected: z.object({ qty: Text(24).min(1), unit: Text(20).min(1), reason: Text(40).min(1) }).nullish(),
    /** The clerk accepts the quantity and price warnings. */
    confirm: z.boolean().optional(),
    /** Why goods above the temperature limit are accepted anyway. */
    tempOverride: Text(200).optional(),
    note: Text(500).optional(),
  })
  .superRefine((v, ctx) => {
    const typed = !!(v.qty || v.unit);
    if (typed && v.weighed) {
      ctx.addIssue({ code: 'custom', path: ['weighed'], message: 'receiving.v.qtyOrWeight' });
    } else if (!typed && !v.weighed) {
      ctx.addIssue({ code: 'custom', path: ['qty'], message: 'receiving.v.qtyOrWeight' });
    } else if (typed && (!v.qty || !v.unit)) {
      ctx.addIssue({ code: 'custom', path: [v.qty ? 'unit' : 'qty'], message: 'validation.required' });
    }
  });
export type ReceiptLineInput = z.output<typeof ReceiptLineInput>;

export const ReceiptLineDto = z.object({
  id: Id,
  lineNo: z.number().int(),
  status: z.enum(['draft', 'posted']),
  itemId: Id,
  itemCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  baseUnit: BaseUnit,
  lotTracked: z.boolean(),
  gtin: z.string().nullable(),
  poLineId: Id.nullable(),
  areaId: Id,
  areaCode: z.string(),
  /** Delivered (accepted + rejected), accepted and rejected, thousandths of the base unit. */
  qty: Qty,
  acceptedQty: Qty,
  rejectedQty: Qty,
  rejectReason: z.string(),
  entryQty: z.string(),
  entryUnit: z.string(),
  rejectEntryQty: z.string(),
  rejectEntryUnit: z.string(),
  weighed: z.boolean(),
  gross: Qty.nullable(),
  tare: Qty.nullable(),
  scaleStable: z.boolean().nullable(),
  scaleId: z.string().nullable(),
  price: Money,
  priceUnit: z.string(),
  /** Thousandths of the base unit in one price unit. */
  priceFactor: z.number().int(),
  /** Value of the accepted quantity (what the ledger gets when posted). */
  value: Money,
  lot: z.string(),
  expiry: DayText.nullable(),
  temperature: z.number().nullable(),
  tempClass: TempClass,
  /** The store's limit for the item's class, °C; null for ambient goods. */
  tempLimit: z.number().nullable(),
  tempOverride: z.string(),
  confirmed: z.boolean(),
  note: z.string(),
  warnings: z.array(LineWarning),
  postedAt: IsoTime.nullable(),
  postedBy: z.string().nullable(),
  /** The line's newest label job (a copy or a retry is a newer one); null before posting or when posted without. */
  labelJob: z.object({ id: Id, status: z.enum(['pending', 'printed', 'failed']), error: z.string() }).nullable(),
});
export type ReceiptLineDto = z.output<typeof ReceiptLineDto>;

/** Everything a receiving label prints for one posted line. */
export const ReceiptLabel = z.object({
  receiptId: Id,
  receiptNumber: z.string(),
  lineId: Id,
  lineNo: z.number().int(),
  itemId: Id,
  itemCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Accepted quantity, thousandths of the base unit, and that unit. */
  netQty: Qty,
  baseUnit: BaseUnit,
  /** Weighed lines: gross and tare as weighed. */
  gross: Qty.nullable(),
  tare: Qty.nullable(),
  lot: z.string(),
  expiry: DayText.nullable(),
  receivedDay: DayText,
  receivedAt: IsoTime,
  price: Money,
  priceUnit: z.string(),
  value: Money,
  gtin: z.string().nullable(),
  supplierName: z.string().nullable(),
  areaCode: z.string(),
});
export type ReceiptLabel = z.output<typeof ReceiptLabel>;

export const OpenPoLine = PoLineDto.extend({
  /** Quantity on unposted lines of this receipt. */
  draftQty: Qty,
});

export const ReceiptDto = ReceiptRow.extend({
  note: z.string(),
  finishedBy: z.string().nullable(),
  lines: z.array(ReceiptLineDto),
  /** The order's lines with what is still open (empty without an order). */
  poLines: z.array(OpenPoLine),
  poStatus: PoStatus.nullable(),
});
export type ReceiptDto = z.output<typeof ReceiptDto>;

const ReasonDto = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

/**
 * What a posted receipt line makes stale, wherever it is posted (a draft
 * line, a whole receipt, the clerk's post): the receipt, its order and the
 * stock. The clerk's post also queues a label (labels.history).
 */
const POSTED_RECEIPT_QUERIES = ['receipts.list', 'receipts.get', 'po.list', 'po.get', ...STOCK_QUERIES] as const;

const WeightDto = z.object({ amount: z.number().int(), decimals: z.number().int(), unit: z.enum(['kg', 'g', 'lb']) });

/** What a scan on the receiving screen resolved to. */
export const ScanOutcomeDto = z.object({
  status: z.enum(['item', 'unknown', 'invalid']),
  scanKind: z.enum(['ean13', 'ean8', 'upc', 'variable', 'gs1', 'code', 'invalid']),
  text: z.string(),
  /** Unknown: the code looked up; invalid: why it cannot be read (in English, for the log). */
  reason: z.string().optional(),
  item: z
    .object({
      id: Id,
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      baseUnit: z.enum(['g', 'ml', 'pc']),
      /** The unit one scan of this barcode stands for ('' = base unit). */
      unit: z.string(),
      active: z.boolean(),
    })
    .optional(),
  /** From a variable-measure or GS1 (3103) code. */
  weight: WeightDto.optional(),
  /** That weight in thousandths of the base unit. */
  qty: z.number().int().optional(),
  /** From a price-embedded code, 1/10000 yuan. */
  price: z.number().int().optional(),
  lot: z.string().optional(),
  expiry: z.string().optional(),
});
export type ScanOutcome = z.output<typeof ScanOutcomeDto>;

export const receivingMethods = {
  /** Reject reasons and the receiving limits, for the receiving screen. */
  'receipts.settings': query({
    input: z.object({}),
    output: z.object({
      rejectReasons: z.array(ReasonDto),
      tolerancePercent: z.number().int(),
      chilledMaxTemp: z.number(),
      frozenMaxTemp: z.number(),
    }),
    access: 'any',
  }),
  'receipts.list': query({
    input: z.object({ status: z.enum(['open', 'finished', 'cancelled']).nullish(), poId: Id.nullish() }),
    output: z.array(ReceiptRow),
    access: 'any',
  }),
  'receipts.get': query({ input: z.object({ id: Id }), output: ReceiptDto, access: 'any' }),
  /** Opens a receipt (a draft document) against an approved order, or without one. */
  'receipts.open': mutation({
    input: z.object({
      poId: Id.nullish(),
      supplierId: Id.nullish(),
      areaId: Id,
      deliveryNote: Text(60).optional(),
      note: Text(500).optional(),
    }),
    output: ReceiptDto,
    access: BUYERS,
    invalidates: ['receipts.list', 'po.get'],
  }),
  'receipts.addLine': mutation({
    input: z.object({ receiptId: Id, line: ReceiptLineInput }),
    output: ReceiptLineDto,
    access: BUYERS,
    invalidates: ['receipts.get', 'receipts.list'],
  }),
  /** Replaces a draft line. */
  'receipts.updateLine': mutation({
    input: z.object({ lineId: Id, line: ReceiptLineInput }),
    output: ReceiptLineDto,
    access: BUYERS,
    invalidates: ['receipts.get', 'receipts.list'],
  }),
  'receipts.removeLine': mutation({
    input: z.object({ lineId: Id }),
    output: Ok,
    access: BUYERS,
    invalidates: ['receipts.get', 'receipts.list'],
  }),
  /**
   * Posts one draft line in its own transaction: the ledger movement (kind
   * 'receipt') and cost, the order line's received quantity and the order's
   * status. Returns what its label prints.
   */
  'receipts.postLine': mutation({
    input: z.object({ lineId: Id, confirm: z.boolean().optional(), tempOverride: Text(200).optional() }),
    output: z.object({ line: ReceiptLineDto, label: ReceiptLabel, poStatus: PoStatus.nullable() }),
    access: BUYERS,
    invalidates: POSTED_RECEIPT_QUERIES,
  }),
  /** Posts every draft line of the receipt, all or none. */
  'receipts.postAll': mutation({
    input: z.object({ receiptId: Id, confirm: z.boolean().optional() }),
    output: z.object({ labels: z.array(ReceiptLabel), poStatus: PoStatus.nullable() }),
    access: BUYERS,
    invalidates: POSTED_RECEIPT_QUERIES,
  }),
  /** Closes the receipt: no draft lines may be left. */
  'receipts.finish': mutation({
    input: z.object({ receiptId: Id }),
    output: ReceiptDto,
    access: BUYERS,
    invalidates: ['receipts.list', 'receipts.get', 'po.get'],
  }),
  /** Drops a receipt nothing was posted on. */
  'receipts.cancelDraft': mutation({
    input: z.object({ receiptId: Id }),
    output: Ok,
    access: BUYERS,
    invalidates: ['receipts.list', 'receipts.get', 'po.get'],
  }),
  'receiving.scan': query({ input: z.object({ text: z.string().max(200) }), output: ScanOutcomeDto, access: 'any' }),
  /**
   * The clerk's "post line": adds the line (or takes a draft one), posts it
   * (ledger, cost, order) and queues its label in one transaction, then
   * prints. A printer problem never undoes the posting: the label stays in
   * the history as not printed, to print again.
   */
  'receiving.post': mutation({
    input: z.object({
      receiptId: Id,
      lineId: Id.optional(),
      line: ReceiptLineInput.optional(),
      confirm: z.boolean().optional(),
      tempOverride: z.string().trim().max(200).optional(),
      /** false: post without a label (e.g. goods that are not labelled). */
      print: z.boolean().default(true),
      printerId: Id.optional(),
      copies: z.number().int().min(1).max(50).default(1),
    }),
    output: z.object({
      line: ReceiptLineDto,
      label: ReceiptLabel,
      poStatus: PoStatus.nullable(),
      print: LabelPrintDto.nullable(),
    }),
    access: CLERKS,
    invalidates: [...POSTED_RECEIPT_QUERIES, 'labels.history'],
  }),
} as const;
