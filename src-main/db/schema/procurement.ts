import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items } from './core-refs';
import { storageAreas } from './inventory';
import { suppliers } from './master';

/**
 * Procurement: the supplier catalogue, purchase orders and goods receipts.
 * Same units as the ledger: quantities in thousandths of the item's base unit,
 * money in ten-thousandths of the currency, times in ms, business days as
 * 'YYYY-MM-DD' in the store's time zone. The suppliers table itself lives in
 * master.ts (0004 adds its contact, lead time and order-day columns).
 */

/** What a supplier sells us: their code for the item, the pack they deliver it in, the agreed price per pack. */
export const supplierItems = sqliteTable(
  'supplier_items',
  {
    id: text('id').primaryKey(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    supplierCode: text('supplier_code').notNull().default(''),
    /** Name of the pack ('箱', 'case'); may differ from the item's own units. */
    packUnit: text('pack_unit').notNull(),
    /** Thousandths of the item's base unit in one pack. */
    packQty: integer('pack_qty').notNull(),
    /** Agreed price of one pack. */
    price: integer('price').notNull(),
    /** The supplier reorder suggestions go to when several sell the item. */
    preferred: integer('preferred', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('supplier_items_uq').on(t.supplierId, t.itemId), index('supplier_items_item_idx').on(t.itemId)],
);

export const PO_STATUSES = ['draft', 'approved', 'partial', 'received', 'closed', 'cancelled'] as const;

export const purchaseOrders = sqliteTable(
  'purchase_orders',
  {
    id: text('id').primaryKey(),
    /** PO-2026-0001: the year of the store's business day and a running number within it. */
    number: text('number').notNull(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    status: text('status', { enum: PO_STATUSES }).notNull(),
    /** 'manual' or 'reorder' (made from the reorder suggestions). */
    source: text('source').notNull().default('manual'),
    orderDay: text('order_day').notNull(),
    expectedDay: text('expected_day'),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: integer('updated_at').notNull(),
    approvedAt: integer('approved_at'),
    approvedBy: text('approved_by'),
    /** When it was closed short, cancelled, or fully received. */
    closedAt: integer('closed_at'),
    closedBy: text('closed_by'),
    closeReason: text('close_reason').notNull().default(''),
  },
  (t) => [
    uniqueIndex('purchase_orders_number_uq').on(t.number),
    index('purchase_orders_status_idx').on(t.status, t.createdAt),
    index('purchase_orders_supplier_idx').on(t.supplierId, t.createdAt),
  ],
);

export const purchaseOrderLines = sqliteTable(
  'purchase_order_lines',
  {
    id: text('id').primaryKey(),
    poId: text('po_id')
      .notNull()
      .references(() => purchaseOrders.id),
    lineNo: integer('line_no').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    /** Copied from the catalogue when the line was written: the order keeps what was agreed. */
    supplierCode: text('supplier_code').notNull().default(''),
    packUnit: text('pack_unit').notNull(),
    packQty: integer('pack_qty').notNull(),
    /** Thousandths of a pack (2.5 箱 = 2500). */
    packs: integer('packs').notNull(),
    /** packs x packQty / 1000, in thousandths of the base unit. */
    qtyOrdered: integer('qty_ordered').notNull(),
    /** Price of one pack. */
    price: integer('price').notNull(),
    /** Accepted quantity posted by receipts so far. */
    qtyReceived: integer('qty_received').notNull().default(0),
    note: text('note').notNull().default(''),
  },
  (t) => [index('purchase_order_lines_po_idx').on(t.poId), index('purchase_order_lines_item_idx').on(t.itemId)],
);

/**
 * A goods receipt: opened as a draft, its lines posted one at a time (each in
 * its own transaction, so a posted line survives whatever happens to the
 * next), then finished. With or without a purchase order.
 */
export const receipts = sqliteTable(
  'receipts',
  {
    id: text('id').primaryKey(),
    /** RC-2026-0001. */
    number: text('number').notNull(),
    poId: text('po_id').references(() => purchaseOrders.id),
    supplierId: text('supplier_id').references(() => suppliers.id),
    /** Where the goods go unless a line says otherwise. */
    areaId: text('area_id')
      .notNull()
      .references(() => storageAreas.id),
    status: text('status', { enum: ['open', 'finished', 'cancelled'] }).notNull(),
    /** The business day of the receipt: expiry dates count from it. */
    day: text('day').notNull(),
    deliveryNote: text('delivery_note').notNull().default(''),
    note: text('note').notNull().default(''),
    openedAt: integer('opened_at').notNull(),
    openedBy: text('opened_by'),
    finishedAt: integer('finished_at'),
    finishedBy: text('finished_by'),
  },
  (t) => [
    uniqueIndex('receipts_number_uq').on(t.number),
    index('receipts_po_idx').on(t.poId),
    index('receipts_status_idx').on(t.status, t.openedAt),
  ],
);

export const receiptLines = sqliteTable(
  'receipt_lines',
  {
    id: text('id').primaryKey(),
    receiptId: text('receipt_id')
      .notNull()
      .references(() => receipts.id),
    lineNo: integer('line_no').notNull(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    poLineId: text('po_line_id').references(() => purchaseOrderLines.id),
    areaId: text('area_id')
      .notNull()
      .references(() => storageAreas.id),
    status: text('status', { enum: ['draft', 'posted'] }).notNull(),
    /** Delivered quantity (accepted + rejected), thousandths of the base unit. */
    qty: integer('qty').notNull(),
    /** As typed ('2.5' + '箱'); empty for weighed lines. */
    entryQty: text('entry_qty').notNull().default(''),
    entryUnit: text('entry_unit').notNull().default(''),
    /** Weighed lines: gross and tare from the scale (thousandths of the base unit), and whether it was stable. */
    weighed: integer('weighed', { mode: 'boolean' }).notNull().default(false),
    gross: integer('gross'),
    tare: integer('tare'),
    scaleStable: integer('scale_stable', { mode: 'boolean' }),
    scaleId: text('scale_id'),
    /** Price per `priceUnit`, which holds `priceFactor` thousandths of the base unit. */
    price: integer('price').notNull(),
    priceUnit: text('price_unit').notNull(),
    priceFactor: integer('price_factor').notNull(),
    rejectedQty: integer('rejected_qty').notNull().default(0),
    rejectEntryQty: text('reject_entry_qty').notNull().default(''),
    rejectEntryUnit: text('reject_entry_unit').notNull().default(''),
    rejectReason: text('reject_reason').notNull().default(''),
    lot: text('lot').notNull().default(''),
    expiry: text('expiry'),
    /** Tenths of a degree Celsius (-18.5 °C = -185); null when not taken. */
    tempC10: integer('temp_c10'),
    tempOverride: text('temp_override').notNull().default(''),
    /** The clerk confirmed the quantity/price warnings. */
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull().default(false),
    /** Value of the accepted quantity, set when posted. */
    value: integer('value').notNull().default(0),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: integer('updated_at').notNull(),
    postedAt: integer('posted_at'),
    postedBy: text('posted_by'),
    /** The ledger row (stock_moves.id) of the accepted quantity. */
    moveId: text('move_id'),
  },
  (t) => [
    index('receipt_lines_receipt_idx').on(t.receiptId, t.lineNo),
    index('receipt_lines_po_line_idx').on(t.poLineId),
    index('receipt_lines_item_idx').on(t.itemId),
  ],
);
