import { and, desc, eq, sql } from 'drizzle-orm';
import type { StoreDetailDto, StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';
import { rows, type Q } from '../../db/client';
import { mirrorSpec, UP_TABLES } from '../../db/columns';
import {
  regions,
  storeMirror,
  stores,
  syncAuditMismatches,
  syncDeadLetters,
  syncLateEntries,
  syncStreams,
} from '../../db/schema';
import { readWire } from '../sync/wire';
import { storesInScope, type ScopedUser } from '../scope/scope';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type StoreRow = typeof stores.$inferSelect;
type RegionRow = typeof regions.$inferSelect;

function health(s: StoreRow, region: RegionRow | null, timeZone: string, dead: number, late: number): StoreHealthDto {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    region: region && { id: region.id, code: region.code, nameZh: region.nameZh, nameEn: region.nameEn },
    timeZone,
    status: s.status,
    codeExpiresAt: s.enrollmentCodeHash ? iso(s.enrollmentExpiresAt) : null,
    enrolledAt: iso(s.enrolledAt),
    lastContactAt: iso(s.lastContactAt),
    appVersion: s.appVersion,
    schemaVersion: s.schemaVersion,
    backlog: s.backlog,
    refusedCount: s.refusedCount,
    lastRefusal: s.lastRefusal ? { ...s.lastRefusal, at: iso(s.lastRefusal.at)! } : null,
    clockSkewMs: s.clockSkewMs,
    auditMismatch: s.auditMismatch,
    deadLetters: dead,
    lateEntries: late,
  };
}

/**
 * The store list with each store's sync health, in code order: only the
 * stores in the user's scope (null: every store, for HQ's own use).
 */
export async function storeList(q: Q, user: ScopedUser | null, only?: string): Promise<StoreHealthDto[]> {
  const list = await q
    .select({
      store: stores,
      region: regions,
      // The store's zone as it now says (its replicated store row), else as it said when it enrolled.
      timeZone: sql<string>`coalesce((SELECT ${storeMirror.timezone} FROM ${storeMirror} WHERE ${storeMirror.storeId} = ${stores.id} LIMIT 1), ${stores.timezone})`,
    })
    .from(stores)
    .leftJoin(regions, eq(regions.id, stores.regionId))
    .where(and(only ? eq(stores.id, only) : sql`true`, storesInScope(user)))
    .orderBy(stores.code);
  const counts = await rows<{ store_id: string; dead: number; late: number }>(
    q,
    sql`SELECT s.id AS store_id,
          (SELECT count(*)::int FROM sync_dead_letters d WHERE d.store_id = s.id) AS dead,
          (SELECT count(*)::int FROM sync_late_entries l WHERE l.store_id = s.id) AS late
        FROM stores s ${only ? sql`WHERE s.id = ${only}` : sql``}`,
  );
  const byStore = new Map(counts.map((c) => [c.store_id, c]));
  return list.map(({ store: s, region, timeZone }) =>
    health(s, region, timeZone, byStore.get(s.id)?.dead ?? 0, byStore.get(s.id)?.late ?? 0),
  );
}

const RECENT = 5;

/** What arrived from one store: rows per table, the newest of each, dead letters, late entries, audit mismatches. */
export async function storeDetail(q: Q, user: ScopedUser | null, storeId: string): Promise<StoreDetailDto | null> {
  const [store] = await storeList(q, user, storeId);
  if (!store) return null;
  const counted = await rows<{ tbl: string; n: number }>(
    q,
    sql.join(
      UP_TABLES.map(
        (t) =>
          sql`SELECT ${t.name}::text AS tbl, count(*)::int AS n FROM ${sql.raw(mirrorSpec(t.name)!.sqlName)} WHERE store_id = ${storeId}`,
      ),
      sql` UNION ALL `,
    ),
  );
  const tables = counted.map((c) => ({ table: c.tbl, rows: c.n }));
  const recent = [];
  for (const t of UP_TABLES) {
    if (!tables.find((c) => c.table === t.name)?.rows) continue;
    const spec = mirrorSpec(t.name)!;
    // Ids are UUIDv7 (time-ordered): the key's order is creation order, read backwards off the primary key.
    const order = sql.join(
      ['store_id', ...t.key].map((k) => sql`${sql.identifier(k)} DESC`),
      sql`, `,
    );
    const newest = await readWire(q, spec, sql`store_id = ${storeId} ORDER BY ${order} LIMIT ${RECENT}`);
    recent.push({
      table: t.name,
      rows: newest.map(({ store_id: _s, hq_received_at: _r, hq_seq: _q, clocks: _c, ...r }) => r),
    });
  }
  const dead = await q
    .select()
    .from(syncDeadLetters)
    .where(eq(syncDeadLetters.storeId, storeId))
    .orderBy(desc(syncDeadLetters.id))
    .limit(200);
  const late = await q
    .select()
    .from(syncLateEntries)
    .where(eq(syncLateEntries.storeId, storeId))
    .orderBy(desc(syncLateEntries.id))
    .limit(200);
  const mismatches = await q
    .select()
    .from(syncAuditMismatches)
    .where(eq(syncAuditMismatches.storeId, storeId))
    .orderBy(desc(syncAuditMismatches.id))
    .limit(50);
  const streams = await q
    .select()
    .from(syncStreams)
    .where(and(eq(syncStreams.storeId, storeId)))
    .orderBy(desc(syncStreams.updatedAt));
  return {
    store,
    tables,
    recent,
    deadLetters: dead.map((d) => ({
      streamId: d.streamId,
      seq: d.seq,
      table: d.tbl,
      reason: d.reason,
      at: iso(d.at)!,
    })),
    lateEntries: late.map((l) => ({ seq: l.seq, table: l.tbl, rowKey: l.rowKey, month: l.month, at: iso(l.at)! })),
    auditMismatches: mismatches.map((m) => ({
      seq: m.seq,
      recordedHash: m.recordedHash,
      presentedHash: m.presentedHash,
      at: iso(m.at)!,
    })),
    streams: streams.map((s) => ({ streamId: s.streamId, ackSeq: s.ackSeq, updatedAt: iso(s.updatedAt)! })),
  };
}
