import { eq } from 'drizzle-orm';
import { stockCountLines, stockCounts } from '../../db/schema';
import type { Ctx } from '../context';
import { storeSettings } from '../store/settings';
import { postMoves, type MoveInput } from '../stock/post';
import { loadCount } from './header';
import { evaluate, evaluatedLines } from './lines';

export type UncountedRule = 'skip' | 'zero';

/**
 * The adjustments a count would post. An uncounted line is skipped, or, when
 * the manager says so, counted as zero now (the shelf was empty).
 */
function plan(ctx: Ctx, id: string, uncounted: UncountedRule) {
  const count = loadCount(ctx.db, id, true);
  const limits = storeSettings(ctx.db);
  const lines = evaluatedLines(ctx.sqlite, count, limits);
  const moves: MoveInput[] = [];
  const zeroed: string[] = [];
  let counted = 0;
  let recount = 0;
  let varianceValue = 0;
  for (const { row, e, avg } of lines) {
    let ev = e;
    let at = row.countedAt;
    if (row.countedQty === null) {
      if (uncounted === 'skip') continue;
      zeroed.push(row.id);
      at = ctx.now;
      ev = evaluate({ bookQty: row.bookQty, countedQty: 0 }, e.expectedQty - row.bookQty, avg, limits);
    } else {
      counted++;
    }
    if (ev.recount) recount++;
    if (!ev.varianceQty) continue;
    varianceValue += ev.varianceValue ?? 0;
    moves.push({
      itemId: row.itemId,
      areaId: row.areaId,
      kind: 'count_adjust',
      qty: ev.varianceQty,
      lot: row.lot,
      occurredAt: at!,
      reason: 'count',
      docType: 'count',
      docId: count.id,
      note: count.number,
    });
  }
  return {
    count,
    moves,
    zeroed,
    totals: {
      lines: lines.length,
      counted,
      uncounted: lines.length - counted,
      recount,
      adjustments: moves.length,
      varianceValue,
    },
  };
}

export function previewCount(ctx: Ctx, id: string, uncounted: UncountedRule) {
  return plan(ctx, id, uncounted).totals;
}

/**
 * Posts the count in the caller's transaction: every adjustment in one
 * postMoves batch (dated when each line was counted, so costs and the ledger
 * read right), the zeroed lines recorded, the count closed. All or nothing.
 */
export function postCount(ctx: Ctx, id: string, uncounted: UncountedRule) {
  const { count, moves, zeroed, totals } = plan(ctx, id, uncounted);
  if (zeroed.length) {
    const counted = { countedQty: 0, entry: '0', countedAt: ctx.now, countedBy: ctx.user?.id ?? null };
    for (const lineId of zeroed)
      ctx.db.update(stockCountLines).set(counted).where(eq(stockCountLines.id, lineId)).run();
  }
  const posted = postMoves(ctx, moves);
  ctx.db
    .update(stockCounts)
    .set({ status: 'posted', postedAt: ctx.now, postedBy: ctx.user?.id ?? null })
    .where(eq(stockCounts.id, count.id))
    .run();
  ctx.changed({
    table: 'stock_counts',
    id: count.id,
    op: 'update',
    values: { status: 'posted', uncounted, adjustments: posted.length },
    before: { status: 'open' },
  });
  // The values the ledger actually booked (costing decides, back-dated lines included).
  return { ...totals, varianceValue: posted.reduce((s, p) => s + p.value, 0) };
}

export function cancelCount(ctx: Ctx, id: string) {
  const count = loadCount(ctx.db, id, true);
  ctx.db.update(stockCounts).set({ status: 'cancelled' }).where(eq(stockCounts.id, count.id)).run();
  ctx.changed({ table: 'stock_counts', id, op: 'update', values: { status: 'cancelled' }, before: { status: 'open' } });
  return { ok: true as const };
}
