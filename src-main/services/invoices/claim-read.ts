import type { ClaimDto, ClaimRow, ClaimStatus } from '../../../src-shared/api/methods/invoices';
import { toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type {
  invoiceClaimLines,
  invoiceClaims,
  items,
  supplierInvoiceLines,
  supplierInvoices,
  suppliers,
} from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { userName } from '../users/user-names';
import { kindMessage } from './read';
import { storedReasons } from './records';

type Claim = typeof invoiceClaims.$inferSelect;
type ClaimLine = typeof invoiceClaimLines.$inferSelect;
type Invoice = typeof supplierInvoices.$inferSelect;
type InvoiceLine = typeof supplierInvoiceLines.$inferSelect;
type Item = typeof items.$inferSelect;
type Supplier = typeof suppliers.$inferSelect;

/** A claim as listed: with its invoice's number, its supplier and its line count. */
type HeadRow = Pick<Claim, 'id' | 'number' | 'status' | 'invoiceId' | 'supplierId' | 'amount' | 'createdAt'> & {
  invoiceNumber: Invoice['number'];
  supplierCode: Supplier['code'];
  supplierName: Supplier['name'];
  lines: number;
};

const HEAD = `SELECT c.id, c.number, c.status, c.invoice_id AS invoiceId, v.number AS invoiceNumber,
  c.supplier_id AS supplierId, s.code AS supplierCode, s.name AS supplierName, c.amount,
  (SELECT count(*) FROM invoice_claim_lines l WHERE l.claim_id = c.id) AS lines, c.created_at AS createdAt
  FROM invoice_claims c JOIN supplier_invoices v ON v.id = c.invoice_id JOIN suppliers s ON s.id = c.supplier_id`;

/** Claims newest first, of the statuses given (a JSON array, null = all). */
const claimsNewestFirst = sql<HeadRow, [{ statuses: string | null }]>(
  `${HEAD} WHERE (@statuses IS NULL OR c.status IN (SELECT value FROM json_each(@statuses)))
   ORDER BY c.created_at DESC LIMIT 2000`,
);
const claimHead = sql<HeadRow, [string]>(`${HEAD} WHERE c.id = ?`);

const toRow = (r: HeadRow): ClaimRow => ({ ...r, createdAt: toIso(r.createdAt)! });

export function listClaims(ctx: Ctx, i: { status?: ClaimStatus[] | null }): ClaimRow[] {
  return claimsNewestFirst.all(ctx.sqlite, { statuses: i.status?.length ? JSON.stringify(i.status) : null }).map(toRow);
}

/** What a claim's page and document show beyond its list row: who did what, its invoice and the supplier's contact. */
type DetailRow = Pick<Claim, 'note' | 'createdBy' | 'sentAt' | 'sentBy' | 'settledAt' | 'settledBy'> &
  Pick<Invoice, 'invoiceDay'> &
  Pick<Supplier, 'contact' | 'phone' | 'address'> & {
    invoiceGross: Invoice['gross'];
    invoiceStatus: Invoice['status'];
    poNumber: string | null;
    receiptNumber: string | null;
  };

const claimDetail = sql<DetailRow, [string]>(
  `SELECT c.note, c.created_by AS createdBy, c.sent_at AS sentAt, c.sent_by AS sentBy, c.settled_at AS settledAt,
     c.settled_by AS settledBy, v.invoice_day AS invoiceDay, v.gross AS invoiceGross, v.status AS invoiceStatus,
     p.number AS poNumber, r.number AS receiptNumber, s.contact, s.phone, s.address
   FROM invoice_claims c JOIN supplier_invoices v ON v.id = c.invoice_id JOIN suppliers s ON s.id = c.supplier_id
   LEFT JOIN purchase_orders p ON p.id = v.po_id LEFT JOIN receipts r ON r.id = v.receipt_id WHERE c.id = ?`,
);

/** A claim line with the invoice line and item it is about (none for the line about the invoice's totals). */
type LineRow = Pick<
  ClaimLine,
  | 'lineNo'
  | 'billedQty'
  | 'billedPrice'
  | 'billedAmount'
  | 'shouldQty'
  | 'shouldPrice'
  | 'shouldAmount'
  | 'diffNet'
  | 'taxRate'
  | 'diffTax'
  | 'diffGross'
  | 'reasons'
> &
  Pick<InvoiceLine, 'description' | 'supplierCode' | 'unit' | 'unitFactor'> & {
    invoiceLineNo: InvoiceLine['lineNo'] | null;
    itemCode: Item['code'] | null;
    nameZh: Item['nameZh'];
    nameEn: Item['nameEn'];
    baseUnit: Item['baseUnit'] | null;
  };

const linesOfClaim = sql<LineRow, [string]>(
  `SELECT l.line_no AS lineNo, il.line_no AS invoiceLineNo, i.code AS itemCode,
     coalesce(i.name_zh, '') AS nameZh, coalesce(i.name_en, '') AS nameEn, coalesce(il.description, '') AS description,
     coalesce(il.supplier_code, '') AS supplierCode, i.base_unit AS baseUnit, coalesce(il.unit, '') AS unit,
     coalesce(il.unit_factor, 1000) AS unitFactor, l.billed_qty AS billedQty, l.billed_price AS billedPrice,
     l.billed_amount AS billedAmount, l.should_qty AS shouldQty, l.should_price AS shouldPrice,
     l.should_amount AS shouldAmount, l.diff_net AS diffNet, l.tax_rate AS taxRate, l.diff_tax AS diffTax,
     l.diff_gross AS diffGross, l.reasons
   FROM invoice_claim_lines l LEFT JOIN supplier_invoice_lines il ON il.id = l.invoice_line_id
   LEFT JOIN items i ON i.id = il.item_id
   WHERE l.claim_id = ? ORDER BY l.line_no`,
);

export function getClaim(ctx: Ctx, i: { id: string }): ClaimDto {
  const head = claimHead.get(ctx.sqlite, i.id);
  if (!head) throw new AppError('NOT_FOUND', 'invoices.claim.error.notFound');
  const c = claimDetail.get(ctx.sqlite, i.id)!;
  const lines = linesOfClaim.all(ctx.sqlite, i.id).map(({ reasons: json, ...l }) => {
    const reasons = storedReasons(json);
    return { ...l, kinds: reasons.map((r) => r.kind), reasons: reasons.map((r) => kindMessage(ctx, r)) };
  });
  return {
    ...toRow(head),
    note: c.note,
    createdBy: userName(ctx, c.createdBy),
    sentAt: toIso(c.sentAt),
    sentBy: userName(ctx, c.sentBy),
    settledAt: toIso(c.settledAt),
    settledBy: userName(ctx, c.settledBy),
    invoiceDay: c.invoiceDay,
    invoiceGross: c.invoiceGross,
    invoiceStatus: c.invoiceStatus,
    poNumber: c.poNumber,
    receiptNumber: c.receiptNumber,
    supplierContact: c.contact,
    supplierPhone: c.phone,
    supplierAddress: c.address,
    lines,
  };
}
