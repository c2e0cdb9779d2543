import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { items } from './core-refs';
import { suppliers } from './master';
import { purchaseOrderLines, purchaseOrders, receipts } from './procurement';

/**
 * Supplier invoices and the claims (credit-note requests) raised on them.
 * Same units as the rest of purchasing: quantities in thousandths of the
 * item's base unit, money in ten-thousandths of the currency, tax rates in
 * basis points (13% = 1300), times in ms, days 'YYYY-MM-DD' in the store's
 * zone. Prices on invoices are net of VAT, like the orders' and the ledger's.
 */

export const INVOICE_STATUSES = ['draft', 'matched', 'disputed', 'approved'] as const;
export const CLAIM_STATUSES = ['open', 'sent', 'settled'] as const;

export const supplierInvoices = sqliteTable(
  'supplier_invoices',
  {
    id: text('id').primaryKey(),
    /** The supplier's own invoice number, as printed. */
    number: text('number').notNull(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    invoiceDay: text('invoice_day').notNull(),
    dueDay: text('due_day'),
    /** The order it bills; matching needs an order or a receipt. */
    poId: text('po_id').references(() => purchaseOrders.id),
    /** One delivery it bills (an order's receipt, or a receipt without an order). */
    receiptId: text('receipt_id').references(() => receipts.id),
    status: text('status', { enum: INVOICE_STATUSES }).notNull(),
    /** 'manual' or 'import'. */
    source: text('source').notNull().default('manual'),
    /** Totals as printed on the invoice (checked against its lines when matching). */
    net: integer('net').notNull(),
    tax: integer('tax').notNull(),
    gross: integer('gross').notNull(),
    note: text('note').notNull().default(''),
    /**
     * The last match, language-neutral JSON (messages are rendered when read);
     * cleared when the invoice is edited.
     */
    matchResult: text('match_result'),
    matchedAt: integer('matched_at'),
    matchedBy: text('matched_by'),
    /** What was approved for payment: gross less the claim, if any. */
    approvedAmount: integer('approved_amount'),
    approvedAt: integer('approved_at'),
    approvedBy: text('approved_by'),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('supplier_invoices_number_uq').on(t.supplierId, t.number),
    index('supplier_invoices_status_idx').on(t.status, t.createdAt),
    index('supplier_invoices_po_idx').on(t.poId),
    index('supplier_invoices_receipt_idx').on(t.receiptId),
  ],
);

export const supplierInvoiceLines = sqliteTable(
  'supplier_invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => supplierInvoices.id),
    lineNo: integer('line_no').notNull(),
    /** Null when the line names nothing the store knows (then `qty` is in thousandths of `unit`). */
    itemId: text('item_id').references(() => items.id),
    supplierCode: text('supplier_code').notNull().default(''),
    description: text('description').notNull().default(''),
    /** As written ('2.5' + '箱'), and thousandths of the base unit in one `unit`. */
    entryQty: text('entry_qty').notNull(),
    unit: text('unit').notNull(),
    unitFactor: integer('unit_factor').notNull(),
    /** Billed quantity, thousandths of the item's base unit. */
    qty: integer('qty').notNull(),
    /** Net price of one `unit`. */
    unitPrice: integer('unit_price').notNull(),
    /** Net amount of the line as printed. */
    lineTotal: integer('line_total').notNull(),
    /** Basis points: 900 = 9%. */
    taxRate: integer('tax_rate').notNull(),
    /** Set by the last match: the order line it was matched to and the quantity accepted for payment. */
    poLineId: text('po_line_id').references(() => purchaseOrderLines.id),
    acceptedQty: integer('accepted_qty'),
  },
  (t) => [
    index('supplier_invoice_lines_invoice_idx').on(t.invoiceId, t.lineNo),
    index('supplier_invoice_lines_item_idx').on(t.itemId),
  ],
);

/** A claim for the discrepancies of one invoice: what the supplier is asked to credit. */
export const invoiceClaims = sqliteTable(
  'invoice_claims',
  {
    id: text('id').primaryKey(),
    /** CL-2026-0001: the year of the store's business day and a running number. */
    number: text('number').notNull(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => supplierInvoices.id),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    status: text('status', { enum: CLAIM_STATUSES }).notNull(),
    /** Total asked back, tax included. */
    amount: integer('amount').notNull(),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    sentAt: integer('sent_at'),
    sentBy: text('sent_by'),
    settledAt: integer('settled_at'),
    settledBy: text('settled_by'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoice_claims_number_uq').on(t.number),
    uniqueIndex('invoice_claims_invoice_uq').on(t.invoiceId),
    index('invoice_claims_status_idx').on(t.status, t.createdAt),
  ],
);

/** One line of a claim: billed, what it should have been, the difference and why (kinds + their figures, JSON). */
export const invoiceClaimLines = sqliteTable(
  'invoice_claim_lines',
  {
    id: text('id').primaryKey(),
    claimId: text('claim_id')
      .notNull()
      .references(() => invoiceClaims.id),
    lineNo: integer('line_no').notNull(),
    /** Null for the line about the invoice's own totals. */
    invoiceLineId: text('invoice_line_id').references(() => supplierInvoiceLines.id),
    /** JSON array of { kind, params }: the reasons, rendered in the reader's language. */
    reasons: text('reasons').notNull(),
    billedQty: integer('billed_qty').notNull(),
    billedPrice: integer('billed_price').notNull(),
    billedAmount: integer('billed_amount').notNull(),
    shouldQty: integer('should_qty').notNull(),
    shouldPrice: integer('should_price').notNull(),
    shouldAmount: integer('should_amount').notNull(),
    /** billed - should, net; the tax on it at the line's rate; and both together. */
    diffNet: integer('diff_net').notNull(),
    taxRate: integer('tax_rate').notNull(),
    diffTax: integer('diff_tax').notNull(),
    diffGross: integer('diff_gross').notNull(),
  },
  (t) => [index('invoice_claim_lines_claim_idx').on(t.claimId, t.lineNo)],
);
