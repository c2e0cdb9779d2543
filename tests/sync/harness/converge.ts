import { sql } from 'drizzle-orm';
import type { Q } from '../../../src-hq/db/client';
import { downColumns, masterSpec, mirrorSpec, storeColumns } from '../../../src-hq/db/columns';
import { masterChecksums } from '../../../src-hq/services/sync/checksums';
import { pick, readWire } from '../../../src-hq/services/sync/wire';
import { checksumOf, type TableChecksum, type WireRow } from '../../../src-shared/sync/checksum';
import {
  FACT_TABLES,
  MASTER_TABLES,
  rowKey,
  SHARED_TABLES,
  type ReplicatedTable,
} from '../../../src-shared/sync/tables';
import type { HqUnderTest } from './hq-under-test';
import type { StoreUnderTest } from './store-under-test';

/** Tables a store sends up, and HQ mirrors per store. */
export const UP_TABLES: readonly ReplicatedTable[] = [...FACT_TABLES, ...SHARED_TABLES];

export interface Divergence {
  store: string;
  table: string;
  /** up: the store's rows vs HQ's mirror of them; down: HQ's master data vs what the store holds. */
  direction: 'up' | 'down';
  atStore: TableChecksum;
  atHq: TableChecksum;
  /** Keys present at one side only, and keys whose columns differ (the first few of each). */
  onlyAtStore: string[];
  onlyAtHq: string[];
  different: { key: string; columns: string[] }[];
  /** Full counts: rows the store has and HQ lacks (lost), HQ has and the store does not (resurrected or doubled), that differ. */
  missingAtHq: number;
  extraAtHq: number;
  differing: number;
}

const SAMPLE = 5;

function diffRows(t: ReplicatedTable, store: WireRow[], hq: WireRow[], columns: readonly string[]) {
  const s = new Map(store.map((r) => [rowKey(t, r), r]));
  const h = new Map(hq.map((r) => [rowKey(t, r), r]));
  const onlyAtStore = [...s.keys()].filter((k) => !h.has(k));
  const onlyAtHq = [...h.keys()].filter((k) => !s.has(k));
  const different: { key: string; columns: string[] }[] = [];
  for (const [k, row] of s) {
    const other = h.get(k);
    if (!other) continue;
    const cols = columns.filter((c) => (row[c] ?? null) !== (other[c] ?? null));
    if (cols.length) different.push({ key: k, columns: cols });
  }
  return {
    onlyAtStore: onlyAtStore.slice(0, SAMPLE),
    onlyAtHq: onlyAtHq.slice(0, SAMPLE),
    different: different.slice(0, SAMPLE),
    missingAtHq: onlyAtStore.length,
    extraAtHq: onlyAtHq.length,
    differing: different.length,
  };
}

const same = (a: TableChecksum, b: TableChecksum) => a.count === b.count && a.sum === b.sum;

/**
 * Compares every replicated table between each store and HQ, by row count
 * and checksum (src-shared/sync/checksum.ts, the function both ends use):
 * - up: the store's facts (minus what HQ dead-lettered) against HQ's mirror
 *   rows of that store, over every column a store sends;
 * - down: what the store holds of each master table against what HQ says it
 *   should hold (HQ's own per-store checksums, in the store's ids).
 * Reads HQ's database once for all stores (a PGlite HQ process is stopped
 * meanwhile). Returns the divergences; none means converged.
 */
export async function compareReplicas(hq: HqUnderTest, stores: readonly StoreUnderTest[]): Promise<Divergence[]> {
  const atHq = await hq.read(async (q: Q) => {
    const out = new Map<
      string,
      { up: Map<string, WireRow[]>; down: Record<string, TableChecksum>; master: Map<string, WireRow[]> }
    >();
    for (const s of stores) {
      const up = new Map<string, WireRow[]>();
      for (const t of UP_TABLES) up.set(t.name, await readWire(q, mirrorSpec(t.name)!, sql`store_id = ${s.storeId}`));
      const master = new Map<string, WireRow[]>();
      for (const t of MASTER_TABLES) {
        const where = 'perStore' in t && t.perStore ? sql`store_id = ${s.storeId}` : sql`true`;
        master.set(
          t.name,
          (await readWire(q, masterSpec(t.name)!, where)).map((r) => pick(r, downColumns(t))),
        );
      }
      out.set(s.storeId, { up, down: await masterChecksums(q, s.storeId), master });
    }
    return out;
  });

  const found: Divergence[] = [];
  for (const s of stores) {
    const hqSide = atHq.get(s.storeId)!;
    const dead = await s.deadLettered();
    for (const t of UP_TABLES) {
      const columns = storeColumns(t).map((c) => c.name);
      const skip = dead.get(t.name) ?? new Set<string>();
      const storeRows = (await s.factRows(t.name))
        .filter((r) => !skip.has(rowKey(t, r)))
        .map((r) => pick({ store_id: s.storeId, ...r }, columns));
      const hqRows = hqSide.up.get(t.name)!.map((r) => pick(r, columns));
      const a = checksumOf(storeRows, columns);
      const b = checksumOf(hqRows, columns);
      if (!same(a, b)) {
        found.push({
          store: s.name,
          table: t.name,
          direction: 'up',
          atStore: a,
          atHq: b,
          ...diffRows(t, storeRows, hqRows, columns),
        });
      }
    }
    for (const t of MASTER_TABLES) {
      const columns = downColumns(t);
      const held = (await s.masterRows(t.name)).map((r) => pick(r, columns));
      const a = checksumOf(held, columns);
      const b = hqSide.down[t.name]!;
      if (!same(a, b)) {
        // Row detail in HQ's ids: exact for stores without an id map (matched rows would show as differing keys).
        const detail = diffRows(t, held, hqSide.master.get(t.name)!, columns);
        found.push({ store: s.name, table: t.name, direction: 'down', atStore: a, atHq: b, ...detail });
      }
    }
  }
  return found;
}

/** The divergences in words, one line each: which store, which table, which way, how. */
export function describeDivergences(list: readonly Divergence[]): string {
  return list
    .map((d) => {
      const parts = [
        `${d.store} ${d.table} (${d.direction}): store ${d.atStore.count} rows/${d.atStore.sum}, HQ ${d.atHq.count} rows/${d.atHq.sum}`,
      ];
      if (d.onlyAtStore.length) parts.push(`only at the store: ${d.onlyAtStore.join(', ')}`);
      if (d.onlyAtHq.length) parts.push(`only at HQ: ${d.onlyAtHq.join(', ')}`);
      for (const x of d.different) parts.push(`${x.key} differs in ${x.columns.join(', ')}`);
      return parts.join('; ');
    })
    .join('\n');
}
