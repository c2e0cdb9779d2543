import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { postMoves } from '../stock/post';
import { storeRow } from '../store/settings';
import { addDays, dayKeyer, dayStart } from '../../../src-shared/time';
import { ensureDefaultReasons } from '../ops/reason-codes';
import { randomItem, rng, simulateItemDay, type SimItem, type SimMove } from './store-simulation';

/** The kitchen requisitions stock every few days; one step covers this many days of use. */
const STEP_DAYS = 4;

/**
 * A year of movements for the demo store's items, posted through postMoves
 * (so balances, costs and the daily/monthly totals are exactly what real use
 * makes): deliveries, kitchen issues and sales depletion every few days, waste
 * with reasons, and a posted stocktake at each month end. Lot-tracked items
 * are left out (their issues would need FEFO lot picks). Runs in the caller's
 * transaction; skipped when the store already has any movement, so it is safe
 * to call on every `--demo` start. Returns the number of movements posted.
 */
export function seedDemoMovements(ctx: Ctx): number {
  if (ctx.sqlite.prepare('SELECT 1 FROM stock_moves LIMIT 1').get()) return 0;
  const items = ctx.sqlite
    .prepare(
      'SELECT id, base_unit AS unit, storage_area_id AS areaId FROM items WHERE active = 1 AND lot_tracked = 0 ORDER BY code',
    )
    .all() as { id: string; unit: 'g' | 'ml' | 'pc'; areaId: string | null }[];
  if (!items.length) return 0;
  const fallbackArea = defaultArea(ctx);
  const activeAreas = new Set(
    (ctx.sqlite.prepare('SELECT id FROM storage_areas WHERE active = 1').all() as { id: string }[]).map((a) => a.id),
  );
  ensureDefaultReasons(ctx, 'waste');
  const r = rng(20261127);
  const sims: SimItem[] = items.map((it) => {
    const s = randomItem(r, it.id, it.areaId && activeAreas.has(it.areaId) ? it.areaId : fallbackArea, it.unit);
    // Demo quantities stay human: a small restaurant, a few kg a day.
    s.dailyUse = Math.max(1000, Math.round(s.dailyUse / 4000) * 1000) * STEP_DAYS;
    s.coverDays = Math.max(2, Math.ceil(s.coverDays / STEP_DAYS));
    s.reorderDays = 1;
    return s;
  });
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const today = dayKeyer(tz)(ctx.now);
  const first = addDays(today, -365);
  const insCount = ctx.sqlite.prepare(
    `INSERT INTO stock_counts (id, number, status, scope, blind, started_at, started_by, posted_at, posted_by, note)
     VALUES (?, ?, 'posted', '{"areaIds":[],"categories":[]}', 0, ?, NULL, ?, NULL, '')`,
  );
  const insLine = ctx.sqlite.prepare(
    `INSERT INTO stock_count_lines (id, count_id, item_id, area_id, lot, book_qty, counted_qty, entry, counted_at, counted_by, recount)
     VALUES (?, ?, ?, ?, '', ?, ?, '', ?, NULL, 0)`,
  );
  let posted = 0;
  let counts = 0;
  for (let d = 0; d < 365; d += STEP_DAYS) {
    const day = addDays(first, d);
    const start = dayStart(day, tz);
    const date = new Date(`${day}T00:00:00Z`);
    // The step that contains a month's last day records that month's stocktake.
    const monthEnds = Array.from({ length: STEP_DAYS }, (_, k) => addDays(day, k)).some(
      (x) => addDays(x, 1).endsWith('-01') && x < today,
    );
    const countId = monthEnds ? uuidv7(start) : undefined;
    const moves: SimMove[] = [];
    for (const it of sims)
      simulateItemDay(
        it,
        { start, month: date.getUTCMonth(), weekday: date.getUTCDay(), countId, salesShare: 0.3 },
        r,
        moves,
      );
    const live = moves.filter((m) => m.occurredAt <= ctx.now);
    if (live.length) postMoves(ctx, live);
    posted += live.length;
    if (countId) {
      const at = start + 23 * 3600_000;
      insCount.run(countId, `PD-${day.slice(0, 7)}-${String(++counts).padStart(2, '0')}`, at - 3600_000, at + 3600_000);
      const adj = new Map(moves.filter((m) => m.kind === 'count_adjust').map((m) => [m.itemId, m.qty]));
      for (const it of sims)
        insLine.run(uuidv7(at), countId, it.id, it.areaId, it.onHand - (adj.get(it.id) ?? 0), it.onHand, at);
    }
  }
  return posted;
}

/** The first active storage area, or a main store room made for the demo when the store has none. */
function defaultArea(ctx: Ctx): string {
  const a = ctx.sqlite
    .prepare('SELECT id FROM storage_areas WHERE active = 1 ORDER BY sort_order, code LIMIT 1')
    .get() as { id: string } | undefined;
  if (a) return a.id;
  const id = uuidv7(ctx.now);
  ctx.sqlite
    .prepare(
      "INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at) VALUES (?, 'MAIN', '主库房', 'Main store room', 0, 1, ?, ?)",
    )
    .run(id, ctx.now, ctx.now);
  return id;
}
