import { sql } from 'drizzle-orm';
import { ChecksumBuilder, type TableChecksum } from '../../../src-shared/sync/checksum';
import { MASTER_TABLES, type ReplicatedTable } from '../../../src-shared/sync/tables';
import { rows, type Q } from '../../db/client';
import { downColumns, masterSpec } from '../../db/columns';
import { loadDownMap, toLocal } from './id-map';
import { pick, type WireRow } from './wire';

/**
 * What a store should hold of each master table, as it holds it: the rows it
 * receives (every chain row; per-store tables only its own), in its own ids,
 * over the key and HQ-owned columns. Computed with the function the store
 * uses (src-shared/sync/checksum.ts), so equal data gives equal sums.
 */
export async function masterChecksums(
  q: Q,
  storeId: string,
  tables: readonly ReplicatedTable[] = MASTER_TABLES,
): Promise<Record<string, TableChecksum>> {
  const map = await loadDownMap(q, storeId);
  const out: Record<string, TableChecksum> = {};
  for (const t of tables) {
    const cols = downColumns(t);
    const b = new ChecksumBuilder(cols);
    const where = t.perStore ? sql`store_id = ${storeId}` : sql`true`;
    // Only the columns that count: HQ's whole rows cost several times as much to send and parse.
    const only = sql.join(
      cols.map((c) => sql`${c}::text, t.${sql.identifier(c)}`),
      sql`, `,
    );
    const found = await rows<{ r: WireRow }>(
      q,
      sql`SELECT jsonb_build_object(${only}) AS r FROM ${sql.raw(masterSpec(t.name)!.sqlName)} t WHERE ${where}`,
    );
    for (const { r } of found) b.add(pick(toLocal(t.name, r, map), cols));
    out[t.name] = b.result();
  }
  return out;
}

/**
 * Checksums depend only on the log's head and the store's id map, so a
 * process keeps the last ones per store: a store polling with nothing new
 * costs HQ one small query, not a pass over the catalogue.
 */
export class ChecksumCache {
  private readonly entries = new Map<string, Record<string, TableChecksum>>();
  constructor(private readonly max = 2000) {}

  async get(
    key: { storeId: string; head: number; mapStamp: number | null },
    compute: () => Promise<Record<string, TableChecksum>>,
  ): Promise<Record<string, TableChecksum>> {
    const k = `${key.storeId}|${key.head}|${key.mapStamp ?? ''}`;
    const hit = this.entries.get(k);
    if (hit) return hit;
    const value = await compute();
    this.entries.set(k, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
