/**
 * Inventory benchmarks (issue 3) on a generated data set (see gen.ts):
 *   bench-inventory --data-dir DIR [--runs 7]
 * Each bar is measured together with a naive baseline that computes the same
 * answer from the ledger, in the same run. Figures are medians of warm runs
 * (after one untimed run). Writes are done inside a transaction that is rolled
 * back, so the data set is the same for every run of the bench.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { applyPragmas } from '../db/client';
import * as schema from '../db/schema';
import type { Ctx } from '../services/context';
import { createLogger } from '../lib/log';
import { addDays, firstDay, monthOf } from '../services/reports/periods';
import { periodSummary } from '../services/reports/summary';
import { valuationAt } from '../services/reports/valuation';
import { dayStart } from '../services/stock/day';
import { postMoves, type MoveInput } from '../services/stock/post';
import { movesPage, onHand } from '../services/stock/queries';
import { replayItem } from '../services/stock/replay';
import { stockStatements } from '../services/stock/statements';
import { NO_DEVICES } from '../services/devices/hub';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const RUNS = Number(arg('runs', '7'));
const dir = resolve(arg('data-dir', 'bench-data'));
const sqlite = new Database(join(dir, 'store.sqlite'));
applyPragmas(sqlite);
const db = drizzle(sqlite, { schema });
const TZ = 'Asia/Shanghai';

function ctx(): Ctx {
  return {
    db,
    sqlite,
    now: Date.now(),
    user: null,
    sessionTokenHash: null,
    sessionExpiresAt: null,
    locale: 'en',
    caller: { loopback: true, client: 'bench' },
    host: {} as never,
    log: createLogger({ dir: '/tmp' }) as never,
    changed: () => undefined,
    setSession: () => undefined,
    devices: NO_DEVICES,
  };
}

function time(fn: () => unknown, runs = RUNS): { median: number; first: number } {
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)]!, first };
}

/** Runs `fn` inside a transaction that is always rolled back. */
function rolledBack<T>(fn: () => T): T {
  sqlite.exec('BEGIN');
  try {
    return fn();
  } finally {
    sqlite.exec('ROLLBACK');
  }
}

interface Result {
  bar: string;
  limit: number;
  figure: number;
  detail: string;
  baseline: number | null;
  baselineWhat: string;
}
const results: Result[] = [];
function record(
  bar: string,
  limit: number,
  figure: number,
  detail: string,
  baseline: number | null,
  baselineWhat: string,
) {
  results.push({ bar, limit, figure, detail, baseline, baselineWhat });
  const ratio = baseline ? `${(baseline / figure).toFixed(1)}x` : '-';
  console.log(
    `${figure <= limit ? 'MET ' : 'MISS'} ${bar.padEnd(52)} ${figure.toFixed(1).padStart(9)} ms (bar ${limit} ms) ` +
      `baseline ${baseline === null ? '-' : baseline.toFixed(1) + ' ms'} ${ratio}  ${detail}`,
  );
}

const stats = sqlite
  .prepare(
    'SELECT (SELECT count(*) FROM stock_moves) AS moves, (SELECT count(*) FROM items) AS items, (SELECT min(day) FROM stock_moves) AS first, (SELECT max(day) FROM stock_moves) AS last',
  )
  .get() as { moves: number; items: number; first: string; last: string };
console.log(
  `Data set: ${stats.items} items, ${stats.moves.toLocaleString('en')} movements, ${stats.first}..${stats.last}`,
);
console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
const area = (sqlite.prepare("SELECT id FROM storage_areas WHERE code = 'COOL'").get() as { id: string }).id;

// 1. Stock on hand.
{
  const all = time(() => onHand(ctx(), {}));
  const one = time(() => onHand(ctx(), { areaId: area }));
  const naiveAll = time(
    () => sqlite.prepare('SELECT item_id, area_id, lot, sum(qty) FROM stock_moves GROUP BY 1, 2, 3').all(),
    1,
  );
  const naiveOne = time(
    () => sqlite.prepare('SELECT item_id, lot, sum(qty) FROM stock_moves WHERE area_id = ? GROUP BY 1, 2').all(area),
    1,
  );
  const rows = onHand(ctx(), {}).length;
  record(
    'Stock on hand, all items, all areas',
    50,
    all.median,
    `${rows} rows`,
    naiveAll.median,
    'SUM over stock_moves',
  );
  record(
    'Stock on hand, all items, one area',
    50,
    one.median,
    `${onHand(ctx(), { areaId: area }).length} rows`,
    naiveOne.median,
    'SUM over stock_moves of the area',
  );
}

// 2. Period summary, one year.
const to = stats.last;
const from = addDays(to, -364);
{
  const s = time(() => periodSummary(ctx(), { from, to }));
  const naive = time(
    () =>
      sqlite
        .prepare(
          'SELECT item_id, kind, day < ? AS before, sum(qty), sum(value) FROM stock_moves WHERE day <= ? GROUP BY 1, 2, 3',
        )
        .all(from, to),
    1,
  );
  record(
    `Period summary ${from}..${to}, all items`,
    1000,
    s.median,
    `${periodSummary(ctx(), { from, to }).rows.length} items`,
    naive.median,
    'GROUP BY over the ledger',
  );
  const cat = time(() => periodSummary(ctx(), { from, to, areaId: area }));
  record('Period summary, one year, one area', 1000, cat.median, '', null, '');
}

// 3. Valuation at a past date (mid-month, about 8 months back).
{
  const day = addDays(to, -250);
  const v = time(() => valuationAt(ctx(), { day }));
  const end = dayStart(addDays(day, 1), TZ);
  const naive = time(
    () =>
      sqlite
        .prepare('SELECT item_id, sum(qty), sum(value) FROM stock_moves WHERE occurred_at < ? GROUP BY item_id')
        .all(end),
    1,
  );
  record(
    `Valuation at ${day}`,
    1000,
    v.median,
    `${valuationAt(ctx(), { day }).length} items`,
    naive.median,
    'SUM over the ledger up to the date',
  );
}

// 4. Movement history pages.
{
  const item = (sqlite.prepare('SELECT id FROM items ORDER BY code LIMIT 1 OFFSET 1234').get() as { id: string }).id;
  const filters: [string, object][] = [
    ['no filter', {}],
    ['one item', { itemId: item }],
    [
      'waste, one month',
      {
        kind: 'waste',
        from: firstDay(monthOf(addDays(to, -60))),
        to: addDays(firstDay(monthOf(addDays(to, -60))), 27),
      },
    ],
    ['one area + kind receipt', { areaId: area, kind: 'receipt' }],
  ];
  let worst = 0;
  const details: string[] = [];
  for (const [name, f] of filters) {
    const m = time(() => movesPage(ctx(), { limit: 100, ...f }));
    worst = Math.max(worst, m.median);
    details.push(`${name} ${m.median.toFixed(1)}`);
  }
  // Page 51 by keyset: fetch the cursor first, then time the page.
  let after: { occurredAt: string; seq: number } | null = null;
  for (let p = 0; p < 50; p++) after = movesPage(ctx(), { limit: 100, after }).next;
  const deep = time(() => movesPage(ctx(), { limit: 100, after }));
  worst = Math.max(worst, deep.median);
  details.push(`page 51 (keyset) ${deep.median.toFixed(1)}`);
  const naive = time(
    () =>
      sqlite
        .prepare(
          `SELECT m.*, i.code FROM stock_moves m JOIN items i ON i.id = m.item_id ORDER BY m.occurred_at DESC, m.seq DESC LIMIT 100 OFFSET 500000`,
        )
        .all(),
    1,
  );
  record(
    'Movement history page (100 rows), worst filter',
    50,
    worst,
    details.join('; '),
    naive.median,
    'OFFSET paging, page 5001',
  );
}

// 5. Stocktake posting (proxy) and saving one count line.
{
  const items = sqlite
    .prepare('SELECT b.item_id AS itemId, b.area_id AS areaId FROM stock_balances b WHERE b.qty > 10000 LIMIT 5000')
    .all() as {
    itemId: string;
    areaId: string;
  }[];
  const lines: MoveInput[] = Array.from({ length: 5000 }, (_, i) => ({
    ...items[i % items.length]!,
    kind: 'count_adjust',
    qty: i % 2 ? 1000 : -1000,
    docType: 'count',
    docId: 'bench',
  }));
  const post = time(() => rolledBack(() => postMoves(ctx(), lines)), 3);
  record(
    'Post a 5,000-line stocktake (proxy: 5,000 count_adjust)',
    2000,
    post.median,
    'postMoves in one transaction, rolled back',
    null,
    '',
  );
  const line = sqlite.prepare('SELECT id FROM stock_count_lines ORDER BY rowid DESC LIMIT 1').get() as { id: string };
  const upd = sqlite.prepare('UPDATE stock_count_lines SET counted_qty = ?, entry = ?, counted_at = ? WHERE id = ?');
  let n = 0;
  const save = time(() => sqlite.transaction(() => upd.run(12_345 + n++, '12.345 kg', Date.now(), line.id))(), 20);
  record(
    'Save one count line (committed, synchronous=FULL)',
    20,
    save.median,
    'UPDATE of one line in its own transaction',
    null,
    '',
  );
}

// 6. Back-dated movement six months back.
{
  const st = stockStatements(sqlite);
  const item = sqlite
    .prepare('SELECT item_id AS itemId, area_id AS areaId FROM stock_balances WHERE qty > 0 LIMIT 1 OFFSET 777')
    .get() as {
    itemId: string;
    areaId: string;
  };
  const at = dayStart(addDays(to, -182), TZ) + 9 * 3600_000;
  let changed = 0;
  const back = time(
    () =>
      rolledBack(() => {
        postMoves(ctx(), [{ ...item, kind: 'receipt', qty: 5_000_000, value: 400_000, occurredAt: at }]);
        changed = (
          sqlite
            .prepare('SELECT count(*) AS n FROM stock_moves WHERE item_id = ? AND occurred_at >= ?')
            .get(item.itemId, at) as { n: number }
        ).n;
      }),
    5,
  );
  const fullItem = time(() => rolledBack(() => replayItem(st, item.itemId, 0)), 3);
  const sample = (sqlite.prepare('SELECT id FROM items LIMIT 100').all() as { id: string }[]).map((r) => r.id);
  const t = performance.now();
  rolledBack(() => sample.forEach((id) => replayItem(st, id, 0)));
  const allItems = ((performance.now() - t) / sample.length) * stats.items;
  record(
    'Back-dated receipt 6 months back, costs replayed',
    500,
    back.median,
    `${changed} later rows of the item revalued; full replay of the item ${fullItem.median.toFixed(1)} ms; all items (extrapolated from 100) ${(allItems / 1000).toFixed(1)} s`,
    allItems,
    'full replay of all items',
  );
}

// 7. Posting throughput.
{
  const items = sqlite
    .prepare('SELECT item_id AS itemId, area_id AS areaId FROM stock_balances WHERE qty > 20000000')
    .all() as {
    itemId: string;
    areaId: string;
  }[];
  const BATCH = 1000;
  const BATCHES = 10;
  const batch = (b: number): MoveInput[] =>
    Array.from({ length: BATCH }, (_, i) => ({
      ...items[(b * BATCH + i * 7) % items.length]!,
      kind: 'issue',
      qty: 1000,
    }));
  const t = time(
    () =>
      rolledBack(() => {
        for (let b = 0; b < BATCHES; b++) postMoves(ctx(), batch(b));
      }),
    3,
  );
  const perSec = (BATCH * BATCHES) / (t.median / 1000);
  const ins = sqlite.prepare(
    `INSERT INTO stock_moves (id, item_id, area_id, kind, qty, value, lot, expiry, occurred_at, day, posted_at, user_id, reason, doc_type, doc_id, reverses_seq, note)
     VALUES (?, ?, ?, 'issue', -1000, 0, '', NULL, ?, ?, ?, NULL, '', '', '', NULL, '')`,
  );
  let k = 0;
  const plain = time(
    () =>
      rolledBack(() => {
        for (let b = 0; b < BATCHES; b++)
          for (const m of batch(b)) ins.run(`bench-${k++}`, m.itemId, m.areaId, Date.now(), to, Date.now());
      }),
    3,
  );
  const plainPerSec = (BATCH * BATCHES) / (plain.median / 1000);
  results.push({
    bar: 'Posting throughput (movements/s, batches of 1,000)',
    limit: 5000,
    figure: perSec,
    detail: `${BATCHES} batches`,
    baseline: plainPerSec,
    baselineWhat: 'plain INSERTs of the same rows',
  });
  console.log(
    `${perSec >= 5000 ? 'MET ' : 'MISS'} Posting throughput ${Math.round(perSec)} movements/s (bar 5000/s); plain INSERTs ${Math.round(plainPerSec)}/s (${(plainPerSec / perSec).toFixed(1)}x)`,
  );
}

writeFileSync(
  resolve('.tmp/bench-inventory.json'),
  JSON.stringify(
    { stats, results, machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version } },
    null,
    2,
  ),
);
sqlite.close();
