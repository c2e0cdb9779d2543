import type { PeriodRow } from '../../../src-shared/api/methods/periods';
import { addMonths, dayKeyer, dayStart, firstDay, toIso } from '../../../src-shared/time';
import { AppError } from '../app-error';
import type { Ctx } from '../context';
import { fieldError } from '../ops/errors';
import { storeRow } from '../store/settings';
import { applyMove, emptyCost, type CostState } from './costing';

interface StoredPeriod {
  month: string;
  status: 'closed' | 'reopened';
  endsAt: number;
  closedAt: number;
  closedBy: string | null;
  reopenedAt: number | null;
  reopenedBy: string | null;
  reopenReason: string;
}

const tzOf = (ctx: Ctx) => storeRow(ctx.db)?.timezone ?? 'UTC';
const currentMonth = (ctx: Ctx) => dayKeyer(tzOf(ctx))(ctx.now).slice(0, 7);
/** The first instant after `month` in the store's time zone. */
const endOf = (ctx: Ctx, month: string) => dayStart(firstDay(addMonths(month, 1)), tzOf(ctx));

function lastClosed(ctx: Ctx): string | null {
  const row = ctx.sqlite
    .prepare("SELECT month FROM stock_periods WHERE status = 'closed' ORDER BY month DESC LIMIT 1")
    .get() as { month: string } | undefined;
  return row?.month ?? null;
}

function firstMovementMonth(ctx: Ctx): string | null {
  const row = ctx.sqlite.prepare('SELECT min(month) AS m FROM stock_monthly').get() as { m: string | null };
  return row.m;
}

/** Every month from the first with movements (or a period row) to the current one, newest first. */
export function listPeriods(ctx: Ctx): PeriodRow[] {
  const current = currentMonth(ctx);
  const stored = ctx.sqlite
    .prepare(
      `SELECT p.month, p.status, p.ends_at AS endsAt, p.closed_at AS closedAt, cu.display_name AS closedBy,
              p.reopened_at AS reopenedAt, ru.display_name AS reopenedBy, p.reopen_reason AS reopenReason
       FROM stock_periods p LEFT JOIN users cu ON cu.id = p.closed_by LEFT JOIN users ru ON ru.id = p.reopened_by`,
    )
    .all() as StoredPeriod[];
  const byMonth = new Map(stored.map((p) => [p.month, p]));
  const moves = new Map(
    (
      ctx.sqlite.prepare('SELECT month, sum(moves) AS n FROM stock_monthly GROUP BY month').all() as {
        month: string;
        n: number;
      }[]
    ).map((r) => [r.month, r.n]),
  );
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
  const open = ctx.sqlite
    .prepare(
      `SELECT c.number FROM stock_counts c WHERE c.status = 'open'
         AND EXISTS (SELECT 1 FROM stock_count_lines l WHERE l.count_id = c.id AND l.counted_at < ?)
       ORDER BY c.started_at LIMIT 1`,
    )
    .get(endsAt) as { number: string } | undefined;
  if (open) throw new AppError('CONFLICT', 'error.periods.openCount', { month, number: open.number });
  if (!totalsMatchLedger(ctx, month)) throw new AppError('CONFLICT', 'error.periods.inconsistent', { month });
  const items = saveCostSnapshot(ctx, month, prev, endsAt);
  const before = ctx.sqlite.prepare('SELECT status FROM stock_periods WHERE month = ?').get(month) as
    { status: string } | undefined;
  ctx.sqlite
    .prepare(
      `INSERT INTO stock_periods (month, status, ends_at, closed_at, closed_by) VALUES (?, 'closed', ?, ?, ?)
       ON CONFLICT(month) DO UPDATE SET status = 'closed', ends_at = excluded.ends_at,
         closed_at = excluded.closed_at, closed_by = excluded.closed_by`,
    )
    .run(month, endsAt, ctx.now, ctx.user?.id ?? null);
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
  const ledger = `SELECT item_id, area_id, kind, sum(qty) AS q, sum(value) AS v, count(*) AS c FROM stock_moves
     WHERE occurred_at >= ? AND occurred_at < ? AND substr(day, 1, 7) = ? GROUP BY item_id, area_id, kind`;
  const row = ctx.sqlite
    .prepare(
      `SELECT
         (SELECT count(*) FROM (${ledger}) l LEFT JOIN stock_monthly t
            ON t.month = ? AND t.item_id = l.item_id AND t.area_id = l.area_id AND t.kind = l.kind
          WHERE t.qty IS NULL OR t.qty <> l.q OR t.value <> l.v OR t.moves <> l.c)
       + (SELECT count(*) FROM stock_monthly t WHERE t.month = ? AND t.moves <> 0 AND NOT EXISTS (
            SELECT 1 FROM (${ledger}) l WHERE l.item_id = t.item_id AND l.area_id = t.area_id AND l.kind = t.kind))
       AS n`,
    )
    .get(from, to, month, month, month, from, to, month) as { n: number };
  return row.n === 0;
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
    const rows = ctx.sqlite
      .prepare(
        'SELECT item_id AS itemId, qty, value, last_qty AS lastQty, last_value AS lastValue FROM stock_period_costs WHERE month = ?',
      )
      .all(prev) as (CostState & { itemId: string })[];
    for (const { itemId, ...s } of rows) base.set(itemId, s);
  }
  const sums = ctx.sqlite
    .prepare(
      `SELECT item_id AS itemId, sum(qty) AS qty, sum(value) AS value FROM stock_moves
       WHERE occurred_at >= ? AND occurred_at < ? GROUP BY item_id`,
    )
    .all(prevEnds, endsAt) as { itemId: string; qty: number; value: number }[];
  const walk = ctx.sqlite.prepare(
    'SELECT qty, value FROM stock_moves WHERE item_id = ? AND occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, seq',
  );
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
    for (const r of walk.all(s.itemId, prevEnds, endsAt) as { qty: number; value: number }[]) {
      applyMove(state, r.qty, r.value);
    }
    states.set(s.itemId, state);
  }
  const ins = ctx.sqlite.prepare(
    `INSERT INTO stock_period_costs (month, item_id, qty, value, last_qty, last_value) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(month, item_id) DO UPDATE SET qty = excluded.qty, value = excluded.value,
       last_qty = excluded.last_qty, last_value = excluded.last_value`,
  );
  for (const [itemId, s] of states) ins.run(month, itemId, s.qty, s.value, s.lastQty, s.lastValue);
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
  ctx.sqlite
    .prepare(
      "UPDATE stock_periods SET status = 'reopened', reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE month = ?",
    )
    .run(ctx.now, ctx.user?.id ?? null, i.reason, i.month);
  ctx.sqlite.prepare('DELETE FROM stock_period_costs WHERE month = ?').run(i.month);
  ctx.changed({
    table: 'stock_periods',
    id: i.month,
    op: 'update',
    values: { status: 'reopened', reason: i.reason },
    before: { status: 'closed' },
  });
  return listPeriods(ctx);
}
