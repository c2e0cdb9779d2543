import type { PoStatus } from '../../../src-shared/api/methods/procurement';
import type { ReceiptLabel, ReceiptLineDto } from '../../../src-shared/api/methods/receiving';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { postMoves } from '../stock/post';
import { storeDay } from '../store/store-day';
import { refreshPoStatus } from '../procurement/po-status';
import { assertPostable, lineWarnings } from './receipt-checks';
import { requireOpen, requireReceivablePo } from './receipt-open';
import {
  acceptedValue,
  checkedLine,
  labelOf,
  lineDto,
  lineRecord,
  lineRecords,
  poLineFacts,
  receiptRecord,
  type LineRecord,
  type ReceiptRecord,
} from './receipt-read';
import { resolveLine } from './receipt-lines';

export interface PostOptions {
  /** The clerk accepts the quantity and price warnings. */
  confirm?: boolean;
  /** Why goods above the temperature limit are taken anyway (kept on the line). */
  tempOverride?: string;
}

/**
 * Field paths of the line being posted: resolveLine names them `line.field`
 * and postMoves `moves.0.field`; postLine reports plain `field`, postAll
 * `lines.N.field`.
 */
function onLine<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields) throw err;
    const fields = err.fields.map((f) => ({ ...f, path: f.path.replace(/^(moves\.\d+|line)\./, prefix) }));
    throw new AppError(err.code, err.key, err.params, fields);
  }
}

/**
 * The lot a lot-tracked line is received under when the clerk gave none: the
 * receipt number and the line, unique and printed on the label.
 */
const defaultLot = (r: ReceiptRecord, l: LineRecord) => `${r.number}-${String(l.lineNo).padStart(2, '0')}`;

/**
 * Posts one draft line inside the caller's transaction. Re-checks what may
 * have changed since it was entered (the order's status, an expiry that has
 * passed overnight, item and area still active) by resolving the stored line
 * again, then refuses while a warning needs something. The accepted quantity
 * (delivered minus rejected) becomes one ledger movement of kind 'receipt'
 * at the line's price, which moves the item's average cost; the rejected part
 * never enters stock. The order line's received quantity and the order's
 * status follow in the same transaction.
 */
function postOne(ctx: Ctx, r: ReceiptRecord, l: LineRecord, opts: PostOptions, prefix: string): LineRecord {
  if (l.status !== 'draft') {
    throw new AppError('CONFLICT', 'receiving.error.alreadyPosted', { number: r.number, line: l.lineNo });
  }
  if (r.poId) requireReceivablePo(ctx, r.poId, 'poId');
  // Same rules as when it was entered: the stored line must still pass them today.
  onLine(prefix, () =>
    resolveLine(ctx, r, {
      itemId: l.itemId,
      poLineId: l.poLineId,
      areaId: l.areaId,
      ...(l.weighed
        ? { weighed: { gross: l.gross!, tare: l.tare!, stable: l.scaleStable === 1 } }
        : { qty: l.entryQty, unit: l.entryUnit }),
      price: l.price,
      priceUnit: l.priceUnit,
      expiry: l.expiry,
      rejected: l.rejectedQty ? { qty: l.rejectEntryQty, unit: l.rejectEntryUnit, reason: l.rejectReason } : null,
    }),
  );
  const line = { ...l, tempOverride: opts.tempOverride?.trim() || l.tempOverride };
  const checked = checkedLine(line);
  const item = ctx.sqlite
    .prepare('SELECT code, base_unit AS baseUnit, category, lot_tracked AS lotTracked FROM items WHERE id = ?')
    .get(l.itemId) as { code: string; baseUnit: string; category: string; lotTracked: number };
  const warnings = lineWarnings(
    ctx,
    checked,
    item,
    { hasOrder: !!r.poId, line: poLineFacts(ctx, l.poLineId) },
    storeDay(ctx),
  );
  assertPostable(warnings, checked, !!opts.confirm, prefix, l.lineNo);

  const lot = l.lot || (item.lotTracked ? defaultLot(r, l) : '');
  const accepted = l.qty - l.rejectedQty;
  const value = acceptedValue(l);
  let moveId: string | null = null;
  if (accepted > 0) {
    const [move] = onLine(prefix, () =>
      postMoves(ctx, [
        {
          itemId: l.itemId,
          areaId: l.areaId,
          kind: 'receipt',
          qty: accepted,
          value,
          lot,
          expiry: l.expiry,
          docType: 'receipt',
          docId: r.id,
          note: r.number,
        },
      ]),
    );
    moveId = move!.id;
  }
  const confirmed = l.confirmed === 1 || !!opts.confirm;
  ctx.sqlite
    .prepare(
      `UPDATE receipt_lines SET status = 'posted', lot = ?, value = ?, move_id = ?, confirmed = ?, temp_override = ?,
         posted_at = ?, posted_by = ?, updated_at = ? WHERE id = ?`,
    )
    .run(lot, value, moveId, confirmed ? 1 : 0, line.tempOverride, ctx.now, ctx.user?.id ?? null, ctx.now, l.id);
  if (l.poLineId && accepted > 0) {
    ctx.sqlite
      .prepare('UPDATE purchase_order_lines SET qty_received = qty_received + ? WHERE id = ?')
      .run(accepted, l.poLineId);
  }
  ctx.changed({
    table: 'receipt_lines',
    id: l.id,
    op: 'update',
    values: {
      status: 'posted',
      receipt: r.number,
      lineNo: l.lineNo,
      accepted,
      rejected: l.rejectedQty,
      value,
      lot,
      moveId,
    },
    before: { status: 'draft' },
  });
  return lineRecord(ctx, l.id);
}

/** Posts one line (its own transaction: dispatch's); returns the line, its label data and the order's status. */
export function postLine(
  ctx: Ctx,
  i: { lineId: string } & PostOptions,
): { line: ReceiptLineDto; label: ReceiptLabel; poStatus: PoStatus | null } {
  const l = lineRecord(ctx, i.lineId);
  const r = receiptRecord(ctx, l.receiptId);
  requireOpen(r);
  const posted = postOne(ctx, r, l, i, '');
  const poStatus = r.poId ? refreshPoStatus(ctx, r.poId) : null;
  return { line: lineDto(ctx, posted, r), label: labelOf(ctx, posted, r), poStatus };
}

/**
 * Posts every draft line of a receipt in line order, all in the caller's one
 * transaction: any line that fails (a warning not confirmed, stock rules)
 * undoes the whole call, and the error names the line (`lines.N.field`, N
 * counting the draft lines posted by this call).
 */
export function postAll(
  ctx: Ctx,
  i: { receiptId: string; confirm?: boolean },
): { labels: ReceiptLabel[]; poStatus: PoStatus | null } {
  const r = receiptRecord(ctx, i.receiptId);
  requireOpen(r);
  const drafts = lineRecords(ctx, r.id).filter((l) => l.status === 'draft');
  if (!drafts.length) throw new AppError('CONFLICT', 'receiving.error.noDrafts', { number: r.number });
  const labels = drafts.map((l, n) => labelOf(ctx, postOne(ctx, r, l, { confirm: i.confirm }, `lines.${n}.`), r));
  const poStatus = r.poId ? refreshPoStatus(ctx, r.poId) : null;
  return { labels, poStatus };
}
