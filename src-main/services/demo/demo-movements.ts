import { storageAreas, type items } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { postMoves } from '../stock/post';
import { storeRow } from '../store/settings';
import { addDays, dayKeyer, dayStart } from '../../../src-shared/time';
import { DEFAULT_DEMO_VARIANT, type DemoVariant } from './store-data';
import { randomItem, rng, simulateItemDay, type SimItem, type SimMove } from './store-simulation';

const anyMove = sql<{ found: 1 }>('SELECT 1 AS found FROM stock_moves LIMIT 1');
/** The items the demo moves: active and not lot-tracked (their issues would need FEFO lot picks). */
const simulatedItems = sql<
  Pick<typeof items.$inferSelect, 'id' | 'storageAreaId'> & { unit: (typeof items.$inferSelect)['baseUnit'] }
>(
  'SELECT id, base_unit AS unit, storage_area_id AS storageAreaId FROM items WHERE active = 1 AND lot_tracked = 0 ORDER BY code',
);
const activeAreaIds = sql<{ id: string }>('SELECT id FROM storage_areas WHERE active = 1 ORDER BY sort_order, code');
const insertPostedCount = sql<never, [id: string, number: string, startedAt: number, postedAt: number]>(
  `INSERT INTO stock_counts (id, number, status, scope, blind, started_at, started_by, posted_at, posted_by, note)
   VALUES (?, ?, 'posted', '{"areaIds":[],"categories":[]}', 0, ?, NULL, ?, NULL, '')`,
);
const insertCountedLine = sql<
  never,
  [id: string, countId: string, itemId: string, areaId: string, bookQty: number, countedQty: number, at: number]
>(
  `INSERT INTO stock_count_lines (id, count_id, item_id, area_id, lot, book_qty, counted_qty, entry, counted_at, counted_by, recount)
   VALUES (?, ?, ?, ?, '', ?, ?, '', ?, NULL, 0)`,
);

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
export function seedDemoMovements(ctx: Ctx, variant: DemoVariant = DEFAULT_DEMO_VARIANT): number {
  if (anyMove.get(ctx.sqlite)) return 0;
  const items = simulatedItems.all(ctx.sqlite);
  if (!items.length) return 0;
  const fallbackArea = defaultArea(ctx);
  const activeAreas = new Set(activeAreaIds.all(ctx.sqlite).map((a) => a.id));
  const r = rng(20261127 + variant.seed);
  const sims: SimItem[] = items.map((it) => {
    const s = randomItem(
      r,
      it.id,
      it.storageAreaId && activeAreas.has(it.storageAreaId) ? it.storageAreaId : fallbackArea,
      it.unit,
    );
    // Demo quantities stay human: a small restaurant, a few kg a day.
    s.dailyUse = Math.max(1000, Math.round(s.dailyUse / 4000) * 1000) * STEP_DAYS;
    s.coverDays = Math.max(2, Math.ceil(s.coverDays / STEP_DAYS));
    s.reorderDays = 1;
    s.wasteRate = Math.min(1, s.wasteRate * (variant.wasteScale ?? 1));
    return s;
  });
  const tz = storeRow(ctx.db)?.timezone ?? 'UTC';
  const today = dayKeyer(tz)(ctx.now);
  const first = addDays(today, -variant.days);
  let posted = 0;
  let counts = 0;
  for (let d = 0; d < variant.days; d += STEP_DAYS) {
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
      insertPostedCount.run(
        ctx.sqlite,
        countId,
        `PD-${day.slice(0, 7)}-${String(++counts).padStart(2, '0')}`,
        at - 3600_000,
        at + 3600_000,
      );
      const adj = new Map(moves.filter((m) => m.kind === 'count_adjust').map((m) => [m.itemId, m.qty]));
      for (const it of sims)
        insertCountedLine.run(
          ctx.sqlite,
          uuidv7(at),
          countId,
          it.id,
          it.areaId,
          it.onHand - (adj.get(it.id) ?? 0),
          it.onHand,
          at,
        );
    }
  }
  return posted;
}

/** The first active storage area, or a main store room made for the demo when the store has none. */
function defaultArea(ctx: Ctx): string {
  const a = activeAreaIds.get(ctx.sqlite);
  if (a) return a.id;
  const id = uuidv7(ctx.now);
  ctx.db
    .insert(storageAreas)
    .values({ id, code: 'MAIN', nameZh: '主库房', nameEn: 'Main store room', createdAt: ctx.now, updatedAt: ctx.now })
    .run();
  return id;
}
