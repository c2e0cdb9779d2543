/**
 * Chain views benchmark (issue 12), each figure beside a baseline measured in
 * the same run (docs/benchmarks.md, "Chain views (issue 12)"):
 *   bench-chain [--parts reads,ingest] [--stores 100] [--items 3000] [--months 3] [--runs 7]
 *               [--ingest-batches 50] [--kinds postgres] [--json FILE]
 * Run from the project root (it reads drizzle-hq/). PostgreSQL starts a
 * private cluster (tests/helpers/postgres.ts).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { addMonths, dayKeyer } from '../../src-shared/time';
import { rows, type HqDbKind, type Q } from '../db/client';
import { createHqUser } from '../services/auth/users';
import { chainStock } from '../services/chain/stock';
import { chainSummary } from '../services/chain/summary';
import { seedChain } from './bench-chain-data';
import { LoadSampler, machine, median, round, startBenchHq, stopPostgres, timed } from './bench-sync-lib';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const num = (name: string, fallback: number) => Number(arg(name, String(fallback)));
const log = (s: string) => console.log(s);
const RUNS = num('runs', 7);
const parts = new Set(arg('parts', 'reads,ingest').split(','));

/** Median of `RUNS` timed runs after one warm-up. */
async function bench<T>(fn: () => Promise<T>): Promise<{ ms: number; runs: number[]; value: T }> {
  let value: T = await fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(fn);
    runs.push(round(r.ms));
    value = r.value;
  }
  return { ms: round(median(runs)), runs, value };
}

const ids = (storeIds: readonly string[]) => sql`ANY(string_to_array(${storeIds.join(',')}, ','))`;

/** HQ's web API over HTTP with an admin's session, as the pages call it. */
async function apiClient(url: string, q: Q) {
  await createHqUser(
    q,
    { username: 'bench', displayName: 'Bench', role: 'admin', password: 'bench password 1' },
    Date.now(),
  );
  const login = await fetch(`${url}/api/session.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'bench password 1' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async (method: string, input: unknown) => {
    const res = await fetch(`${url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify(input),
    });
    const text = await res.text();
    const body = JSON.parse(text) as { ok: boolean; error?: unknown };
    if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
    return text.length;
  };
}

/**
 * What the running totals cost the sync's ingest: batches of 1,000 ledger rows
 * written by multi-row INSERTs into the seeded mirror (one statement per
 * batch, as the push writes a batch), with the chain triggers, then the same
 * number without them (disabled for the measurement, on other ids).
 */
async function ingestCost(b: Awaited<ReturnType<typeof startBenchHq>>, storeId: string, day: string, batches: number) {
  const q = b.hq.ctx.db;
  let seq = 10_000_000;
  const write = async (tag: string) =>
    timed(async () => {
      for (let i = 0; i < batches; i++) {
        const from = seq;
        seq += 1_000;
        await q.execute(sql`
          INSERT INTO mirror.stock_moves (store_id, seq, id, item_id, area_id, kind, qty, value, lot, occurred_at, day,
                                          posted_at, hq_seq, hq_received_at)
          SELECT ${storeId}, ${from}::bigint + g, ${tag} || '-' || (${from}::bigint + g), 'item-' || lpad((1 + g * 7 % 3000)::text, 5, '0'),
                 ${storeId} || '-a1', 'issue', -1000, -10000, '', 0, ${day}, 0, 1, 0
          FROM generate_series(1, 1000) g`);
      }
    });
  const withTriggers = await write('with');
  await q.execute(sql`ALTER TABLE mirror.stock_moves DISABLE TRIGGER USER`);
  const without = await write('without').finally(() =>
    q.execute(sql`ALTER TABLE mirror.stock_moves ENABLE TRIGGER USER`),
  );
  const rows = batches * 1_000;
  return {
    rows,
    withPerS: Math.round(rows / (withTriggers.ms / 1000)),
    withoutPerS: Math.round(rows / (without.ms / 1000)),
    ratio: round(withTriggers.ms / without.ms, 2),
  };
}

/** The reads: each bar's query, its baselines, and the API calls each page makes over HTTP. */
async function reads(b: Awaited<ReturnType<typeof startBenchHq>>, all: string[], today: string) {
  const q = b.hq.ctx.db;
  const month = addMonths(today.slice(0, 7), -1);

  const stock = await bench(() => chainStock(q, all, { cells: true }));
  const stockTotals = await bench(() => chainStock(q, all, { cells: false }));
  const stockPlain = await bench(() =>
    rows(q, sql`SELECT store_id, item_id, qty, value FROM chain_item_balances WHERE store_id = ${ids(all)}`),
  );
  const stockLedger = await timed(() =>
    rows(q, sql`SELECT store_id, item_id, sum(qty), sum(value) FROM mirror.stock_moves GROUP BY 1, 2`),
  );
  log(
    `  stock on hand, ${all.length} stores x ${stock.value.items.length} items: ${stock.ms} ms (bar 500); ` +
      `plain read of the same balances ${stockPlain.ms} ms; summed from the ledger ${round(stockLedger.ms)} ms; ` +
      `chain totals only (the page's default) ${stockTotals.ms} ms`,
  );

  const summary = await bench(() => chainSummary(q, all, { month }));
  const summaryItems = await bench(() => chainSummary(q, all, { month, items: true }));
  const summaryPlain = await bench(() =>
    rows(
      q,
      sql`SELECT store_id, kind, sum(value) FROM chain_store_monthly WHERE month <= ${month} AND store_id = ${ids(all)} GROUP BY 1, 2`,
    ),
  );
  const loop = await timed(async () => {
    for (const id of all) await chainSummary(q, [id], { month });
  });
  const summaryLedger = await timed(() =>
    rows(
      q,
      sql`SELECT store_id, kind, sum(qty), sum(value) FROM mirror.stock_moves WHERE day <= ${`${month}-31`} GROUP BY 1, 2`,
    ),
  );
  const itemsPlain = await bench(() =>
    rows(
      q,
      sql`SELECT item_id, kind, sum(value) FROM chain_item_monthly WHERE month >= ${month} AND store_id = ${ids(all)} GROUP BY 1, 2`,
    ),
  );
  log(
    `  period summary ${month}, ${all.length} stores: ${summary.ms} ms (bar 2000); plain aggregate of the same totals ` +
      `${summaryPlain.ms} ms; per store in a loop ${round(loop.ms)} ms; summed from the ledger ${round(summaryLedger.ms)} ms`,
  );
  log(
    `  the same item by item (${summaryItems.value.items.length} items): ${summaryItems.ms} ms; ` +
      `plain aggregate of the item totals ${itemsPlain.ms} ms`,
  );

  const call = await apiClient(b.hq.url, q);
  const pages: Record<string, { ms: number; bytes: number }> = {};
  const page = async (name: string, calls: [string, unknown][]) => {
    const r = await bench(async () =>
      (await Promise.all(calls.map(([m, i]) => call(m, i)))).reduce((a, n) => a + n, 0),
    );
    pages[name] = { ms: r.ms, bytes: r.value };
    log(`  page ${name}: ${r.ms} ms, ${round(r.value / 1024, 0)} KiB (bar 1000)`);
  };
  await page('stores (baseline: the existing Stores page)', [['stores.list', {}]]);
  await page('dashboard', [['chain.dashboard', { month: today.slice(0, 7) }]]);
  await page('stock on hand', [['chain.stock', {}]]);
  await page('expiring lots', [['chain.expiring', {}]]);
  await page('summary and waste', [
    ['chain.summary', { month }],
    ['chain.waste', { month }],
  ]);
  await page('summary, item by item (its tab)', [['chain.summary', { month, items: true }]]);
  await page('stock on hand, 20 stores side by side', [['chain.stock', { storeIds: all.slice(0, 20) }]]);
  return {
    stock: {
      ms: stock.ms,
      runs: stock.runs,
      plainMs: stockPlain.ms,
      ratio: round(stock.ms / stockPlain.ms, 2),
      ledgerMs: round(stockLedger.ms),
      totalsOnlyMs: stockTotals.ms,
    },
    summary: {
      month,
      ms: summary.ms,
      runs: summary.runs,
      plainMs: summaryPlain.ms,
      ratio: round(summary.ms / summaryPlain.ms, 2),
      perStoreLoopMs: round(loop.ms),
      ledgerMs: round(summaryLedger.ms),
      itemsMs: summaryItems.ms,
      itemsPlainMs: itemsPlain.ms,
      itemsRatio: round(summaryItems.ms / itemsPlain.ms, 2),
    },
    pages,
  };
}

async function run(kind: HqDbKind) {
  const b = await startBenchHq(kind);
  try {
    const q = b.hq.ctx.db;
    const today = dayKeyer('Asia/Shanghai')(Date.now());
    const o = { stores: num('stores', 100), items: num('items', 3_000), months: num('months', 3), today };
    log(`[${kind}] seeding ${o.stores} stores x ${o.items} items, ${o.months} months + this month`);
    const seed = await timed(() => seedChain(b, o, log));
    const data = seed.value;
    const sizes = await rows<{ balances: number; monthly: number; storeMonthly: number; lots: number }>(
      q,
      sql`SELECT (SELECT count(*)::int FROM chain_item_balances) AS balances,
                 (SELECT count(*)::int FROM chain_item_monthly) AS monthly,
                 (SELECT count(*)::int FROM chain_store_monthly) AS "storeMonthly",
                 (SELECT count(*)::int FROM chain_lot_balances) AS lots`,
    );
    log(`  seeded in ${round(seed.ms / 1000)} s: ${data.moves} moves, running totals ${JSON.stringify(sizes[0])}`);
    const load = new LoadSampler();
    load.start();
    const out: Record<string, unknown> = {
      kind,
      stores: data.storeIds.length,
      items: o.items,
      months: data.months,
      moves: data.moves,
      runningTotals: sizes[0],
      seedS: round(seed.ms / 1000),
      foldS: data.foldS,
      foldPerS: Math.round(data.moves / data.foldS),
    };
    if (parts.has('reads')) Object.assign(out, await reads(b, data.storeIds, today));
    if (parts.has('ingest')) {
      const ingest = await ingestCost(b, data.storeIds[0]!, today, num('ingest-batches', 50));
      log(
        `  ingest cost of the running totals: ${ingest.withPerS} rows/s with the triggers, ${ingest.withoutPerS} without ` +
          `(batches of 1,000 rows into the ${data.moves}-row mirror; ratio ${ingest.ratio})`,
      );
      out.ingest = ingest;
    }
    out.load = load.stop();
    return out;
  } finally {
    await b.close();
  }
}

async function main(): Promise<void> {
  const m = machine();
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: m,
    loadAtStart: loadavg().map((n) => round(n)),
  };
  log(`bench-chain: ${m.nproc} CPU (${m.cpu}), Node ${m.node}, load ${results.loadAtStart as number[]}`);
  const out = [];
  for (const kind of arg('kinds', 'postgres').split(',') as HqDbKind[]) out.push(await run(kind));
  results.runs = out;
  results.loadAtEnd = loadavg().map((n) => round(n));
  const json = arg('json', '');
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
  log(JSON.stringify(results, null, 2));
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(stopPostgres);
