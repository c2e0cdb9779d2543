import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import * as schema from './schema';

export type HqSchema = typeof schema;
/** What both drivers give: services are written once against this. */
export type HqDatabase = PgDatabase<PgQueryResultHKT, HqSchema>;
export type HqTx = PgTransaction<PgQueryResultHKT, HqSchema, ExtractTablesWithRelations<HqSchema>>;
/** A database handle or an open transaction: the query builders are the same. */
export type Q = HqDatabase | HqTx;

export type HqDbKind = 'pglite' | 'postgres';

export interface HqDb {
  db: HqDatabase;
  kind: HqDbKind;
  close(): Promise<void>;
}

const INT8 = 20;

/**
 * bigint columns hold store integers (money, quantities, ms). JavaScript
 * numbers carry them exactly up to 2^53 - 1, which the protocol never
 * exceeds; a larger value would be a bug, so it fails loudly instead of
 * rounding. Both drivers read int8 through this, so raw SQL returns the same
 * types on PGlite and on PostgreSQL.
 */
export function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${text} is beyond JavaScript's exact integers`);
  return n;
}

/** Rows of a raw statement, whichever driver ran it. */
export async function rows<T>(q: Q, statement: SQL): Promise<T[]> {
  const result = (await q.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

export interface OpenOptions {
  /** `postgres://...`: a real server through a pg Pool. Otherwise PGlite in `dataDir` (or in memory). */
  url?: string;
  dataDir?: string;
  /** drizzle-hq/ */
  migrationsFolder: string;
  /** Tests: an in-memory PGlite loaded from a dump of a migrated database. */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** A stable key for the advisory lock that keeps two HQ processes from migrating at once. */
const MIGRATION_LOCK = 0x48510001;

export async function openHqDb(opts: OpenOptions): Promise<HqDb> {
  if (opts.url) return openPostgres(opts.url, opts.migrationsFolder, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPglite(opts: OpenOptions): Promise<HqDb> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: { [INT8]: parseInt8 },
  });
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: opts.migrationsFolder });
  return {
    db: db as unknown as HqDatabase,
    kind: 'pglite',
    close: () => client.close(),
  };
}

async function openPostgres(url: string, migrationsFolder: string, max: number): Promise<HqDb> {
  // drizzle passes its own per-query parsers (dates) and falls back to pg's global table for the rest.
  pg.types.setTypeParser(INT8, parseInt8);
  const pool = new pg.Pool({ connectionString: url, max });
  // A pooled connection that dies (server restart) is dropped; the next query gets a fresh one.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    // Two HQ processes starting together against one server: one migrates, the other waits and finds it done.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  const db = drizzleNodePg(pool, { schema });
  return {
    db: db as unknown as HqDatabase,
    kind: 'postgres',
    close: () => pool.end(),
  };
}
