import * as z from '../lazy-zod';
import { Id, IsoTime, Ok } from '../common';
import { mutation, query } from '../contract';
import { ImportIssue } from './items';
import { BaseUnit, FileOut } from './procurement';
import { DayText, Money, Qty } from './stock';

/**
 * Supplier invoices, their three-way match against the order and the
 * receipts, and claims (credit-note requests) for what does not match.
 * Quantities are thousandths of the item's base unit, money ten-thousandths
 * of the currency, tax rates basis points (13% = 1300). Invoice prices and
 * line amounts are net of VAT, like the orders' prices; tax is added on top.
 */

/** Clerks enter and import invoices. */
const CLERKS = ['clerk', 'manager', 'admin'] as const;
/** Managers and admins match, raise claims and approve for payment. */
const MANAGERS = ['manager', 'admin'] as const;
const MAX_MONEY = 10_000_000_000_000;
/** ~5 MB of file as base64 (as the item import). */
const MAX_BASE64 = 7_000_000;

const Text = (max: number) => z.string().trim().max(max);
const Amount = Money.min(0, { message: 'invoices.v.amount' }).max(MAX_MONEY);
/** 0 ... 100% in basis points. */
export const TaxRate = z.number().int().min(0, { message: 'invoices.v.taxRate' }).max(10_000, {
  message: 'invoices.v.taxRate',
});

export const INVOICE_STATUS = ['draft', 'matched', 'disputed', 'approved'] as const;
export const InvoiceStatus = z.enum(INVOICE_STATUS);
export type InvoiceStatus = z.output<typeof InvoiceStatus>;
export const CLAIM_STATUS = ['open', 'sent', 'settled'] as const;
export const ClaimStatus = z.enum(CLAIM_STATUS);
export type ClaimStatus = z.output<typeof ClaimStatus>;

/** Why a line (or the invoice's totals) does not match. */
export const DISCREPANCY_KINDS = [
  'overBilled',
  'rejectedBilled',
  'notReceived',
  'priceAbove',
  'notOrdered',
  'lineArithmetic',
  'netTotal',
  'taxTotal',
  'grossTotal',
] as const;
export const DiscrepancyKind = z.enum(DISCREPANCY_KINDS);
export type DiscrepancyKind = z.output<typeof DiscrepancyKind>;

export const InvoiceLineInput = z.object({
  /** The store's item; omitted = found by the supplier's code (order, then catalogue), else an unknown item. */
  itemId: Id.nullish(),
  supplierCode: Text(40).default(''),
  description: Text(120).default(''),
  /** Billed quantity as written, in `unit` (a unit of the item, or the supplier's pack). */
  qty: Text(24).min(1),
  unit: Text(20).min(1),
  /** Net price of one `unit`. */
  unitPrice: Amount,
  /** Net amount of the line as printed; omitted = qty x price, to the cent. */
  lineTotal: Amount.nullish(),
  taxRate: TaxRate,
});
export type InvoiceLineInput = z.output<typeof InvoiceLineInput>;

const HeaderFields = {
  supplierId: Id,
  /** The supplier's invoice number. */
  number: Text(40).min(1),
  invoiceDay: DayText,
  dueDay: DayText.nullish(),
  poId: Id.nullish(),
  receiptId: Id.nullish(),
  /** Totals as printed; omitted = computed from the lines. */
  net: Amount.nullish(),
  tax: Amount.nullish(),
  gross: Amount.nullish(),
  note: Text(500).default(''),
};
export const InvoiceHeaderInput = z.object(HeaderFields);
export type InvoiceHeaderInput = z.output<typeof InvoiceHeaderInput>;

export const InvoiceInput = z.object({ ...HeaderFields, lines: z.array(InvoiceLineInput).min(1).max(300) });
export type InvoiceInput = z.output<typeof InvoiceInput>;

export const InvoiceLineDto = z.object({
  id: Id,
  lineNo: z.number().int(),
  itemId: Id.nullable(),
  itemCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  baseUnit: BaseUnit.nullable(),
  supplierCode: z.string(),
  description: z.string(),
  entryQty: z.string(),
  unit: z.string(),
  unitFactor: z.number().int(),
  /** Billed quantity in thousandths of the base unit (of `unit` for an unknown item). */
  qty: Qty,
  unitPrice: Money,
  lineTotal: Money,
  taxRate: z.number().int(),
});
export type InvoiceLineDto = z.output<typeof InvoiceLineDto>;

export const MatchKindDto = z.object({ kind: DiscrepancyKind, amount: Money, message: z.string() });
export type MatchKindDto = z.output<typeof MatchKindDto>;

export const MatchLineDto = z.object({
  lineId: Id,
  lineNo: z.number().int(),
  /** matched: nothing to say; warning: noted, costs nothing; discrepancy: money to claim. */
  status: z.enum(['matched', 'warning', 'discrepancy']),
  itemId: Id.nullable(),
  itemCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  baseUnit: BaseUnit.nullable(),
  unit: z.string(),
  unitFactor: z.number().int(),
  poLineId: Id.nullable(),
  poLineNo: z.number().int().nullable(),
  /** Ordered on the order (null without one), received (accepted) and rejected in the receipts matched. */
  ordered: Qty.nullable(),
  received: Qty,
  rejected: Qty,
  /** Received and not yet billed by other invoices (before this line). */
  available: Qty,
  billed: Qty,
  billedPrice: Money,
  /** The order's (else the catalogue's) price, per `unit`; null when none is known. */
  agreedPrice: Money.nullable(),
  /** The price the goods were received at, per `unit`. */
  receiptPrice: Money.nullable(),
  billedAmount: Money,
  shouldQty: Qty,
  shouldPrice: Money,
  shouldAmount: Money,
  /** What is claimed back: net, and the tax on it at the line's rate. */
  claimNet: Money,
  taxRate: z.number().int(),
  claimTax: Money,
  receipts: z.array(z.string()),
  kinds: z.array(MatchKindDto),
});
export type MatchLineDto = z.output<typeof MatchLineDto>;

export const MatchResultDto = z.object({
  lines: z.array(MatchLineDto),
  /** The invoice's own arithmetic: printed totals against what its lines add up to. */
  header: z.object({
    statedNet: Money,
    statedTax: Money,
    statedGross: Money,
    computedNet: Money,
    computedTax: Money,
    computedGross: Money,
    claimGross: Money,
    kinds: z.array(MatchKindDto),
  }),
  /** Received on the order (or the receipt) and billed by no invoice: information only. */
  notBilled: z.array(
    z.object({
      itemId: Id,
      itemCode: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      baseUnit: BaseUnit,
      qty: Qty,
      value: Money,
    }),
  ),
  /** Gross: invoiced = printed gross; disputed = what a claim for everything would ask back. */
  totals: z.object({ invoiced: Money, matched: Money, disputed: Money }),
  discrepancies: z.number().int(),
  matchedAt: IsoTime,
});
export type MatchResultDto = z.output<typeof MatchResultDto>;

export const InvoiceRow = z.object({
  id: Id,
  number: z.string(),
  status: InvoiceStatus,
  source: z.enum(['manual', 'import']),
  supplierId: Id,
  supplierCode: z.string(),
  supplierName: z.string(),
  invoiceDay: DayText,
  dueDay: DayText.nullable(),
  poId: Id.nullable(),
  poNumber: z.string().nullable(),
  receiptId: Id.nullable(),
  receiptNumber: z.string().nullable(),
  net: Money,
  tax: Money,
  gross: Money,
  lines: z.number().int(),
  claimId: Id.nullable(),
  claimNumber: z.string().nullable(),
  claimStatus: ClaimStatus.nullable(),
  claimAmount: Money.nullable(),
  approvedAmount: Money.nullable(),
  createdAt: IsoTime,
});
export type InvoiceRow = z.output<typeof InvoiceRow>;

export const InvoiceDto = InvoiceRow.extend({
  note: z.string(),
  createdBy: z.string().nullable(),
  matchedAt: IsoTime.nullable(),
  matchedBy: z.string().nullable(),
  approvedAt: IsoTime.nullable(),
  approvedBy: z.string().nullable(),
  lines: z.array(InvoiceLineDto),
  /** The last match (null before the first, and after an edit). */
  match: MatchResultDto.nullable(),
});
export type InvoiceDto = z.output<typeof InvoiceDto>;

export const ClaimRow = z.object({
  id: Id,
  number: z.string(),
  status: ClaimStatus,
  invoiceId: Id,
  invoiceNumber: z.string(),
  supplierId: Id,
  supplierCode: z.string(),
  supplierName: z.string(),
  amount: Money,
  lines: z.number().int(),
  createdAt: IsoTime,
});
export type ClaimRow = z.output<typeof ClaimRow>;

export const ClaimLineDto = z.object({
  lineNo: z.number().int(),
  /** The invoice line it is about; null for the invoice's totals. */
  invoiceLineNo: z.number().int().nullable(),
  itemCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  supplierCode: z.string(),
  baseUnit: BaseUnit.nullable(),
  unit: z.string(),
  unitFactor: z.number().int(),
  billedQty: Qty,
  billedPrice: Money,
  billedAmount: Money,
  shouldQty: Qty,
  shouldPrice: Money,
  shouldAmount: Money,
  diffNet: Money,
  taxRate: z.number().int(),
  diffTax: Money,
  diffGross: Money,
  kinds: z.array(DiscrepancyKind),
  reasons: z.array(z.string()),
});
export type ClaimLineDto = z.output<typeof ClaimLineDto>;

export const ClaimDto = ClaimRow.extend({
  note: z.string(),
  createdBy: z.string().nullable(),
  sentAt: IsoTime.nullable(),
  sentBy: z.string().nullable(),
  settledAt: IsoTime.nullable(),
  settledBy: z.string().nullable(),
  invoiceDay: DayText,
  invoiceGross: Money,
  invoiceStatus: InvoiceStatus,
  poNumber: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  supplierContact: z.string(),
  supplierPhone: z.string(),
  supplierAddress: z.string(),
  lines: z.array(ClaimLineDto),
});
export type ClaimDto = z.output<typeof ClaimDto>;

export const PrefillDto = z.object({
  supplierId: Id,
  poId: Id.nullable(),
  receiptId: Id.nullable(),
  lines: z.array(
    InvoiceLineInput.extend({
      itemId: Id,
      itemCode: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      lineTotal: Money,
    }),
  ),
});
export type PrefillDto = z.output<typeof PrefillDto>;

export const InvoiceImportReport = z.object({
  /** True when the invoice was written (not a dry run and no errors). */
  applied: z.boolean(),
  rows: z.number().int(),
  errors: z.array(ImportIssue),
  invoiceId: Id.nullable(),
});
export type InvoiceImportReport = z.output<typeof InvoiceImportReport>;

const INVOICE_QUERIES = ['invoices.list', 'invoices.get', 'claims.list', 'claims.get'] as const;

export const invoiceMethods = {
  'invoices.list': query({
    input: z.object({ status: z.array(InvoiceStatus).max(4).nullish(), supplierId: Id.nullish() }),
    output: z.array(InvoiceRow),
    access: 'any',
  }),
  'invoices.get': query({ input: z.object({ id: Id }), output: InvoiceDto, access: 'any' }),
  /** Lines to start an invoice from: the order's lines (as ordered) or a receipt's (as accepted, at its prices). */
  'invoices.prefill': query({
    input: z
      .object({ poId: Id.nullish(), receiptId: Id.nullish() })
      .refine((v) => !!v.poId !== !!v.receiptId, { message: 'invoices.v.prefillSource', path: ['poId'] }),
    output: PrefillDto,
    access: 'any',
  }),
  'invoices.create': mutation({
    input: InvoiceInput,
    output: InvoiceDto,
    access: CLERKS,
    invalidates: INVOICE_QUERIES,
  }),
  /** Replaces a draft's (or a matched invoice's) header and lines; it is a draft again afterwards. */
  'invoices.update': mutation({
    input: InvoiceInput.extend({ id: Id }),
    output: InvoiceDto,
    access: CLERKS,
    invalidates: INVOICE_QUERIES,
  }),
  /** Deletes a draft entered by mistake (a manager's call: a matched invoice is corrected back to draft first). */
  'invoices.remove': mutation({
    input: z.object({ id: Id }),
    output: Ok,
    access: MANAGERS,
    invalidates: INVOICE_QUERIES,
  }),
  /**
   * One invoice's lines from a CSV or XLSX file (columns supplier_code or
   * item_code, description, qty, unit, unit_price, tax_rate, optional
   * line_total), the header from the dialog. All or nothing; `dryRun` only
   * checks. Row errors come back in the report.
   */
  'invoices.import': mutation({
    input: InvoiceHeaderInput.extend({
      fileName: z.string().trim().min(1).max(200),
      base64: z.string().min(1).max(MAX_BASE64, { message: 'invoices.import.tooBig' }),
      dryRun: z.boolean().default(false),
    }),
    output: InvoiceImportReport,
    access: CLERKS,
    invalidates: INVOICE_QUERIES,
    secret: ['base64'],
  }),
  /** Matches the invoice line by line against its order and receipts: draft -> matched when nothing is off. */
  'invoices.match': mutation({
    input: z.object({ id: Id }),
    output: InvoiceDto,
    access: MANAGERS,
    invalidates: INVOICE_QUERIES,
  }),
  /** A claim for the discrepancies (all, or the keys given: line ids and 'totals'): draft -> disputed. */
  'invoices.createClaim': mutation({
    input: z.object({
      invoiceId: Id,
      keys: z.array(z.string().max(40)).max(301).nullish(),
      note: Text(500).default(''),
    }),
    output: ClaimDto,
    access: MANAGERS,
    invalidates: INVOICE_QUERIES,
  }),
  /** For payment: a matched invoice in full, a disputed one less its claim. */
  'invoices.approve': mutation({
    input: z.object({ id: Id }),
    output: InvoiceDto,
    access: MANAGERS,
    invalidates: INVOICE_QUERIES,
  }),

  'claims.list': query({
    input: z.object({ status: z.array(ClaimStatus).max(3).nullish() }),
    output: z.array(ClaimRow),
    access: 'any',
  }),
  'claims.get': query({ input: z.object({ id: Id }), output: ClaimDto, access: 'any' }),
  /** open -> sent -> settled (or open -> settled). */
  'claims.setStatus': mutation({
    input: z.object({ id: Id, status: z.enum(['sent', 'settled']) }),
    output: ClaimDto,
    access: MANAGERS,
    invalidates: INVOICE_QUERIES,
  }),
  /** The claim as a file for the supplier: XLSX, or PDF (needs a Chinese font on the machine). */
  'claims.export': query({
    input: z.object({ id: Id, format: z.enum(['xlsx', 'pdf']) }),
    output: FileOut,
    access: 'any',
  }),
} as const;
