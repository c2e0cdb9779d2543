import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Change, PullRequest, PullResponse } from '../../../src-shared/sync/protocol';
import { MASTER_TABLES, replicatedTable, type ReplicatedTable } from '../../../src-shared/sync/tables';
import type { HqContext } from '../../context';
import { rows, type Q } from '../../db/client';
import { downColumns, masterSpec } from '../../db/columns';
import { authenticate, rememberRequest } from './auth';
import { masterChecksums } from './checksums';
import { loadDownMap, mappableIds, toLocal } from './id-map';
import { SyncRefusal } from './refusal';
import { checkVersions } from './versions';
import { pick, readWire, type WireRow } from './wire';

type Pull = z.infer<typeof PullRequest>;

interface LogRow {
  version: number;
  tbl: string;
  op: 'upsert' | 'delete';
  data: WireRow;
  clocks: Record<string, string> | null;
}

/** The newest version in this snapshot: every smaller one has committed or never will (see change-log.ts). */
async function logHead(q: Q): Promise<number> {
  const [h] = await rows<{ head: number | null }>(q, sql`SELECT max(version) AS head FROM change_log`);
  return h?.head ?? 0;
}

/** What a store sees of a logged row: for master tables the key and HQ-owned columns, in its own ids. */
function present(t: ReplicatedTable | undefined, data: WireRow): WireRow {
  return t?.direction === 'down' ? pick(data, downColumns(t)) : data;
}

/**
 * Changes after the store's cursor that it should hold: chain-wide rows and
 * its own per-store rows (equipment, its work orders), translated to its
 * local ids, in version order, one page at a time. Read in one repeatable-read
 * snapshot, so the page, the cursor and the checksums agree with each other.
 */
export async function pull(
  ctx: HqContext,
  req: Pull,
  meta: { token: string | null; store: string | null },
): Promise<z.infer<typeof PullResponse>> {
  checkVersions(req.versions, ctx.replicationSchema);
  const store = await authenticate(ctx, meta.token, req.storeId);
  meta.store = store.id;
  const now = ctx.now();
  const out = await ctx.db.transaction(
    async (tx) => {
      await rememberRequest(tx, req.requestId, store.id, 'pull', now);
      if (req.refetch?.length) return refetchPage(tx, store.id, req);
      const found = await rows<LogRow>(
        tx,
        sql`SELECT version, tbl, op, data, clocks FROM change_log
            WHERE version > ${req.cursor} AND (store_id IS NULL OR store_id = ${store.id})
            ORDER BY version LIMIT ${req.limit + 1}`,
      );
      const more = found.length > req.limit;
      const page = found.slice(0, req.limit);
      const head = await logHead(tx);
      const ids = page.flatMap((c) => {
        const t = replicatedTable(c.tbl);
        return t ? mappableIds(t, c.data) : [];
      });
      const map = await loadDownMap(tx, store.id, ids);
      const changes: Change[] = page.map((c) => {
        const t = replicatedTable(c.tbl);
        for (const stamp of Object.values(c.clocks ?? {})) receiveStamp(ctx, stamp);
        return {
          version: c.version,
          table: c.tbl,
          op: c.op,
          row: toLocal(c.tbl, present(t, c.data), map),
          ...(c.clocks ? { clocks: c.clocks } : {}),
        };
      });
      // Past the last change this store can see: up to the head, nothing more is for it.
      const nextCursor = more ? page[page.length - 1]!.version : Math.max(req.cursor, head);
      const checksums = more
        ? undefined
        : await ctx.checksums.get({ storeId: store.id, head, mapStamp: store.enrolledAt }, () =>
            masterChecksums(tx, store.id),
          );
      return { changes, nextCursor, more, checksums };
    },
    { isolationLevel: 'repeatable read' },
  );
  return { ok: true, ...out, clock: ctx.clock.now(), hqTime: ctx.now() };
}

/** HQ's clock follows the stamps it hands out, so the `clock` of the answer is never behind them. */
function receiveStamp(ctx: HqContext, stamp: string): void {
  try {
    ctx.clock.receive(stamp);
  } catch {
    // A stamp far ahead of this process's clock (another HQ machine's clock was fast): not followed.
  }
}

interface RefetchPosition {
  /** Index into the requested tables. */
  t: number;
  /** Key values (HQ's) of the last row sent. */
  k: (string | number)[] | null;
}

const encode = (p: RefetchPosition) => Buffer.from(JSON.stringify(p)).toString('base64url');

function decode(text: string | undefined): RefetchPosition {
  if (!text) return { t: 0, k: null };
  try {
    const p = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as RefetchPosition;
    if (Number.isInteger(p.t) && p.t >= 0 && (p.k === null || Array.isArray(p.k))) return p;
  } catch {
    // fall through
  }
  throw new SyncRefusal('BAD_REQUEST', 'refetchAfter is not a position HQ gave: start the refetch again without it.');
}

/**
 * A table's whole current content, in pages of upserts ordered by HQ's key:
 * what a store rebuilds a table from when its checksum disagreed. The
 * store's cursor does not move; the last page carries the checksums.
 */
async function refetchPage(tx: Q, storeId: string, req: Pull) {
  const tables = req.refetch!.map((name) => {
    const t = MASTER_TABLES.find((m) => m.name === name);
    if (!t) throw new SyncRefusal('BAD_REQUEST', `${name} is not HQ master data: only those can be refetched.`);
    return t as ReplicatedTable;
  });
  let pos = decode(req.refetchAfter);
  const head = await logHead(tx);
  const picked: { t: ReplicatedTable; row: WireRow }[] = [];
  while (pos.t < tables.length && picked.length < req.limit) {
    const t = tables[pos.t]!;
    const keyCols = sql.join(
      t.key.map((k) => sql.identifier(k)),
      sql`, `,
    );
    const filters = [t.perStore ? sql`store_id = ${storeId}` : sql`true`];
    if (pos.k) {
      filters.push(
        sql`(${keyCols}) > (${sql.join(
          pos.k.map((v) => sql`${v}`),
          sql`, `,
        )})`,
      );
    }
    const where = sql.join(filters, sql` AND `);
    const want = req.limit - picked.length;
    const found = await readWire(tx, masterSpec(t.name)!, sql`${where} ORDER BY ${keyCols} LIMIT ${want}`);
    for (const row of found) picked.push({ t, row });
    if (found.length === want) pos = { t: pos.t, k: t.key.map((k) => found[found.length - 1]![k] as string | number) };
    else pos = { t: pos.t + 1, k: null };
  }
  const done = pos.t >= tables.length;
  const map = await loadDownMap(
    tx,
    storeId,
    picked.flatMap((p) => mappableIds(p.t, p.row)),
  );
  const changes: Change[] = picked.map((p) => ({
    version: Math.max(head, 1),
    table: p.t.name,
    op: 'upsert',
    row: toLocal(p.t.name, pick(p.row, downColumns(p.t)), map),
  }));
  return {
    changes,
    nextCursor: req.cursor,
    more: !done,
    refetchAfter: done ? null : encode(pos),
    checksums: done ? await masterChecksums(tx, storeId, tables) : undefined,
  };
}
