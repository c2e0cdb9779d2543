/**
 * Repairs benchmarks (the repairs issue's bars):
 *   bench-repairs [--work-orders 50000] [--equipment 500] [--runs 7] [--migrations drizzle] [--keep DIR]
 *
 * Method. A temporary database is made through the real migrations (so the
 * real schema and indexes), then filled in one transaction with a store,
 * technicians, 500 pieces of equipment in 8 categories and 50,000 work
 * orders over two years with their events (report, assign, start, resolve,
 * confirm, close; some waiting on parts or the store, some cancelled or
 * reopened). Each row's stored SLA columns come from the same pure module the
 * app uses (src-shared/repairs/sla.ts), computed from its events. About 3 %
 * are still open (the last weeks' tickets, in every state), like a real chain
 * store's backlog. The bars are measured through the real services:
 * - the open work-order list (everything not closed or cancelled, with
 *   equipment, fault name, priority, SLA clocks and age): bar 50 ms;
 * - MTTR/MTBF for a year per equipment and category: bar 300 ms.
 * Each is timed next to a naive baseline computing the same answer without
 * the design's help (no partial index, clocks from the events; N+1 queries
 * per equipment over an unindexed scan). Figures are medians of warm runs
 * after one untimed run; anything a measured call could write runs in a
 * transaction that is rolled back. Not a test: timings are reported, never asserted.
 */
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { slaClock, storeClock, type SlaEvent } from '../../src-shared/repairs/sla';
import { DEFAULT_REPAIR_SETTINGS, suggestPriority, type Criticality } from '../../src-shared/repairs/settings';
import type { WoState } from '../../src-shared/repairs/workflow';
import { openStoreDatabase } from '../db/client';
import * as schema from '../db/schema';
import { sql } from '../db/sql';
import { uuidv7 } from '../lib/ids';
import { createLogger } from '../lib/log';
import { dataPaths } from '../lib/paths';
import { systemContext, type Ctx } from '../services/context';
import { DEFAULT_SETTINGS } from '../services/store/settings';
import { faultSeeds } from '../services/repairs/codes-data';
import { seedBuiltIns } from '../services/system/seeds';
import { today } from '../services/repairs/common';
import { knowledge } from '../services/repairs/knowledge';
import { agingReport, reliabilityReport, slaReport } from '../services/repairs/reports';
import { getWorkOrder, listWorkOrders } from '../services/repairs/wo-read';
import { reliability } from '../../src-shared/repairs/reliability';
import { addDays } from '../../src-shared/repairs/pm-schedule';

// The data set is 50,000 work orders with their events, written in one transaction: hand-written INSERTs
// (named statements from db/sql.ts), not drizzle's builder, which costs several times more per row.
type Wo = typeof schema.workOrders.$inferSelect;
const insertStore = sql<never, [id: string, settings: string, createdAt: number, updatedAt: number]>(
  `INSERT INTO store (id, code, name, address, timezone, currency, settings, created_at, updated_at)
   VALUES (?, 'BJ-007', 'Bench store', '', 'Asia/Shanghai', 'CNY', ?, ?, ?)`,
);
const insertUser = sql<
  never,
  [id: string, username: string, displayName: string, role: string, createdAt: number, updatedAt: number]
>(
  `INSERT INTO users (id, username, display_name, role, auth_kind, secret_hash, created_at, updated_at)
   VALUES (?, ?, ?, ?, 'pin', 'x', ?, ?)`,
);
const insertEquipment = sql<
  never,
  [
    id: string,
    code: string,
    name: string,
    category: string,
    make: string,
    model: string,
    serialNo: string,
    criticality: string,
    storeId: string,
    installDay: string,
    createdAt: number,
    updatedAt: number,
  ]
>(
  `INSERT INTO equipment (id, code, name, category, location, make, model, serial_no, criticality, store_id, install_day, created_at, updated_at)
   VALUES (?, ?, ?, ?, 'Kitchen', ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const WO_COLUMNS = `id, store_id, number, kind, equipment_id, fault_code, description, down, down_start, up_at, priority, suggested_priority,
  status, waiting_reason, assignee_user_id, reported_by, reported_at, responded_at, resolved_at, confirmed_at, closed_at,
  cancelled_at, resolution, resolution_code, root_cause_code, response_target_ms, response_due_at, response_left_ms,
  response_met, response_breached_at, resolution_target_ms, resolution_due_at, resolution_left_ms, resolution_met,
  resolution_breached_at, created_at, updated_at`;
/** One value per column of WO_COLUMNS, in its order (37 of them: named in the list, not repeated here). */
const insertWorkOrder = sql<never, unknown[]>(
  `INSERT INTO work_orders (${WO_COLUMNS}) VALUES (${WO_COLUMNS.split(',')
    .map(() => '?')
    .join(', ')})`,
);
const insertEvent = sql<
  never,
  [
    id: string,
    workOrderId: string,
    at: number,
    userId: string,
    action: string,
    fromStatus: string | null,
    toStatus: string,
    waitingReason: string | null,
  ]
>(
  `INSERT INTO work_order_events (id, work_order_id, at, user_id, action, from_status, to_status, waiting_reason, note, data)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', '{}')`,
);
const dataSet = sql<{ wo: number; ev: number; eq: number; open: number }>(
  `SELECT (SELECT count(*) FROM work_orders) AS wo, (SELECT count(*) FROM work_order_events) AS ev,
          (SELECT count(*) FROM equipment) AS eq, (SELECT count(*) FROM work_orders WHERE status NOT IN ('closed', 'cancelled')) AS open`,
);
const openListPlan = sql<{ detail: string }>(
  "EXPLAIN QUERY PLAN SELECT id FROM work_orders w WHERE w.status NOT IN ('closed', 'cancelled')",
);
const someClosedOrder = sql<{ id: string; eq: string; f: string }>(
  "SELECT id, equipment_id AS eq, fault_code AS f FROM work_orders WHERE status = 'closed' LIMIT 1",
);
const userIdByName = sql<{ id: string }, [username: string]>('SELECT id FROM users WHERE username = ?');
// The naive baselines: the same answers without the design's help (no partial index, no stored clocks, N+1).
const naiveOpenOrders = sql<
  Pick<Wo, 'id'> & { reported_at: number; response_target_ms: number; resolution_target_ms: number }
>(
  `SELECT w.*, e.code, e.name, f.name_en FROM work_orders w NOT INDEXED JOIN equipment e ON e.id = w.equipment_id
   LEFT JOIN fault_codes f ON f.code = w.fault_code WHERE w.status NOT IN ('closed', 'cancelled')`,
);
const naiveEventsOf = sql<SlaEvent, [workOrderId: string]>(
  'SELECT at, to_status AS "to", waiting_reason AS waitingReason FROM work_order_events WHERE work_order_id = ? AND from_status IS NOT NULL',
);
const allEquipment = sql<Pick<typeof schema.equipment.$inferSelect, 'id' | 'category'>>(
  'SELECT id, category FROM equipment',
);
const naiveFailuresOf = sql<
  Pick<Wo, 'equipmentId' | 'reportedAt' | 'downStart' | 'upAt'> & { down: 0 | 1 },
  [equipmentId: string]
>(
  `SELECT equipment_id AS equipmentId, reported_at AS reportedAt, down, down_start AS downStart, up_at AS upAt
   FROM work_orders NOT INDEXED WHERE equipment_id = ? AND kind = 'corrective' AND status <> 'cancelled'`,
);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const N_WO = Number(arg('work-orders', '50000'));
const N_EQ = Number(arg('equipment', '500'));
const RUNS = Number(arg('runs', '7'));
const keep = process.argv.includes('--keep');
const dir = keep ? resolve(arg('keep', 'bench-repairs')) : mkdtempSync(join(tmpdir(), 'bench-repairs-'));
const log = createLogger({ dir: join(dir, 'logs') });
const database = await openStoreDatabase({
  paths: dataPaths(dir),
  migrationsFolder: resolve(arg('migrations', 'drizzle')),
  log,
});
const { sqlite } = database;
const db = drizzle(sqlite, { schema });
const NOW = Date.now();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const admin = { id: uuidv7(NOW), username: 'bench', displayName: 'Bench', role: 'admin' as const };
function ctx(): Ctx {
  return systemContext({ db, sqlite, host: {} as never, log, client: 'bench', now: NOW, user: admin, locale: 'en' });
}

/** mulberry32, as the other generators. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------ data set
const genStart = performance.now();
const r = rng(50_000);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const CATS = ['refrigeration', 'cooking', 'dishwashing', 'ventilation', 'hvac', 'plumbing', 'it', 'scales'];
const CRIT: Criticality[] = ['low', 'medium', 'medium', 'high', 'critical'];
sqlite.transaction(() => {
  const storeId = uuidv7(NOW);
  insertStore.run(sqlite, storeId, JSON.stringify(DEFAULT_SETTINGS), NOW, NOW);
  insertUser.run(sqlite, admin.id, admin.username, admin.displayName, 'admin', NOW, NOW);
  const techs = Array.from({ length: 12 }, (_, i) => {
    const id = uuidv7(NOW);
    insertUser.run(sqlite, id, `tech${i}`, `Tech ${i}`, 'technician', NOW, NOW);
    return id;
  });
  const clerks = Array.from({ length: 20 }, (_, i) => {
    const id = uuidv7(NOW);
    insertUser.run(sqlite, id, `clerk${i}`, `Clerk ${i}`, 'clerk', NOW, NOW);
    return id;
  });
  seedBuiltIns(sqlite, NOW);
  const faults = faultSeeds().filter((f) => f.parentCode !== null);
  const eqs = Array.from({ length: N_EQ }, (_, i) => {
    const id = uuidv7(NOW);
    const category = CATS[i % CATS.length]!;
    const criticality = pick(CRIT);
    insertEquipment.run(
      sqlite,
      id,
      `BJ007-E${String(i + 1).padStart(4, '0')}`,
      `Unit ${i + 1}`,
      category,
      `Make${i % 7}`,
      `M-${i % 40}`,
      `SN${i}`,
      criticality,
      storeId,
      '2023-01-01',
      NOW,
      NOW,
    );
    return { id, category, criticality, faults: faults.filter((f) => f.category === category) };
  });
  const span = 730 * DAY;
  const times = Array.from({ length: N_WO }, () => NOW - span * Math.pow(r(), 0.9)).sort((a, b) => a - b);
  const OPEN_STOPS: WoState[] = ['submitted', 'triaged', 'assigned', 'in_progress', 'waiting', 'resolved'];
  times.forEach((t0, n) => {
    const eq = pick(eqs);
    const down = r() < 0.4;
    const priority = suggestPriority(eq.criticality, down);
    const targets = DEFAULT_REPAIR_SETTINGS.sla[priority];
    const id = uuidv7(NOW);
    const reporter = pick(clerks);
    const tech = pick(techs);
    const recent = NOW - t0 < 20 * DAY;
    let stop: WoState | null = recent && r() < 0.7 ? pick(OPEN_STOPS) : null;
    // Resolved tickets wait for the store at most the auto-confirm window (3 days); older ones were confirmed.
    if (stop === 'resolved' && NOW - t0 > 2 * DAY) stop = null;
    const events: { at: number; action: string; from: WoState | null; to: WoState; reason?: string; user: string }[] = [
      { at: t0, action: 'report', from: null, to: 'submitted', user: reporter },
    ];
    let t = t0;
    let state = 'submitted' as WoState;
    const go = (action: string, to: WoState, dt: number, user: string, reason?: string) => {
      t = Math.min(t + dt, NOW - MIN);
      events.push({ at: t, action, from: state, to, reason, user });
      state = to;
    };
    const cancelled = r() < 0.03;
    if (cancelled) go('cancel', 'cancelled', 20 * MIN, admin.id);
    else if (stop !== 'submitted') {
      if (r() < 0.5) go('triage', 'triaged', (5 + r() * 60) * MIN, admin.id);
      if (stop !== 'triaged') {
        go('assign', 'assigned', (5 + r() * 120) * MIN, admin.id);
        if (stop !== 'assigned') {
          go('start', 'in_progress', (10 + r() * 180) * MIN, tech);
          if (stop === 'waiting' || r() < 0.15) {
            go('wait', 'waiting', 30 * MIN, tech, pick(['parts', 'vendor', 'store']));
            if (stop !== 'waiting') go('resume', 'in_progress', (2 + r() * 40) * HOUR, tech);
          }
          if (stop !== 'waiting' && stop !== 'in_progress') {
            go('resolve', 'resolved', (30 + r() * 600) * MIN, tech);
            if (stop !== 'resolved') {
              go('confirm', 'confirmed', (1 + r() * 40) * HOUR, reporter);
              go('close', 'closed', (1 + r() * 5) * DAY, admin.id);
            }
          }
        }
      }
    }
    const sla: SlaEvent[] = events
      .slice(1)
      .map((e) => ({ at: e.at, to: e.to, waitingReason: (e.reason as never) ?? null }));
    const rc = storeClock(slaClock('response', t0, sla, targets.responseMinutes * MIN, NOW, 80));
    const sc = storeClock(slaClock('resolution', t0, sla, targets.resolutionMinutes * MIN, NOW, 80));
    const at = (s: WoState) => events.find((e) => e.to === s)?.at ?? null;
    const resolvedAt = at('resolved');
    const fault = pick(eq.faults);
    const b = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
    insertWorkOrder.run(
      sqlite,
      id,
      storeId,
      `WO-${new Date(t0).getUTCFullYear()}-${String(n + 1).padStart(6, '0')}`,
      'corrective',
      eq.id,
      fault?.code ?? 'GEN-OTHER',
      'Generated',
      down ? 1 : 0,
      down ? t0 : null,
      down ? (resolvedAt ?? (cancelled ? t : null)) : null,
      priority,
      priority,
      state,
      state === 'waiting' ? (events.at(-1)!.reason ?? null) : null,
      state === 'submitted' || state === 'triaged' || cancelled ? null : tech,
      reporter,
      t0,
      at('assigned'),
      resolvedAt,
      at('confirmed'),
      at('closed'),
      at('cancelled'),
      resolvedAt ? 'Fixed' : '',
      resolvedAt ? pick(['clean', 'replace_part', 'adjust', 'reset']) : '',
      resolvedAt ? pick(['wear', 'dirt', 'misuse']) : '',
      targets.responseMinutes * MIN,
      rc.dueAt,
      rc.leftMs,
      b(rc.met),
      rc.breachedAt,
      targets.resolutionMinutes * MIN,
      sc.dueAt,
      sc.leftMs,
      b(sc.met),
      sc.breachedAt,
      t0,
      t,
    );
    for (const e of events)
      insertEvent.run(sqlite, uuidv7(NOW), id, e.at, e.user, e.action, e.from, e.to, e.reason ?? null);
  });
})();
sqlite.pragma('optimize');
const genMs = performance.now() - genStart;

// ------------------------------------------------------------------ timing
function time(fn: () => unknown, runs = RUNS): number {
  fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}
function rolledBack<T>(fn: () => T): T {
  sqlite.exec('BEGIN');
  try {
    return fn();
  } finally {
    sqlite.exec('ROLLBACK');
  }
}
function record(
  bar: string,
  limit: number | null,
  figure: number,
  detail: string,
  baseline: number | null,
  what: string,
) {
  const ok = limit === null ? '    ' : figure <= limit ? 'MET ' : 'MISS';
  const ratio = baseline ? `${(baseline / figure).toFixed(1)}x` : '-';
  console.log(
    `${ok} ${bar.padEnd(46)} ${figure.toFixed(1).padStart(8)} ms${limit === null ? '          ' : ` (bar ${limit})`.padEnd(10)} ` +
      `baseline ${baseline === null ? '-' : baseline.toFixed(1) + ' ms'} ${ratio}  ${detail}${what ? ` [baseline: ${what}]` : ''}`,
  );
}

const stats = dataSet.get(sqlite)!;
console.log(
  `Data set: ${stats.eq} equipment, ${stats.wo.toLocaleString('en')} work orders (${stats.open} open), ` +
    `${stats.ev.toLocaleString('en')} events; generated in ${(genMs / 1000).toFixed(1)} s`,
);
console.log(
  `Machine: ${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);

// 1. The open work-order list.
{
  const list = () => rolledBack(() => listWorkOrders(ctx(), { scope: 'open', limit: 5000 }));
  const rows = list().rows.length;
  const figure = time(list);
  // Naive: no partial index (scan the table) and no stored clocks (compute both from each row's events, read by index).
  const naive = () => {
    const ws = naiveOpenOrders.all(sqlite);
    return ws.map((w) => {
      const events = naiveEventsOf.all(sqlite, w.id);
      return [
        slaClock('response', w.reported_at, events, w.response_target_ms, NOW, 80),
        slaClock('resolution', w.reported_at, events, w.resolution_target_ms, NOW, 80),
      ];
    });
  };
  const base = time(naive, 1);
  record(
    'Open work-order list (all open, with SLA)',
    50,
    figure,
    `${rows} rows`,
    base,
    "table scan, clocks from each row's events",
  );
  const plan = openListPlan.all(sqlite);
  console.log(`     plan: ${plan.map((p) => p.detail).join('; ')}`);
}

// 2. MTTR / MTBF for a year.
{
  const to = today(ctx());
  const from = addDays(to, -364);
  const figure = time(() => reliabilityReport(ctx(), { from, to }));
  const rep = reliabilityReport(ctx(), { from, to });
  // Naive: one unindexed query per equipment for its failures, then the same formulas.
  const naive = () => {
    const eqs = allEquipment.all(sqlite);
    const start = NOW - 365 * DAY;
    return eqs.map((e) => {
      const fs = naiveFailuresOf.all(sqlite, e.id).map((f) => ({ ...f, down: f.down === 1 }));
      return reliability([{ ...e, inServiceFrom: null }], fs, start, NOW, NOW);
    });
  };
  const base = time(naive, 1);
  record(
    `MTTR/MTBF ${from}..${to}`,
    300,
    figure,
    `${rep.perEquipment.length} equipment, ${rep.total.failures} failures, MTTR ${rep.total.mttrMinutes} min`,
    base,
    'N+1 unindexed queries per equipment',
  );
}

// 3. Other reads a screen makes (no bars).
{
  const to = today(ctx());
  const from = addDays(to, -364);
  const some = someClosedOrder.get(sqlite)!;
  record(
    'Work-order detail (events, costs, SLA)',
    null,
    time(() => rolledBack(() => getWorkOrder(ctx(), { id: some.id }))),
    '',
    null,
    '',
  );
  record(
    'Knowledge lookup (same model and fault)',
    null,
    time(() => knowledge(ctx(), { equipmentId: some.eq, faultCode: some.f })),
    '',
    null,
    '',
  );
  record(
    'SLA compliance, one year',
    null,
    time(() => slaReport(ctx(), { from, to })),
    '',
    null,
    '',
  );
  record(
    'Open work orders by age',
    null,
    time(() => agingReport(ctx())),
    '',
    null,
    '',
  );
  record(
    "Technician's own list (assigned, open)",
    null,
    time(() =>
      rolledBack(() =>
        listWorkOrders(
          {
            ...ctx(),
            user: {
              ...admin,
              id: userIdByName.get(sqlite, 'tech1')!.id,
            },
          },
          { scope: 'assigned', limit: 1000 },
        ),
      ),
    ),
    '',
    null,
    '',
  );
}

database.close();
if (!keep) rmSync(dir, { recursive: true, force: true });
