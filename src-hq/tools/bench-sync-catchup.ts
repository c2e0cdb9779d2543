import { sql } from 'drizzle-orm';
import { replicatedTable } from '../../src-shared/sync/tables';
import { rows as pgRows, type HqDbKind } from '../db/client';
import { mirrorSpec, storeColumns } from '../db/columns';
import { bulkInsert, LoadSampler, profiled, round, startBenchHq, timed } from './bench-sync-lib';
import { enroll, hqItems, openBenchStore, postLedger, storeArea, type BenchStore } from './bench-sync-store';

/**
 * Catch-up: a store enrolled with HQ goes offline, posts `entries` ledger
 * movements through its real posting path (the outbox triggers capture each
 * one in the posting's transaction), then its real sync worker pushes them
 * all to HQ on loopback. Baseline, same run, same HQ database: the same rows
 * written into HQ's stock_moves mirror (under two other store ids) by plain
 * multi-row INSERTs, once before and once after the catch-up.
 */
export interface CatchUpFigures {
  kind: HqDbKind;
  entries: number;
  generateMs: number;
  syncMs: number;
  entriesPerS: number;
  baselineMs: [number, number];
  baselinePerS: number;
  /** bulk-insert throughput / sync throughput: how many times faster the plain insert was. */
  ratio: number;
  /** CPU time of this process (the store and HQ, both here) over the catch-up's wall time. */
  nodeCpuShare: number;
  load: { min: number; max: number; mean: number };
}

const STOCK_MOVES = replicatedTable('stock_moves')!;

export async function catchUp(
  kind: HqDbKind,
  entries: number,
  log: (s: string) => void,
  after?: (store: BenchStore) => Promise<void>,
): Promise<CatchUpFigures> {
  const hq = await startBenchHq(kind);
  const store = await openBenchStore();
  const load = new LoadSampler();
  try {
    const items = await hqItems(hq, 200);
    const area = storeArea(store);
    await enroll(store, hq, 'CATCHUP');
    // HQ keys a store's mirrored rows by the store's own id (adopted at enrollment).
    const storeId = store.sql<{ id: string }>('SELECT id FROM store')[0]!.id;
    const pulled = store.sql<{ n: number }>('SELECT count(*) AS n FROM items')[0]!.n;
    if (pulled < items.length) throw new Error(`only ${pulled} of ${items.length} items arrived at the store`);
    log(`  ${kind}: store enrolled, ${pulled} items pulled; posting ${entries} movements offline...`);
    const gen = await timed(() => postLedger(store, items, area, entries));
    const waiting = store.sql<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')[0]!.n;
    if (waiting < entries) throw new Error(`the outbox holds ${waiting} entries for ${entries} movements`);
    log(
      `  ${kind}: posted in ${round(gen.ms / 1000)} s (${Math.round(entries / (gen.ms / 1000))}/s); ${waiting} entries waiting`,
    );

    // The baseline's rows: the store's own rows, in HQ's mirror columns.
    const cols = storeColumns(STOCK_MOVES).map((c) => c.name);
    const local = store.sql<Record<string, unknown>>('SELECT * FROM stock_moves');
    const spec = mirrorSpec('stock_moves')!;
    const baseline = async (code: string) => {
      const other = await hq.createStore(code);
      const now = Date.now();
      const rowsFor = local.map((r, i) => ({ ...r, store_id: other.storeId, hq_seq: i + 1, hq_received_at: now }));
      return (await timed(() => bulkInsert(hq.db, spec.sqlName, [...cols, 'hq_seq', 'hq_received_at'], rowsFor))).ms;
    };

    load.start();
    const before = await baseline('BASE-A');
    log(`  ${kind}: baseline bulk insert ${round(before / 1000, 2)} s`);
    const cpu0 = process.cpuUsage();
    const sync = await profiled(`catchup-${kind}`, () => store.syncNow());
    const cpu = process.cpuUsage(cpu0);
    const left = store.sql<{ n: number }>('SELECT count(*) AS n FROM sync_outbox')[0]!.n;
    const [atHq] = await pgRows<{ n: number }>(
      hq.db.db,
      sql`SELECT count(*)::int AS n FROM mirror.stock_moves WHERE store_id = ${storeId}`,
    );
    if (left !== 0 || atHq!.n !== local.length) {
      throw new Error(
        `catch-up incomplete: ${left} entries left at the store, ${atHq!.n} of ${local.length} rows at HQ`,
      );
    }
    const afterMs = await baseline('BASE-B');
    const l = load.stop();
    const entriesPerS = waiting / (sync.ms / 1000);
    const baselinePerS = local.length / ((before + afterMs) / 2 / 1000);
    log(
      `  ${kind}: catch-up ${round(sync.ms / 1000, 2)} s, ${Math.round(entriesPerS)} entries/s (Node CPU ${round((cpu.user + cpu.system) / 1000 / sync.ms, 2)} of a core); baseline ${round(before / 1000, 2)} / ${round(afterMs / 1000, 2)} s; load ${l.min}-${l.max}`,
    );
    if (after) await after(store);
    return {
      kind,
      entries: waiting,
      generateMs: Math.round(gen.ms),
      syncMs: Math.round(sync.ms),
      entriesPerS: Math.round(entriesPerS),
      baselineMs: [Math.round(before), Math.round(afterMs)],
      baselinePerS: Math.round(baselinePerS),
      ratio: round(baselinePerS / entriesPerS, 2),
      nodeCpuShare: round((cpu.user + cpu.system) / 1000 / sync.ms, 2),
      load: l,
    };
  } finally {
    store.close();
    await hq.close();
  }
}
