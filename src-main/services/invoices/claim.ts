import type { ClaimDto } from '../../../src-shared/api/methods/invoices';
import { translate } from '../../../src-shared/i18n';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { storeDay } from '../store/store-day';
import type { RawKind, RawMatch } from './match';
import { getClaim } from './claim-read';
import { invoiceRecord, refuseTransition } from './records';
import { freshMatch, storeMatch } from './status';

/** The key of the claim line about the invoice's own totals. */
export const TOTALS_KEY = 'totals';

/** CL-2026-0001: the year of the store's business day and a running number (writes are serialised). */
function nextClaimNumber(ctx: Ctx): string {
  const head = `CL-${storeDay(ctx).slice(0, 4)}-`;
  const r = ctx.sqlite
    .prepare(`SELECT max(CAST(substr(number, ?) AS INTEGER)) AS n FROM invoice_claims WHERE number LIKE ? || '%'`)
    .get(head.length + 1, head) as { n: number | null };
  return head + String((r.n ?? 0) + 1).padStart(4, '0');
}

/** Built the same way from the same data, two matches serialise identically: nothing moved in between. */
const same = (a: RawMatch, b: RawMatch) => JSON.stringify(a) === JSON.stringify(b);

interface ClaimLine {
  invoiceLineId: string | null;
  reasons: Pick<RawKind, 'kind' | 'text' | 'params'>[];
  billedQty: number;
  billedPrice: number;
  billedAmount: number;
  shouldQty: number;
  shouldPrice: number;
  shouldAmount: number;
  diffNet: number;
  taxRate: number;
  diffTax: number;
  diffGross: number;
}

/**
 * Raises the claim for a matched draft's discrepancies (all of them, or the
 * keys given): each claimed line asks back its printed amount less what
 * should have been billed, plus the tax on that; an overstated total asks
 * back the excess. Discrepancies left out are accepted as billed. The match
 * is checked again first: if receipts or other invoices moved since the
 * manager looked at it, the claim is refused until it is matched again.
 */
export function createClaim(ctx: Ctx, i: { invoiceId: string; keys?: string[] | null; note: string }): ClaimDto {
  const rec = invoiceRecord(ctx, i.invoiceId);
  if (rec.status !== 'draft') refuseTransition(ctx, rec, 'claim');
  if (!rec.matchResult) throw new AppError('CONFLICT', 'invoices.error.notMatched', { number: rec.number });
  const raw = freshMatch(ctx, rec);
  if (!same(raw, JSON.parse(rec.matchResult) as RawMatch)) {
    throw new AppError('CONFLICT', 'invoices.error.matchChanged', { number: rec.number });
  }
  const claimable = new Set([
    ...raw.lines.filter((l) => l.claimNet > 0).map((l) => l.lineId),
    ...(raw.header.claimGross > 0 ? [TOTALS_KEY] : []),
  ]);
  if (!claimable.size) throw new AppError('CONFLICT', 'invoices.error.nothingToClaim', { number: rec.number });
  const keys = i.keys ?? [...claimable];
  keys.forEach((k, n) => {
    if (!claimable.has(k)) fieldError('VALIDATION', 'invoices.error.claimKey', `keys.${n}`);
  });
  const chosen = new Set(keys);
  if (!chosen.size) fieldError('VALIDATION', 'invoices.error.nothingToClaim', 'keys', { number: rec.number });

  const lines: ClaimLine[] = raw.lines
    .filter((l) => chosen.has(l.lineId))
    .map((l) => ({
      invoiceLineId: l.lineId,
      reasons: l.kinds.map(({ kind, text, params }) => ({ kind, text, params })),
      billedQty: l.billed,
      billedPrice: l.billedPrice,
      billedAmount: l.billedAmount,
      shouldQty: l.shouldQty,
      shouldPrice: l.shouldPrice,
      shouldAmount: l.shouldAmount,
      diffNet: l.claimNet,
      taxRate: l.taxRate,
      diffTax: l.claimTax,
      diffGross: l.claimNet + l.claimTax,
    }));
  if (chosen.has(TOTALS_KEY)) {
    const h = raw.header;
    lines.push({
      invoiceLineId: null,
      reasons: h.kinds.map(({ kind, text, params }) => ({ kind, text, params })),
      billedQty: 0,
      billedPrice: 0,
      billedAmount: h.statedGross,
      shouldQty: 0,
      shouldPrice: 0,
      shouldAmount: h.statedGross - h.claimGross,
      diffNet: h.claimGross,
      taxRate: 0,
      diffTax: 0,
      diffGross: h.claimGross,
    });
  }
  const amount = lines.reduce((s, l) => s + l.diffGross, 0);
  const id = uuidv7(ctx.now);
  const number = nextClaimNumber(ctx);
  ctx.sqlite
    .prepare(
      `INSERT INTO invoice_claims (id, number, invoice_id, supplier_id, status, amount, note, created_at, created_by,
         updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
    )
    .run(id, number, rec.id, rec.supplierId, amount, i.note, ctx.now, ctx.user?.id ?? null, ctx.now);
  const ins = ctx.sqlite.prepare(
    `INSERT INTO invoice_claim_lines (id, claim_id, line_no, invoice_line_id, reasons, billed_qty, billed_price,
       billed_amount, should_qty, should_price, should_amount, diff_net, tax_rate, diff_tax, diff_gross)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, n) =>
    ins.run(
      uuidv7(ctx.now),
      id,
      n + 1,
      l.invoiceLineId,
      JSON.stringify(l.reasons),
      l.billedQty,
      l.billedPrice,
      l.billedAmount,
      l.shouldQty,
      l.shouldPrice,
      l.shouldAmount,
      l.diffNet,
      l.taxRate,
      l.diffTax,
      l.diffGross,
    ),
  );
  // Lines left out of the claim are paid as billed, so other invoices of the order see them billed in full.
  const accepted = new Map(raw.lines.filter((l) => !chosen.has(l.lineId)).map((l) => [l.lineId, l.billed]));
  storeMatch(ctx, rec, raw, 'disputed', accepted);
  ctx.changed({
    table: 'invoice_claims',
    id,
    op: 'insert',
    values: { number, invoiceId: rec.id, amount, lines: lines.length, keys: [...chosen] },
  });
  ctx.changed({
    table: 'supplier_invoices',
    id: rec.id,
    op: 'update',
    values: { status: 'disputed' },
    before: { status: 'draft' },
  });
  return getClaim(ctx, { id });
}

const NEXT: Record<string, readonly string[]> = { open: ['sent', 'settled'], sent: ['settled'], settled: [] };

/** open -> sent -> settled, or open -> settled; nothing goes back. */
export function setClaimStatus(ctx: Ctx, i: { id: string; status: 'sent' | 'settled' }): ClaimDto {
  const c = ctx.sqlite.prepare('SELECT number, status FROM invoice_claims WHERE id = ?').get(i.id) as
    { number: string; status: 'open' | 'sent' | 'settled' } | undefined;
  if (!c) throw new AppError('NOT_FOUND', 'invoices.claim.error.notFound');
  if (!NEXT[c.status]!.includes(i.status)) {
    throw new AppError('CONFLICT', 'invoices.claim.error.transition', {
      number: c.number,
      status: translate(ctx.locale, `invoices.claim.status.${c.status}`),
      to: translate(ctx.locale, `invoices.claim.status.${i.status}`),
    });
  }
  const col = i.status === 'sent' ? 'sent' : 'settled';
  ctx.sqlite
    .prepare(`UPDATE invoice_claims SET status = ?, ${col}_at = ?, ${col}_by = ?, updated_at = ? WHERE id = ?`)
    .run(i.status, ctx.now, ctx.user?.id ?? null, ctx.now, i.id);
  ctx.changed({
    table: 'invoice_claims',
    id: i.id,
    op: 'update',
    values: { status: i.status },
    before: { status: c.status },
  });
  return getClaim(ctx, { id: i.id });
}
