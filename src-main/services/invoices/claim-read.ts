import type { ClaimDto, ClaimLineDto, ClaimRow, ClaimStatus } from '../../../src-shared/api/methods/invoices';
import { toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { userName } from '../users/user-names';
import type { RawKind } from './match';
import { kindMessage } from './read';

const HEAD = `SELECT c.id, c.number, c.status, c.invoice_id AS invoiceId, v.number AS invoiceNumber,
  c.supplier_id AS supplierId, s.code AS supplierCode, s.name AS supplierName, c.amount,
  (SELECT count(*) FROM invoice_claim_lines l WHERE l.claim_id = c.id) AS lines, c.created_at AS createdAt
  FROM invoice_claims c JOIN supplier_invoices v ON v.id = c.invoice_id JOIN suppliers s ON s.id = c.supplier_id`;

type HeadRow = Omit<ClaimRow, 'createdAt'> & { createdAt: number };
const toRow = (r: HeadRow): ClaimRow => ({ ...r, createdAt: toIso(r.createdAt)! });

export function listClaims(ctx: Ctx, i: { status?: ClaimStatus[] | null }): ClaimRow[] {
  const rows = i.status?.length
    ? ctx.sqlite
        .prepare(`${HEAD} WHERE c.status IN (SELECT value FROM json_each(?)) ORDER BY c.created_at DESC LIMIT 2000`)
        .all(JSON.stringify(i.status))
    : ctx.sqlite.prepare(`${HEAD} ORDER BY c.created_at DESC LIMIT 2000`).all();
  return (rows as HeadRow[]).map(toRow);
}

interface LineRow extends Omit<ClaimLineDto, 'kinds' | 'reasons'> {
  reasonsJson: string;
}

const LINES = `SELECT l.line_no AS lineNo, il.line_no AS invoiceLineNo, i.code AS itemCode,
  coalesce(i.name_zh, '') AS nameZh, coalesce(i.name_en, '') AS nameEn, coalesce(il.description, '') AS description,
  coalesce(il.supplier_code, '') AS supplierCode, i.base_unit AS baseUnit, coalesce(il.unit, '') AS unit,
  coalesce(il.unit_factor, 1000) AS unitFactor, l.billed_qty AS billedQty, l.billed_price AS billedPrice,
  l.billed_amount AS billedAmount, l.should_qty AS shouldQty, l.should_price AS shouldPrice,
  l.should_amount AS shouldAmount, l.diff_net AS diffNet, l.tax_rate AS taxRate, l.diff_tax AS diffTax,
  l.diff_gross AS diffGross, l.reasons AS reasonsJson
  FROM invoice_claim_lines l LEFT JOIN supplier_invoice_lines il ON il.id = l.invoice_line_id
  LEFT JOIN items i ON i.id = il.item_id`;

export function getClaim(ctx: Ctx, i: { id: string }): ClaimDto {
  const head = ctx.sqlite.prepare(`${HEAD} WHERE c.id = ?`).get(i.id) as HeadRow | undefined;
  if (!head) throw new AppError('NOT_FOUND', 'invoices.claim.error.notFound');
  const c = ctx.sqlite
    .prepare(
      `SELECT c.note, c.created_by AS createdBy, c.sent_at AS sentAt, c.sent_by AS sentBy, c.settled_at AS settledAt,
              c.settled_by AS settledBy, v.invoice_day AS invoiceDay, v.gross AS invoiceGross, v.status AS invoiceStatus,
              p.number AS poNumber, r.number AS receiptNumber, s.contact, s.phone, s.address
       FROM invoice_claims c JOIN supplier_invoices v ON v.id = c.invoice_id JOIN suppliers s ON s.id = c.supplier_id
       LEFT JOIN purchase_orders p ON p.id = v.po_id LEFT JOIN receipts r ON r.id = v.receipt_id WHERE c.id = ?`,
    )
    .get(i.id) as {
    note: string;
    createdBy: string | null;
    sentAt: number | null;
    sentBy: string | null;
    settledAt: number | null;
    settledBy: string | null;
    invoiceDay: string;
    invoiceGross: number;
    invoiceStatus: ClaimDto['invoiceStatus'];
    poNumber: string | null;
    receiptNumber: string | null;
    contact: string;
    phone: string;
    address: string;
  };
  const lines = (ctx.sqlite.prepare(`${LINES} WHERE l.claim_id = ? ORDER BY l.line_no`).all(i.id) as LineRow[]).map(
    ({ reasonsJson, ...l }) => {
      const reasons = JSON.parse(reasonsJson) as Pick<RawKind, 'kind' | 'text' | 'params'>[];
      return { ...l, kinds: reasons.map((r) => r.kind), reasons: reasons.map((r) => kindMessage(ctx, r)) };
    },
  );
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
