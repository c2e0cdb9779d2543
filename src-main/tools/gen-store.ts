import { dynamicSql, sql, type Conn } from '../db/sql';
import { applyMove, emptyCost, moveValue, type CostState } from '../services/stock/costing';
import { addDays, dayStart, monthOf } from '../../src-shared/time';
import { randomItem, rng, simulateItemDay, type SimItem, type SimMove } from '../services/demo/store-simulation';
import { seedBuiltIns } from '../services/system/seeds';

export interface GenOptions {
  items: number;
  days: number;
  /** Movements to aim for (the sales depletion share is tuned day by day to reach it). */
  moves: number;
  /** Last business day of the data (default: yesterday in the store's zone). */
  lastDay: string;
  timeZone: string;
  userId: string | null;
  seed: number;
  log: (msg: string) => void;
}

const AREAS = [
  ['COOL', '冷藏库', 'Walk-in cooler'],
  ['FRZ', '冷冻库', 'Freezer'],
  ['DRY', '干货库', 'Dry store'],
  ['BAR', '吧台', 'Bar'],
  ['VEG', '蔬果间', 'Produce room'],
  ['SUP', '物料间', 'Supplies room'],
] as const;
/** [code, 中文, English, base unit, home area index] */
const CATEGORIES = [
  ['meat', '肉类', 'Meat', 'g', 1],
  ['seafood', '水产', 'Seafood', 'g', 1],
  ['veg', '蔬菜', 'Vegetables', 'g', 4],
  ['fruit', '水果', 'Fruit', 'g', 4],
  ['dairy', '乳品', 'Dairy', 'ml', 0],
  ['dry', '干货', 'Dry goods', 'g', 2],
  ['sauce', '调味品', 'Sauces', 'ml', 2],
  ['drinks', '酒水', 'Drinks', 'ml', 3],
  ['frozen', '冻品', 'Frozen food', 'g', 1],
  ['pack', '包材', 'Packaging', 'pc', 5],
] as const;

// The generator writes millions of rows, so it stays on hand-written SQL (named statements from db/sql.ts,
// multi-row INSERTs through dynamicSql) rather than drizzle's builder, which costs several times more per row.
const ledgerIndexes = sql<{ name: string; sql: string }>(
  "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('stock_moves', 'stock_daily', 'stock_monthly')",
);
const insertArea = sql<
  never,
  [id: string, code: string, nameZh: string, nameEn: string, sortOrder: number, createdAt: number, updatedAt: number]
>(
  'INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
);
const insertCategory = sql<
  never,
  [id: string, code: string, nameZh: string, nameEn: string, sortOrder: number, createdAt: number, updatedAt: number]
>(
  'INSERT INTO item_categories (id, code, name_zh, name_en, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
);
const insertItem = sql<
  never,
  [
    id: string,
    code: string,
    nameZh: string,
    nameEn: string,
    category: string,
    baseUnit: string,
    areaId: string | undefined,
    shelfOrder: number,
    createdAt: number,
    updatedAt: number,
  ]
>(
  `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, storage_area_id, shelf_order, lot_tracked, created_at, updated_at)
   VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, ?)`,
);
const insertPostedCount = sql<
  never,
  [id: string, number: string, startedAt: number, startedBy: string | null, postedAt: number, postedBy: string | null]
>(
  `INSERT INTO stock_counts (id, number, status, scope, blind, started_at, started_by, posted_at, posted_by, note)
   VALUES (?, ?, 'posted', '{"areaIds":[],"categories":[]}', 0, ?, ?, ?, ?, '')`,
);
const insertCountedLine = sql<
  never,
  [
    id: string,
    countId: string,
    itemId: string,
    areaId: string,
    bookQty: number,
    countedQty: number,
    countedAt: number,
    countedBy: string | null,
  ]
>(
  `INSERT INTO stock_count_lines (id, count_id, item_id, area_id, lot, book_qty, counted_qty, entry, counted_at, counted_by, recount)
   VALUES (?, ?, ?, ?, '', ?, ?, '', ?, ?, 0)`,
);
const lastMoveSeq = sql<{ m: number }>('SELECT coalesce(max(seq), 0) AS m FROM stock_moves');
const insertBalance = sql<never, [itemId: string, areaId: string, qty: number, updatedAt: number]>(
  "INSERT INTO stock_balances (item_id, area_id, lot, expiry, qty, updated_at) VALUES (?, ?, '', NULL, ?, ?)",
);
const insertItemCost = sql<
  never,
  [
    itemId: string,
    qty: number,
    value: number,
    lastQty: number,
    lastValue: number,
    lastOccurredAt: number,
    lastSeq: number,
  ]
>(
  'INSERT INTO item_costs (item_id, qty, value, last_qty, last_value, last_occurred_at, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
);

/**
 * Writes a realistic store's master data and movements straight into the
 * database: the same rows postMoves would write (ledger with moving-average
 * values from costing.ts, balances, item costs, daily and monthly totals), but
 * with totals accumulated in memory and flushed once per day/month, and one
 * transaction per day. Movements are generated in time order per item, so the
 * values equal what postMoves (and its back-dating replay) compute.
 */
export function generateStore(sqlite: Conn, o: GenOptions) {
  const r = rng(o.seed);
  const now = Date.now();
  const firstDay = addDays(o.lastDay, 1 - o.days);
  const newId = fastIds(r);
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1000000');
  sqlite.pragma('temp_store = MEMORY');
  // Every reference is made here from rows just written; checking each of millions costs more than the insert.
  sqlite.pragma('foreign_keys = OFF');
  // No other connection is open: a rollback journal in memory instead of the WAL (switched back at the end).
  sqlite.pragma('journal_mode = MEMORY');
  // Building the secondary indexes once, sorted, at the end is several times faster than keeping them
  // up to date row by row; they are recreated from their own definitions, so the schema is unchanged.
  const indexes = ledgerIndexes.all(sqlite);
  for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`);

  const areaIds = AREAS.map(([code, zh, en], i) => {
    const id = newId(now);
    insertArea.run(sqlite, id, code, zh, en, i, now, now);
    return id;
  });
  CATEGORIES.forEach(([code, zh, en], i) => insertCategory.run(sqlite, newId(now), code, zh, en, i, now, now));
  // The built-in rows (waste reasons among them) a started backend would seed.
  seedBuiltIns(sqlite, now);
  const sims: SimItem[] = [];
  sqlite.transaction(() => {
    for (let i = 0; i < o.items; i++) {
      const [cat, zh, en, unit, area] = CATEGORIES[i % CATEGORIES.length]!;
      const id = newId(now);
      const n = String(i + 1).padStart(5, '0');
      insertItem.run(sqlite, id, `G${n}`, `${zh}${n}`, `${en} ${n}`, cat, unit, areaIds[area], i, now, now);
      sims.push(randomItem(r, id, areaIds[area]!, unit));
    }
  })();

  const insMove = batcher(
    sqlite,
    `INSERT INTO stock_moves (id, item_id, area_id, kind, qty, value, lot, expiry, occurred_at, day, posted_at, user_id,
       reason, doc_type, doc_id, reverses_seq, note) VALUES`,
    "(?, ?, ?, ?, ?, ?, '', NULL, ?, ?, ?, ?, ?, ?, ?, NULL, '')",
  );
  const insDaily = batcher(
    sqlite,
    'INSERT INTO stock_daily (item_id, area_id, day, kind, qty, value, moves) VALUES',
    '(?, ?, ?, ?, ?, ?, ?)',
  );
  const insMonthly = batcher(
    sqlite,
    'INSERT INTO stock_monthly (item_id, area_id, month, kind, qty, value, moves) VALUES',
    '(?, ?, ?, ?, ?, ?, ?)',
  );

  type Tot = [qty: number, value: number, moves: number];
  const costs = new Map<string, { s: CostState; lastAt: number; lastSeq: number }>(
    sims.map((s) => [s.id, { s: emptyCost(), lastAt: 0, lastSeq: 0 }]),
  );
  const balances = new Map<string, number>();
  let monthly = new Map<string, Tot>();
  const add = (m: Map<string, Tot>, k: string, q: number, v: number) => {
    const t = m.get(k);
    if (t) {
      t[0] += q;
      t[1] += v;
      t[2]++;
    } else m.set(k, [q, v, 1]);
  };
  const flush = (m: Map<string, Tot>, b: Batcher, period: string) => {
    for (const [k, [q, v, n]] of m) {
      const [item, area, kind] = k.split('|');
      b.add(item, area, period, kind, q, v, n);
    }
    b.flush();
  };
  // A few entries keyed in days after they happened (forgotten delivery notes): posted_at later than occurred_at.
  const backDated = new Set(Array.from({ length: 25 }, () => Math.floor(r() * o.days)));

  let total = 0;
  let salesShare = 1;
  // Rowids of a rowid table are max + 1 in insertion order, so the seq of each row is known without asking.
  let seq = lastMoveSeq.get(sqlite)!.m;
  let countNo = 0;
  const t0 = Date.now();
  const days = o.days;
  for (let di = 0; di < days; di++) {
    const day = addDays(firstDay, di);
    const start = dayStart(day, o.timeZone);
    const date = new Date(`${day}T00:00:00Z`);
    const monthEnd = addDays(day, 1).slice(8) === '01';
    const countId = monthEnd ? newId(start) : undefined;
    const ctxDay = { start, month: date.getUTCMonth(), weekday: date.getUTCDay(), countId, salesShare };
    const moves: SimMove[] = [];
    const daily = new Map<string, Tot>();
    const counted = new Map<string, number>();
    sqlite.transaction(() => {
      for (const it of sims) simulateItemDay(it, ctxDay, r, moves);
      let late = backDated.has(di) ? 1 : 0;
      for (const m of moves) {
        const c = costs.get(m.itemId)!;
        // Signed like the ledger: receipts in, usage out, count adjustments carry their own sign.
        const qty = m.kind === 'receipt' || m.kind === 'count_adjust' ? m.qty : 0 - m.qty;
        const value = moveValue(c.s, { kind: m.kind, qty, value: m.value ?? 0, fixedValue: false });
        const postedAt =
          late && m.kind === 'receipt' ? (late--, m.occurredAt + (2 + Math.floor(r() * 8)) * 86_400_000) : m.occurredAt;
        insMove.add(
          newId(m.occurredAt),
          m.itemId,
          m.areaId,
          m.kind,
          qty,
          value,
          m.occurredAt,
          day,
          postedAt,
          o.userId,
          m.reason ?? '',
          m.docType ?? '',
          m.docId ?? '',
        );
        seq++;
        applyMove(c.s, qty, value);
        c.lastAt = m.occurredAt;
        c.lastSeq = seq;
        const k = `${m.itemId}|${m.areaId}|${m.kind}`;
        add(daily, k, qty, value);
        add(monthly, k, qty, value);
        const bk = `${m.itemId}|${m.areaId}`;
        balances.set(bk, (balances.get(bk) ?? 0) + qty);
        if (m.kind === 'count_adjust') counted.set(m.itemId, qty);
      }
      insMove.flush();
      flush(daily, insDaily, day);
      if (countId) {
        const at = start + 23 * 3600_000;
        insertPostedCount.run(
          sqlite,
          countId,
          `C${day.slice(0, 7).replace('-', '')}-${String(++countNo).padStart(3, '0')}`,
          at - 3600_000,
          o.userId,
          at + 3600_000,
          o.userId,
        );
        for (const it of sims) {
          const adj = counted.get(it.id) ?? 0;
          insertCountedLine.run(sqlite, newId(at), countId, it.id, it.areaId, it.onHand - adj, it.onHand, at, o.userId);
        }
      }
      if (monthEnd || di === days - 1) {
        flush(monthly, insMonthly, monthOf(day));
        monthly = new Map();
      }
    })();
    total += moves.length;
    // Steer the share of separately recorded sales so the data set lands near the requested size.
    const wantPerDay = (o.moves - total) / Math.max(1, days - di - 1);
    const perDay = moves.length;
    salesShare = Math.min(1, Math.max(0, salesShare + ((wantPerDay - perDay) / o.items) * 2));
    if (di % 30 === 29)
      o.log(
        `  ${day}: ${total.toLocaleString('en')} movements, ${Math.round(total / ((Date.now() - t0) / 1000)).toLocaleString('en')}/s`,
      );
  }

  sqlite.transaction(() => {
    for (const [k, q] of balances) {
      const [item, area] = k.split('|');
      insertBalance.run(sqlite, item!, area!, q, now);
    }
    for (const [id, c] of costs)
      insertItemCost.run(sqlite, id, c.s.qty, c.s.value, c.s.lastQty, c.s.lastValue, c.lastAt, c.lastSeq);
  })();
  const ti = Date.now();
  for (const ix of indexes) sqlite.exec(ix.sql);
  o.log(`  indexes rebuilt in ${((Date.now() - ti) / 1000).toFixed(1)} s`);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return {
    moves: total,
    items: sims.length,
    areas: areaIds.length,
    firstDay,
    lastDay: o.lastDay,
    seconds: (Date.now() - t0) / 1000,
  };
}

/**
 * UUIDv7-shaped ids (time, version, variant as the app makes them) without a
 * crypto call per row: the random bits come from the seeded generator plus a
 * counter, which keeps them unique within the data set.
 */
function fastIds(r: () => number): (ms: number) => string {
  let n = 0;
  const hex = (v: number, len: number) => v.toString(16).padStart(len, '0');
  return (ms) => {
    n++;
    const h = hex(ms, 12);
    const a = Math.floor(r() * 0x1000);
    const b = 0x8000 | Math.floor(r() * 0x4000);
    return `${h.slice(0, 8)}-${h.slice(8)}-7${hex(a, 3)}-${hex(b, 4)}-${hex(Math.floor(r() * 0x1000), 3)}${hex(n, 9)}`;
  };
}

interface Batcher {
  add(...values: unknown[]): void;
  flush(): void;
}

/** Multi-row INSERTs of 64 rows: one call into SQLite per batch instead of per row (about 40% faster here). */
function batcher(sqlite: Conn, head: string, tuple: string, size = 64): Batcher {
  const many = dynamicSql<never>(sqlite, `${head} ${Array(size).fill(tuple).join(', ')}`);
  const one = dynamicSql<never>(sqlite, `${head} ${tuple}`);
  const width = (tuple.match(/\?/g) ?? []).length;
  let buf: unknown[] = [];
  return {
    add(...values) {
      for (const v of values) buf.push(v);
      if (buf.length === size * width) {
        many.run(buf);
        buf = [];
      }
    },
    flush() {
      for (let i = 0; i < buf.length; i += width) one.run(buf.slice(i, i + width));
      buf = [];
    },
  };
}
