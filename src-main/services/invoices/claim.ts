import { eq } from 'drizzle-orm';
import type { ClaimDto, ClaimStatus } from '../../../src-shared/api/methods/invoices';
import { translate } from '../../../src-shared/i18n';
import { invoiceClaimLines, invoiceClaims } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { nextNumber } from '../procurement/document-numbers';
import type { RawKind } from './match';
import { getClaim } from './claim-read';
import { invoiceRecord, refuseTransition } from './records';
import { freshMatch, storeMatch } from './status';

/** The key of the claim line about the invoice's own totals. */
export const TOTALS_KEY = 'totals';

/** A claim line as stored, its reasons not yet serialised. */
type ClaimLine = Omit<typeof invoiceClaimLines.$inferSelect, 'id' | 'claimId' | 'lineNo' | 'reasons'> & {
  reasons: Pick<RawKind, 'kind' | 'text' | 'params'>[];
};

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
  // Built the same way from the same data, a match serialises identically: nothing moved in between.
  if (JSON.stringify(raw) !== rec.matchResult) {
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
  const number = nextNumber(ctx, 'invoice_claims', 'CL');
  ctx.db
    .insert(invoiceClaims)
    .values({
      id,
      number,
      invoiceId: rec.id,
      supplierId: rec.supplierId,
      status: 'open',
      amount,
      note: i.note,
      createdAt: ctx.now,
      createdBy: ctx.user?.id ?? null,
      updatedAt: ctx.now,
    })
    .run();
  ctx.db
    .insert(invoiceClaimLines)
    .values(
      lines.map((l, n) => ({
        ...l,
        id: uuidv7(ctx.now),
        claimId: id,
        lineNo: n + 1,
        reasons: JSON.stringify(l.reasons),
      })),
    )
    .run();
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

const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = { open: ['sent', 'settled'], sent: ['settled'], settled: [] };

/** open -> sent -> settled, or open -> settled; nothing goes back. */
export function setClaimStatus(ctx: Ctx, i: { id: string; status: 'sent' | 'settled' }): ClaimDto {
  const c = ctx.db
    .select({ number: invoiceClaims.number, status: invoiceClaims.status })
    .from(invoiceClaims)
    .where(eq(invoiceClaims.id, i.id))
    .get();
  if (!c) throw new AppError('NOT_FOUND', 'invoices.claim.error.notFound');
  if (!NEXT[c.status].includes(i.status)) {
    throw new AppError('CONFLICT', 'invoices.claim.error.transition', {
      number: c.number,
      status: translate(ctx.locale, `invoices.claim.status.${c.status}`),
      to: translate(ctx.locale, `invoices.claim.status.${i.status}`),
    });
  }
  const by = ctx.user?.id ?? null;
  ctx.db
    .update(invoiceClaims)
    .set({
      status: i.status,
      updatedAt: ctx.now,
      ...(i.status === 'sent' ? { sentAt: ctx.now, sentBy: by } : { settledAt: ctx.now, settledBy: by }),
    })
    .where(eq(invoiceClaims.id, i.id))
    .run();
  ctx.changed({
    table: 'invoice_claims',
    id: i.id,
    op: 'update',
    values: { status: i.status },
    before: { status: c.status },
  });
  return getClaim(ctx, { id: i.id });
}
