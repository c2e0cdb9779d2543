import type {
  InvoiceDto,
  InvoiceRow,
  InvoiceStatus,
  MatchKindDto,
  MatchResultDto,
} from '../../../src-shared/api/methods/invoices';
import { translate, type MessageKey } from '../../../src-shared/i18n';
import { toIso } from '../../../src-shared/time';
import type { invoiceClaims, supplierInvoices } from '../../db/schema';
import { sql } from '../../db/sql';
import type { Ctx } from '../context';
import { userName } from '../users/user-names';
import { formatStoredAmount } from '../../../src-shared/money';
import { storeMoney } from '../store/money';
import { MONEY_PARAMS, type RawKind, type RawMatch } from './match';
import { invoiceLines, invoiceRecord, storedMatch } from './records';

type Invoice = typeof supplierInvoices.$inferSelect;
type Claim = typeof invoiceClaims.$inferSelect;

/** An invoice as listed: with its supplier, order, receipt, line count and claim. */
type HeadRow = Pick<
  Invoice,
  | 'id'
  | 'number'
  | 'status'
  | 'source'
  | 'supplierId'
  | 'invoiceDay'
  | 'dueDay'
  | 'poId'
  | 'receiptId'
  | 'net'
  | 'tax'
  | 'gross'
  | 'approvedAmount'
  | 'createdAt'
> & {
  supplierCode: string;
  supplierName: string;
  poNumber: string | null;
  receiptNumber: string | null;
  lines: number;
  claimId: Claim['id'] | null;
  claimNumber: Claim['number'] | null;
  claimStatus: Claim['status'] | null;
  claimAmount: Claim['amount'] | null;
};

const HEAD = `SELECT v.id, v.number, v.status, v.source, v.supplier_id AS supplierId, s.code AS supplierCode,
  s.name AS supplierName, v.invoice_day AS invoiceDay, v.due_day AS dueDay, v.po_id AS poId, p.number AS poNumber,
  v.receipt_id AS receiptId, r.number AS receiptNumber, v.net, v.tax, v.gross,
  (SELECT count(*) FROM supplier_invoice_lines l WHERE l.invoice_id = v.id) AS lines,
  c.id AS claimId, c.number AS claimNumber, c.status AS claimStatus, c.amount AS claimAmount,
  v.approved_amount AS approvedAmount, v.created_at AS createdAt
  FROM supplier_invoices v JOIN suppliers s ON s.id = v.supplier_id
  LEFT JOIN purchase_orders p ON p.id = v.po_id
  LEFT JOIN receipts r ON r.id = v.receipt_id
  LEFT JOIN invoice_claims c ON c.invoice_id = v.id`;

/** Invoices by invoice day, newest first, of the statuses given (a JSON array, null = all) and the supplier given (null = all). */
const invoicesNewestFirst = sql<HeadRow, [{ statuses: string | null; supplierId: string | null }]>(
  `${HEAD}
   WHERE (@statuses IS NULL OR v.status IN (SELECT value FROM json_each(@statuses)))
     AND (@supplierId IS NULL OR v.supplier_id = @supplierId)
   ORDER BY v.invoice_day DESC, v.created_at DESC LIMIT 2000`,
);
const invoiceHead = sql<HeadRow, [string]>(`${HEAD} WHERE v.id = ?`);

const toRow = (r: HeadRow): InvoiceRow => ({
  ...r,
  source: r.source === 'import' ? 'import' : 'manual',
  createdAt: toIso(r.createdAt)!,
});

/** Invoices, newest first, optionally of some statuses or one supplier. */
export function listInvoices(
  ctx: Ctx,
  i: { status?: InvoiceStatus[] | null; supplierId?: string | null },
): InvoiceRow[] {
  return invoicesNewestFirst
    .all(ctx.sqlite, { statuses: i.status?.length ? JSON.stringify(i.status) : null, supplierId: i.supplierId || null })
    .map(toRow);
}

/** A reason in the caller's language. */
export function kindMessage(ctx: Ctx, k: Pick<RawKind, 'text' | 'params'>): string {
  const money = storeMoney(ctx);
  const params = Object.fromEntries(
    Object.entries(k.params).map(([name, v]) => [name, MONEY_PARAMS.has(name) ? formatStoredAmount(v, money) : v]),
  );
  return translate(ctx.locale, `invoices.kind.${k.text}` as MessageKey, params);
}

const renderKinds = (ctx: Ctx, kinds: RawKind[]): MatchKindDto[] =>
  kinds.map((k) => ({ kind: k.kind, amount: k.amount, message: kindMessage(ctx, k) }));

/** The stored, language-neutral match with its messages rendered for the caller. */
export function renderMatch(ctx: Ctx, raw: RawMatch, matchedAt: number): MatchResultDto {
  return {
    ...raw,
    lines: raw.lines.map((l) => ({ ...l, kinds: renderKinds(ctx, l.kinds) })),
    header: { ...raw.header, kinds: renderKinds(ctx, raw.header.kinds) },
    matchedAt: toIso(matchedAt)!,
  };
}

export function getInvoice(ctx: Ctx, i: { id: string }): InvoiceDto {
  const rec = invoiceRecord(ctx, i.id);
  const head = invoiceHead.get(ctx.sqlite, i.id)!;
  const raw = storedMatch(rec);
  return {
    ...toRow(head),
    note: rec.note,
    createdBy: userName(ctx, rec.createdBy),
    matchedAt: toIso(rec.matchedAt),
    matchedBy: userName(ctx, rec.matchedBy),
    approvedAt: toIso(rec.approvedAt),
    approvedBy: userName(ctx, rec.approvedBy),
    lines: invoiceLines(ctx, i.id),
    match: raw && rec.matchedAt !== null ? renderMatch(ctx, raw, rec.matchedAt) : null,
  };
}
