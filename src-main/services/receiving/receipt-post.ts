import type { PoStatus } from '../../../src-shared/api/methods/procurement';
import type { ReceiptLabel, ReceiptLineDto } from '../../../src-shared/api/methods/receiving';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { refreshPoStatus } from '../procurement/po-status';
import { postDraft, type PostOptions } from './post-line';
import { requireOpen } from './receipt-open';
import { labelOf, lineDto, lineLookups, lineRecord, lineRecords, receiptRecord } from './receipt-read';

/** Posts one draft line (in the call's transaction); returns the line, its label data and the order's status. */
export function postLine(
  ctx: Ctx,
  i: { lineId: string } & PostOptions,
): { line: ReceiptLineDto; label: ReceiptLabel; poStatus: PoStatus | null } {
  const l = lineRecord(ctx, i.lineId);
  const r = receiptRecord(ctx, l.receiptId);
  requireOpen(r);
  const posted = postDraft(ctx, r, l, i, '');
  const poStatus = r.poId ? refreshPoStatus(ctx, r.poId) : null;
  const look = lineLookups(ctx, r.id);
  return { line: lineDto(ctx, posted, r, look), label: labelOf(ctx, posted, r, look), poStatus };
}

/**
 * Posts every draft line of a receipt in line order, all in the call's one
 * transaction: any line that fails (a warning not confirmed, stock rules)
 * undoes the whole call, and the error names the line (`lines.N.field`, N
 * counting the draft lines posted by this call).
 */
export function postAll(
  ctx: Ctx,
  i: { receiptId: string; confirm?: boolean | undefined },
): { labels: ReceiptLabel[]; poStatus: PoStatus | null } {
  const r = receiptRecord(ctx, i.receiptId);
  requireOpen(r);
  const drafts = lineRecords(ctx, r.id).filter((l) => l.status === 'draft');
  if (!drafts.length) throw new AppError('CONFLICT', 'receiving.error.noDrafts', { number: r.number });
  const look = lineLookups(ctx, r.id);
  const labels = drafts.map((l, n) =>
    labelOf(ctx, postDraft(ctx, r, l, { confirm: i.confirm }, `lines.${n}.`), r, look),
  );
  const poStatus = r.poId ? refreshPoStatus(ctx, r.poId) : null;
  return { labels, poStatus };
}
