/**
 * Chain views benchmark (issue 12), each figure beside a baseline measured in
 * the same run (docs/benchmarks.md, "Chain views (issue 12)"):
 *   bench-chain [--stores 100] [--items 3000] [--months 3] [--runs 7] [--kinds postgres] [--json FILE]
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
    const all = data.storeIds;
    const month = addMonths(today.slice(0, 7), -1);

    const stock = await bench(() => chainStock(q, all, { cells: true }));
    const stockPlain = await bench(() =>
      rows(q, sql`SELECT store_id, item_id, qty, value FROM chain_item_balances WHERE store_id = ${ids(all)}`),
    );
    const stockLedger = await timed(() =>
      rows(q, sql`SELECT store_id, item_id, sum(qty), sum(value) FROM mirror.stock_moves GROUP BY 1, 2`),
    );
    log(
      `  stock on hand, ${all.length} stores x ${stock.value.items.length} items: ${stock.ms} ms (bar 500); ` +
        `plain read of the same balances ${stockPlain.ms} ms; summed from the ledger ${round(stockLedger.ms)} ms`,
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
      kind,
      stores: all.length,
      items: o.items,
      months: data.months,
      moves: data.moves,
      runningTotals: sizes[0],
      seedS: round(seed.ms / 1000),
      stock: {
        ms: stock.ms,
        runs: stock.runs,
        plainMs: stockPlain.ms,
        ratio: round(stock.ms / stockPlain.ms, 2),
        ledgerMs: round(stockLedger.ms),
      },
      summary: {
        month,
        ms: summary.ms,
        runs: summary.runs,
        plainMs: summaryPlain.ms,
        ratio: round(summary.ms / summaryPlain.ms, 2),
        perStoreLoopMs: round(loop.ms),
      },
      pages,
      load: load.stop(),
    };
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
