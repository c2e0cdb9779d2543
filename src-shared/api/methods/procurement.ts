import * as z from '../lazy-zod';
import { Id, IsoTime, Ok } from '../common';
import { mutation, query } from '../contract';
import { Code } from './items';
import { DayText, Money, Qty } from './stock';

/**
 * Suppliers and their catalogue, and purchase orders. Goods receipts are
 * receiving's (receiving.ts); their summary row is here because an order
 * lists its receipts.
 * Quantities are thousandths of the item's base unit, money ten-thousandths
 * of the currency, like everywhere; a pack count is thousandths of a pack.
 */

/** Managers and admins keep the supplier master and approve, cancel or close orders. */
const EDITORS = ['manager', 'admin'] as const;
/** Clerks draft orders (from the reorder list too) and receive goods. */
export const BUYERS = ['clerk', 'manager', 'admin'] as const;
/** A price or order value no store will reach: a billion currency units. */
const MAX_MONEY = 10_000_000_000_000;
/** One delivery line of one item: 100 t, 100,000 l or 100 million pieces (as the ledger's MAX_QTY). */
export const MAX_QTY = 100_000_000_000;

export const Text = (max: number) => z.string().trim().max(max);
export const Price = Money.min(0, { message: 'procurement.v.price' }).max(MAX_MONEY);
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

const PO_QUERIES = ['po.list', 'po.get', 'suppliers.list'] as const;

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
} as const;
