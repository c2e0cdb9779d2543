import { z } from 'zod';
import { Id, IsoTime, Ok } from '../common';
import { mutation, query } from '../contract';
import { Code } from './items';
import { DayText, Money, Qty } from './stock';

/**
 * Suppliers and their catalogue, purchase orders, and goods receipts.
 * Quantities are thousandths of the item's base unit, money ten-thousandths
 * of the currency, like everywhere; a pack count is thousandths of a pack.
 */

/** Managers and admins keep the supplier master and approve, cancel or close orders. */
const EDITORS = ['manager', 'admin'] as const;
/** Clerks draft orders (from the reorder list too) and receive goods. */
const BUYERS = ['clerk', 'manager', 'admin'] as const;
/** A price or order value no store will reach: a billion currency units. */
const MAX_MONEY = 10_000_000_000_000;
/** One delivery line of one item: 100 t, 100,000 l or 100 million pieces (as the ledger's MAX_QTY). */
const MAX_QTY = 100_000_000_000;

const Text = (max: number) => z.string().trim().max(max);
const Price = Money.min(0, { message: 'procurement.v.price' }).max(MAX_MONEY);
/** A quantity as typed: decimal text in a unit of the item (or its pack). */
const Typed = z.object({ qty: Text(24).min(1), unit: Text(20).min(1) });
export const BaseUnit = z.enum(['g', 'ml', 'pc']);

// ---------------------------------------------------------------- suppliers

export const SupplierContact = z.object({
  name: Text(40).min(1),
  role: Text(40).default(''),
  phone: Text(40).default(''),
});

export const SupplierInput = z.object({
  code: Code,
  name: Text(80).min(1),
  contact: Text(40).default(''),
  phone: Text(40).default(''),
  contacts: z.array(SupplierContact).max(5).default([]),
  email: z.union([z.literal(''), z.email({ message: 'procurement.v.email' }).max(120)]).default(''),
  address: Text(200).default(''),
  leadTimeDays: z.number().int().min(0).max(365).default(1),
  /** ISO weekdays the supplier takes orders: 1 = Monday ... 7 = Sunday. */
  orderDays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  minOrderValue: Price.default(0),
  active: z.boolean().default(true),
  note: Text(500).default(''),
});
export type SupplierInput = z.output<typeof SupplierInput>;

export const SupplierDto = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  contact: z.string(),
  phone: z.string(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), phone: z.string() })),
  email: z.string(),
  address: z.string(),
  leadTimeDays: z.number().int(),
  orderDays: z.array(z.number().int()),
  minOrderValue: Money,
  active: z.boolean(),
  note: z.string(),
  /** Catalogue entries. */
  items: z.number().int(),
  /** Orders not yet received, closed or cancelled. */
  openOrders: z.number().int(),
  updatedAt: IsoTime,
});
export type SupplierDto = z.output<typeof SupplierDto>;

export const CatalogueInput = z.object({
  supplierId: Id,
  itemId: Id,
  supplierCode: Text(40).default(''),
  /** The pack's name as the supplier calls it ('箱', 'case'). */
  packUnit: Text(10).min(1),
  /** How much is in one pack, typed in a unit of the item: { qty: '10', unit: 'kg' }. */
  packSize: Typed,
  /** Agreed price of one pack. */
  price: Price,
  preferred: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const CatalogueRow = z.object({
  id: Id,
  supplierId: Id,
  itemId: Id,
  itemCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  baseUnit: BaseUnit,
  supplierCode: z.string(),
  packUnit: z.string(),
  packQty: Qty,
  price: Money,
  preferred: z.boolean(),
  active: z.boolean(),
  itemActive: z.boolean(),
});
export type CatalogueRow = z.output<typeof CatalogueRow>;

// ---------------------------------------------------------------- purchase orders

export const PO_STATUS = ['draft', 'approved', 'partial', 'received', 'closed', 'cancelled'] as const;
export const PoStatus = z.enum(PO_STATUS);
export type PoStatus = z.output<typeof PoStatus>;

export const PoLineInput = z.object({
  itemId: Id,
  /** Packs as decimal text ('3', '2.5'): the supplier's pack, or the item's purchase unit without one. */
  packs: Text(24).min(1),
  /** Price of one pack; omitted = the catalogue's agreed price. */
  price: Price.nullish(),
  note: Text(200).optional(),
});
export type PoLineInput = z.output<typeof PoLineInput>;

const PoHeaderInput = {
  supplierId: Id,
  expectedDay: DayText.nullish(),
  note: Text(500).optional(),
  lines: z.array(PoLineInput).max(300),
};

export const PoLineDto = z.object({
  id: Id,
  lineNo: z.number().int(),
  itemId: Id,
  itemCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  baseUnit: BaseUnit,
  supplierCode: z.string(),
  packUnit: z.string(),
  packQty: Qty,
  /** Thousandths of a pack. */
  packs: z.number().int(),
  qtyOrdered: Qty,
  price: Money,
  value: Money,
  qtyReceived: Qty,
  /** Still to come: ordered - received, never below zero; 0 once the order is closed. */
  qtyOpen: Qty,
  note: z.string(),
});
export type PoLineDto = z.output<typeof PoLineDto>;

export const ReceiptRow = z.object({
  id: Id,
  number: z.string(),
  status: z.enum(['open', 'finished', 'cancelled']),
  day: DayText,
  poId: Id.nullable(),
  poNumber: z.string().nullable(),
  supplierId: Id.nullable(),
  supplierName: z.string().nullable(),
  areaId: Id,
  areaCode: z.string(),
  deliveryNote: z.string(),
  lines: z.number().int(),
  postedLines: z.number().int(),
  /** Value of the posted, accepted quantities. */
  value: Money,
  openedAt: IsoTime,
  openedBy: z.string().nullable(),
  finishedAt: IsoTime.nullable(),
});
export type ReceiptRow = z.output<typeof ReceiptRow>;

export const PoRow = z.object({
  id: Id,
  number: z.string(),
  status: PoStatus,
  source: z.enum(['manual', 'reorder']),
  supplierId: Id,
  supplierCode: z.string(),
  supplierName: z.string(),
  orderDay: DayText,
  expectedDay: DayText.nullable(),
  lines: z.number().int(),
  value: Money,
  /** Value of what was received so far, at the order's prices. */
  receivedValue: Money,
  createdAt: IsoTime,
});
export type PoRow = z.output<typeof PoRow>;

export const PoDto = PoRow.extend({
  note: z.string(),
  supplierPhone: z.string(),
  supplierContact: z.string(),
  supplierAddress: z.string(),
  minOrderValue: Money,
  createdBy: z.string().nullable(),
  approvedAt: IsoTime.nullable(),
  approvedBy: z.string().nullable(),
  closedAt: IsoTime.nullable(),
  closedBy: z.string().nullable(),
  closeReason: z.string(),
  lines: z.array(PoLineDto),
  receipts: z.array(ReceiptRow),
});
export type PoDto = z.output<typeof PoDto>;

export const FileOut = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });

// ---------------------------------------------------------------- receipts

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

const PO_QUERIES = ['po.list', 'po.get', 'suppliers.list'] as const;
const RECEIPT_QUERIES = [
  'receipts.list',
  'receipts.get',
  'po.list',
  'po.get',
  'stock.onHand',
  'stock.moves',
  'ops.fefo',
  'ops.expiring',
  'ops.reorder',
] as const;

export const procurementMethods = {
  'suppliers.list': query({ input: z.object({}).strict(), output: z.array(SupplierDto), access: 'any' }),
  'suppliers.get': query({
    input: z.object({ id: Id }),
    output: SupplierDto.extend({ catalogue: z.array(CatalogueRow) }),
    access: 'any',
  }),
  'suppliers.create': mutation({
    input: SupplierInput,
    output: SupplierDto,
    access: EDITORS,
    invalidates: ['suppliers.list', 'suppliers.get'],
  }),
  /** Replaces the supplier's fields; deactivating keeps its orders and history. */
  'suppliers.update': mutation({
    input: SupplierInput.extend({ id: Id }),
    output: SupplierDto,
    access: EDITORS,
    invalidates: ['suppliers.list', 'suppliers.get', 'po.list', 'po.get'],
  }),
  /** The supplier's catalogue, or every supplier's offers of one item. */
  'suppliers.catalogue': query({
    input: z.object({ supplierId: Id.nullish(), itemId: Id.nullish() }),
    output: z.array(CatalogueRow),
    access: 'any',
  }),
  /** Adds or replaces (same supplier and item) a catalogue entry. */
  'suppliers.saveItem': mutation({
    input: CatalogueInput,
    output: CatalogueRow,
    access: EDITORS,
    invalidates: ['suppliers.catalogue', 'suppliers.list', 'suppliers.get'],
  }),
  'suppliers.removeItem': mutation({
    input: z.object({ id: Id }),
    output: Ok,
    access: EDITORS,
    invalidates: ['suppliers.catalogue', 'suppliers.list', 'suppliers.get'],
  }),

  'po.list': query({
    input: z.object({ status: z.array(PoStatus).max(6).nullish(), supplierId: Id.nullish() }),
    output: z.array(PoRow),
    access: 'any',
  }),
  'po.get': query({ input: z.object({ id: Id }), output: PoDto, access: 'any' }),
  'po.create': mutation({ input: z.object(PoHeaderInput), output: PoDto, access: BUYERS, invalidates: PO_QUERIES }),
  /** Replaces a draft's header and lines. */
  'po.update': mutation({
    input: z.object({ id: Id, ...PoHeaderInput }),
    output: PoDto,
    access: BUYERS,
    invalidates: PO_QUERIES,
  }),
  'po.approve': mutation({ input: z.object({ id: Id }), output: PoDto, access: EDITORS, invalidates: PO_QUERIES }),
  /** A draft or an approved order nothing was received on. */
  'po.cancel': mutation({
    input: z.object({ id: Id, reason: Text(200).optional() }),
    output: PoDto,
    access: EDITORS,
    invalidates: PO_QUERIES,
  }),
  /** Ends an approved or partly received order: what is still open will not come. */
  'po.closeShort': mutation({
    input: z.object({ id: Id, reason: Text(200).optional() }),
    output: PoDto,
    access: EDITORS,
    invalidates: PO_QUERIES,
  }),
  /**
   * One draft per supplier from the reorder suggestions (all, or the items
   * given), each item going to its preferred supplier; quantities already on
   * open orders are taken off. Items no supplier sells are listed back.
   */
  'po.fromReorder': mutation({
    input: z.object({ itemIds: z.array(Id).max(5000).nullish() }),
    output: z.object({
      orders: z.array(PoRow),
      unassigned: z.array(z.object({ itemId: Id, code: z.string(), nameZh: z.string(), nameEn: z.string() })),
      onOrder: z.array(z.string()),
    }),
    access: BUYERS,
    invalidates: PO_QUERIES,
  }),
  /** The order as a file for the supplier: XLSX, or PDF (needs a Chinese font on the machine). */
  'po.export': query({
    input: z.object({ id: Id, format: z.enum(['xlsx', 'pdf']) }),
    output: FileOut,
    access: 'any',
  }),

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
    invalidates: RECEIPT_QUERIES,
  }),
  /** Posts every draft line of the receipt, all or none. */
  'receipts.postAll': mutation({
    input: z.object({ receiptId: Id, confirm: z.boolean().optional() }),
    output: z.object({ labels: z.array(ReceiptLabel), poStatus: PoStatus.nullable() }),
    access: BUYERS,
    invalidates: RECEIPT_QUERIES,
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
} as const;
