import { uuidv7 } from '../../src-main/lib/ids';
import { replicatedTable, rowKey } from '../../src-shared/sync/tables';
import type { HqDbKind } from '../db/client';
import { masterSpec } from '../db/columns';
import { appendChanges } from '../services/master/change-log';
import { completeMasterRow, masterTable } from '../services/master/write';
import { insertRows, LoadSampler, profiled, round, startBenchHq, timed, type BenchHq } from './bench-sync-lib';
import { openBenchStore, type BenchStore } from './bench-sync-store';

/**
 * First master-data download: HQ holds a catalogue of `items` items, each
 * with a purchase unit, a barcode and a supplier's price (50 suppliers),
 * written by a bulk seed that logs every row in the change log exactly as
 * HQ's master writes do (the row completed and checked by completeMasterRow,
 * one change per row, under the change log's lock). A freshly set-up store
 * enrolls and its real worker pulls everything: the clock runs from the
 * enrollment's confirmation to the end of that first sync. Baseline, same
 * run: the same rows written into an empty store database of the same
 * schema by plain multi-row INSERTs.
 */
export interface MasterFigures {
  kind: HqDbKind;
  items: number;
  rows: number;
  seedS: number;
  downloadS: number;
  rowsPerS: number;
  baselineS: number;
  ratio: number;
  /** Node's CPU over the download (store and HQ share the process), in cores. */
  nodeCpuShare: number;
  load: { min: number; max: number; mean: number };
}

type Row = Record<string, unknown>;

function catalogue(n: number): Map<string, Row[]> {
  const suppliers = Array.from({ length: 50 }, (_, i) => ({
    id: uuidv7(),
    code: `SUP${String(i).padStart(3, '0')}`,
    name: `供应商 ${i}`,
    lead_time_days: 2,
  }));
  const items: Row[] = [];
  const units: Row[] = [];
  const barcodes: Row[] = [];
  const prices: Row[] = [];
  for (let i = 0; i < n; i++) {
    const id = uuidv7();
    items.push({
      id,
      code: `M${String(i).padStart(6, '0')}`,
      name_zh: `商品 ${i}`,
      name_en: `Item ${i}`,
      category: 'dry',
      base_unit: 'g',
    });
    units.push({ item_id: id, unit: '箱', factor: 10_000_000, purchase: 1, count: 1 });
    barcodes.push({ barcode: `69${String(10_000_000_000 + i)}`, item_id: id, unit: '箱' });
    prices.push({
      id: uuidv7(),
      supplier_id: suppliers[i % 50]!.id,
      item_id: id,
      supplier_code: `S-${i}`,
      pack_unit: '箱',
      pack_qty: 10_000_000,
      price: 1_000_000 + (i % 977) * 1000,
      preferred: 1,
    });
  }
  return new Map([
    ['items', items],
    ['item_units', units],
    ['item_barcodes', barcodes],
    ['suppliers', suppliers],
    ['supplier_items', prices],
  ]);
}

/** Rows in, with their change-log entries, in transactions of 1,000. */
async function seed(hq: BenchHq, data: Map<string, Row[]>): Promise<void> {
  const at = Date.now();
  for (const table of ['items', 'suppliers', 'item_units', 'item_barcodes', 'supplier_items']) {
    const { t } = masterTable(table);
    const full = data.get(table)!.map((r) => completeMasterRow(table, r));
    const cols = [...Object.keys(full[0]!), 'created_at', 'updated_at'];
    for (let i = 0; i < full.length; i += 1_000) {
      const part = full.slice(i, i + 1_000);
      await hq.hq.ctx.db.transaction(async (tx) => {
        await insertRows(
          tx,
          masterSpec(table)!.sqlName,
          cols,
          part.map((r) => ({ ...r, created_at: at, updated_at: at })),
        );
        await appendChanges(
          tx,
          part.map((r) => ({ tbl: table, rowKey: rowKey(t, r), storeId: null, op: 'upsert' as const, data: r })),
          at,
        );
      });
    }
  }
}

/** The same rows straight into a store database's tables (the store's own columns left to their defaults). */
async function storeBaseline(store: BenchStore, data: Map<string, Row[]>): Promise<number> {
  const sqlite = store.backend.database.sqlite;
  const at = Date.now();
  return (
    await timed(() => {
      sqlite.transaction(() => {
        for (const table of ['items', 'suppliers', 'item_units', 'item_barcodes', 'supplier_items']) {
          const rows = data.get(table)!.map((r) => completeMasterRow(table, r));
          const t = replicatedTable(table)!;
          const cols = [...t.key, ...(t.hqOwned ?? [])];
          const stamps = store
            .sql<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
            .map((c) => c.name);
          const extra = ['created_at', 'updated_at'].filter((c) => stamps.includes(c));
          const all = [...cols, ...extra];
          const per = Math.floor(30_000 / all.length);
          for (let i = 0; i < rows.length; i += per) {
            const part = rows.slice(i, i + per);
            const one = `(${all.map(() => '?').join(', ')})`;
            sqlite
              .prepare(
                `INSERT INTO "${table}" (${all.map((c) => `"${c}"`).join(', ')}) VALUES ${part.map(() => one).join(', ')}`,
              )
              .run(...part.flatMap((r) => [...cols.map((c) => r[c] ?? null), ...extra.map(() => at)]));
          }
        }
      })();
    })
  ).ms;
}

export async function masterDownload(kind: HqDbKind, n: number, log: (s: string) => void): Promise<MasterFigures> {
  const hq = await startBenchHq(kind);
  const store = await openBenchStore();
  const empty = await openBenchStore();
  const load = new LoadSampler();
  try {
    const data = catalogue(n);
    const rows = [...data.values()].reduce((a, r) => a + r.length, 0);
    const seeded = await timed(() => seed(hq, data));
    log(`  ${kind}: ${rows} master rows seeded at HQ with their change log in ${round(seeded.ms / 1000)} s`);
    load.start();
    const { enrollmentCode } = await hq.createStore('MASTER');
    const input = { hqUrl: hq.hq.url, code: enrollmentCode };
    const plan = (await store.call('sync.enrollPreview', input)) as { planHash: string };
    const cpu0 = process.cpuUsage();
    const download = await profiled(`master-${kind}`, async () => {
      await store.call('sync.enrollConfirm', { ...input, planHash: plan.planHash });
      await store.syncNow();
    });
    const cpu = process.cpuUsage(cpu0);
    const counts = Object.fromEntries(
      [...data.keys()].map((t) => [t, store.sql<{ n: number }>(`SELECT count(*) AS n FROM "${t}"`)[0]!.n]),
    );
    for (const [t, list] of data) {
      if (counts[t]! < list.length) throw new Error(`${t}: ${counts[t]} of ${list.length} rows arrived`);
    }
    const baseline = await storeBaseline(empty, data);
    const l = load.stop();
    const out: MasterFigures = {
      kind,
      items: n,
      rows,
      seedS: round(seeded.ms / 1000),
      downloadS: round(download.ms / 1000, 2),
      rowsPerS: Math.round(rows / (download.ms / 1000)),
      baselineS: round(baseline / 1000, 2),
      ratio: round(download.ms / baseline, 1),
      nodeCpuShare: round((cpu.user + cpu.system) / 1000 / download.ms, 2),
      load: l,
    };
    log(
      `  ${kind}: ${rows} rows downloaded in ${out.downloadS} s (${out.rowsPerS} rows/s); baseline ${out.baselineS} s (${out.ratio}x); Node CPU ${out.nodeCpuShare} of a core; load ${l.min}-${l.max}`,
    );
    return out;
  } finally {
    store.close();
    empty.close();
    await hq.close();
  }
}
