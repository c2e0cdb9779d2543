import type { PeriodRow } from '../../../src-shared/api/methods/periods';
import { addMonths, dayKeyer, dayStart, firstDay, toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import type { stockCounts, stockMoves, stockPeriodCosts, stockPeriods, users } from '../../db/schema';
import { sql } from '../../db/sql';
import { storeRow } from '../store/settings';
import { applyMove, emptyCost, type CostState } from './costing';
import { lastClosedPeriod } from './rules';

type Period = typeof stockPeriods.$inferSelect;
type UserName = (typeof users.$inferSelect)['displayName'] | null;
type PeriodCost = Pick<typeof stockPeriodCosts.$inferSelect, 'qty' | 'value' | 'lastQty' | 'lastValue'>;

/** Every stored month with the names of who closed and reopened it. */
const storedPeriods = sql<Omit<Period, 'closedBy' | 'reopenedBy'> & { closedBy: UserName; reopenedBy: UserName }>(
  `SELECT p.month, p.status, p.ends_at AS endsAt, p.closed_at AS closedAt, cu.display_name AS closedBy,
          p.reopened_at AS reopenedAt, ru.display_name AS reopenedBy, p.reopen_reason AS reopenReason
   FROM stock_periods p LEFT JOIN users cu ON cu.id = p.closed_by LEFT JOIN users ru ON ru.id = p.reopened_by`,
);
const firstMonthWithMoves = sql<{ month: string | null }>('SELECT min(month) AS month FROM stock_monthly');
const movesPerMonth = sql<{ month: string; n: number }>(
  'SELECT month, sum(moves) AS n FROM stock_monthly GROUP BY month',
);
/** An open stocktake with a line counted before `endsAt`: its adjustments would be dated in the month. */
const openCountBefore = sql<Pick<typeof stockCounts.$inferSelect, 'number'>, [endsAt: number]>(
  `SELECT c.number FROM stock_counts c WHERE c.status = 'open'
     AND EXISTS (SELECT 1 FROM stock_count_lines l WHERE l.count_id = c.id AND l.counted_at < ?)
   ORDER BY c.started_at LIMIT 1`,
);
const periodStatus = sql<Pick<Period, 'status'>, [month: string]>('SELECT status FROM stock_periods WHERE month = ?');
const closeMonth = sql<never, [month: string, endsAt: number, at: number, by: string | null]>(
  `INSERT INTO stock_periods (month, status, ends_at, closed_at, closed_by) VALUES (?, 'closed', ?, ?, ?)
   ON CONFLICT(month) DO UPDATE SET status = 'closed', ends_at = excluded.ends_at,
     closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
);
const LEDGER_OF_MONTH = `SELECT item_id, area_id, kind, sum(qty) AS q, sum(value) AS v, count(*) AS c FROM stock_moves
  WHERE occurred_at >= @from AND occurred_at < @to AND substr(day, 1, 7) = @month GROUP BY item_id, area_id, kind`;
/** How many of a month's per item, area and kind totals differ from its ledger rows (either way). */
const totalsOffLedger = sql<{ n: number }, [{ from: number; to: number; month: string }]>(
  `SELECT
     (SELECT count(*) FROM (${LEDGER_OF_MONTH}) l LEFT JOIN stock_monthly t
        ON t.month = @month AND t.item_id = l.item_id AND t.area_id = l.area_id AND t.kind = l.kind
      WHERE t.qty IS NULL OR t.qty <> l.q OR t.value <> l.v OR t.moves <> l.c)
   + (SELECT count(*) FROM stock_monthly t WHERE t.month = @month AND t.moves <> 0 AND NOT EXISTS (
        SELECT 1 FROM (${LEDGER_OF_MONTH}) l WHERE l.item_id = t.item_id AND l.area_id = t.area_id AND l.kind = t.kind))
   AS n`,
);
const savedCostsOf = sql<PeriodCost & { itemId: string }, [month: string]>(
  'SELECT item_id AS itemId, qty, value, last_qty AS lastQty, last_value AS lastValue FROM stock_period_costs WHERE month = ?',
);
const movedPerItem = sql<Pick<typeof stockMoves.$inferSelect, 'itemId' | 'qty' | 'value'>, [from: number, to: number]>(
  `SELECT item_id AS itemId, sum(qty) AS qty, sum(value) AS value FROM stock_moves
   WHERE occurred_at >= ? AND occurred_at < ? GROUP BY item_id`,
);
const itemMovesBetween = sql<
  Pick<typeof stockMoves.$inferSelect, 'qty' | 'value'>,
  [itemId: string, from: number, to: number]
>(
  'SELECT qty, value FROM stock_moves WHERE item_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, seq',
);
const saveCost = sql<
  never,
  [month: string, itemId: string, qty: number, value: number, lastQty: number, lastValue: number]
>(
  `INSERT INTO stock_period_costs (month, item_id, qty, value, last_qty, last_value) VALUES (?, ?, ?, ?, ?, ?)
   ON CONFLICT(month, item_id) DO UPDATE SET qty = excluded.qty, value = excluded.value,
     last_qty = excluded.last_qty, last_value = excluded.last_value`,
);
const reopenMonth = sql<never, [at: number, by: string | null, reason: string, month: string]>(
  "UPDATE stock_periods SET status = 'reopened', reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE month = ?",
);
const dropSavedCosts = sql<never, [month: string]>('DELETE FROM stock_period_costs WHERE month = ?');

const tzOf = (ctx: Ctx) => storeRow(ctx.db)?.timezone ?? 'UTC';
const currentMonth = (ctx: Ctx) => dayKeyer(tzOf(ctx))(ctx.now).slice(0, 7);
/** The first instant after `month` in the store's time zone. */
const endOf = (ctx: Ctx, month: string) => dayStart(firstDay(addMonths(month, 1)), tzOf(ctx));

function lastClosed(ctx: Ctx): string | null {
  return lastClosedPeriod.get(ctx.sqlite)?.month ?? null;
}

function firstMovementMonth(ctx: Ctx): string | null {
  return firstMonthWithMoves.get(ctx.sqlite)!.month;
}

/** Every month from the first with movements (or a period row) to the current one, newest first. */
export function listPeriods(ctx: Ctx): PeriodRow[] {
  const current = currentMonth(ctx);
  const stored = storedPeriods.all(ctx.sqlite);
  const byMonth = new Map(stored.map((p) => [p.month, p]));
  const moves = new Map(movesPerMonth.all(ctx.sqlite).map((r) => [r.month, r.n]));
  const first = [firstMovementMonth(ctx), ...stored.map((p) => p.month), current]
    .filter((m): m is string => !!m)
    .sort()[0]!;
  const latest = lastClosed(ctx);
  const out: PeriodRow[] = [];
  for (let m = current; m >= first; m = addMonths(m, -1)) {
    const p = byMonth.get(m);
    const closed = p?.status === 'closed';
    out.push({
      month: m,
      state: closed ? 'closed' : m === current ? 'current' : 'open',
      moves: moves.get(m) ?? 0,
      closedAt: toIso(p?.closedAt ?? null),
      closedBy: p?.closedBy ?? null,
      reopenedAt: toIso(p?.reopenedAt ?? null),
      reopenedBy: p?.reopenedBy ?? null,
      reopenReason: p?.reopenReason ?? '',
      canClose: !closed && m < current,
      canReopen: closed && m === latest,
    });
  }
  return out;
}

/**
 * Closes `month` and every open month before it, oldest first, each checked
 * on its own: it has passed, no open stocktake was counted in it (its
 * adjustments would be dated there), and its monthly totals are exactly its
 * movements. The state of each item's moving average at the month's end is
 * kept, so a later costing replay starts there instead of rewriting the month.
 */
export function closePeriods(ctx: Ctx, i: { month: string }): PeriodRow[] {
  const current = currentMonth(ctx);
  if (i.month >= current) fieldError('VALIDATION', 'error.periods.notPast', 'month', { month: i.month, current });
  const latest = lastClosed(ctx);
  if (latest && i.month <= latest) {
    fieldError('CONFLICT', 'error.periods.alreadyClosed', 'month', { month: i.month, latest });
  }
  const start = latest ? addMonths(latest, 1) : [firstMovementMonth(ctx) ?? i.month, i.month].sort()[0]!;
  let prev = latest;
  for (let m = start; m <= i.month; m = addMonths(m, 1)) {
    closeOne(ctx, m, prev);
    prev = m;
  }
  return listPeriods(ctx);
}

function closeOne(ctx: Ctx, month: string, prev: string | null): void {
  const endsAt = endOf(ctx, month);
  const open = openCountBefore.get(ctx.sqlite, endsAt);
  if (open) throw new AppError('CONFLICT', 'error.periods.openCount', { month, number: open.number });
  if (!totalsMatchLedger(ctx, month)) throw new AppError('CONFLICT', 'error.periods.inconsistent', { month });
  const items = saveCostSnapshot(ctx, month, prev, endsAt);
  const before = periodStatus.get(ctx.sqlite, month);
  closeMonth.run(ctx.sqlite, month, endsAt, ctx.now, ctx.user?.id ?? null);
  ctx.changed({
    table: 'stock_periods',
    id: month,
    op: before ? 'update' : 'insert',
    values: { status: 'closed', endsAt, items },
    before: before ? { status: before.status } : undefined,
  });
}

/**
 * The month's per item, area and kind totals (what every report reads) equal
 * its ledger rows. Posting keeps them so in one transaction; a difference
 * means the database was changed outside the app, and closing would freeze it.
 */
function totalsMatchLedger(ctx: Ctx, month: string): boolean {
  const tz = tzOf(ctx);
  // The month's rows by their business day; the time range (a day wider each side) only lets the index find them.
  const from = dayStart(firstDay(month), tz) - 86_400_000;
  const to = endOf(ctx, month) + 86_400_000;
  return totalsOffLedger.get(ctx.sqlite, { from, to, month })!.n === 0;
}

/**
 * Each item's cost state at `endsAt`: the previous closed month's state plus
 * this month's rows (their stored values). Where stock ends at or below zero
 * the last positive average is needed, which only the rows in order tell.
 */
function saveCostSnapshot(ctx: Ctx, month: string, prev: string | null, endsAt: number): number {
  const prevEnds = prev ? endOf(ctx, prev) : 0;
  const base = new Map<string, CostState>();
  if (prev) {
    for (const { itemId, ...s } of savedCostsOf.all(ctx.sqlite, prev)) base.set(itemId, s);
  }
  const sums = movedPerItem.all(ctx.sqlite, prevEnds, endsAt);
  const states = new Map(base);
  for (const s of sums) {
    const start = base.get(s.itemId) ?? emptyCost();
    const qty = start.qty + s.qty;
    const value = start.value + s.value;
    if (qty > 0) {
      states.set(s.itemId, { qty, value, lastQty: qty, lastValue: value });
      continue;
    }
    const state = { ...start };
    for (const r of itemMovesBetween.all(ctx.sqlite, s.itemId, prevEnds, endsAt)) applyMove(state, r.qty, r.value);
    states.set(s.itemId, state);
  }
  for (const [itemId, s] of states) saveCost.run(ctx.sqlite, month, itemId, s.qty, s.value, s.lastQty, s.lastValue);
  return states.size;
}

/**
 * Reopens the latest closed month (only that one: the closed months stay a
 * run), with the reason kept on the month and in the audit entry. Its saved
 * cost states go: a replay may reach into it again.
 */
export function reopenPeriod(ctx: Ctx, i: { month: string; reason: string }): PeriodRow[] {
  const latest = lastClosed(ctx);
  if (!latest || i.month !== latest) {
    fieldError('CONFLICT', latest ? 'error.periods.reopenLatest' : 'error.periods.notClosed', 'month', {
      month: i.month,
      latest: latest ?? '',
    });
  }
  reopenMonth.run(ctx.sqlite, ctx.now, ctx.user?.id ?? null, i.reason, i.month);
  dropSavedCosts.run(ctx.sqlite, i.month);
  ctx.changed({
    table: 'stock_periods',
    id: i.month,
    op: 'update',
    values: { status: 'reopened', reason: i.reason },
    before: { status: 'closed' },
  });
  return listPeriods(ctx);
}
