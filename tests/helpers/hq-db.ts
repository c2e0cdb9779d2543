import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type PGlite } from '@electric-sql/pglite';
import { openHqDb, type HqDb } from '../../src-hq/db/client';
import { startTestPostgres, type TestPostgres } from './postgres';

export const HQ_MIGRATIONS = resolve(__dirname, '../../drizzle-hq');
export type DbKind = 'pglite' | 'postgres';
/** Every HQ sync test runs on both. */
export const DB_KINDS: DbKind[] = ['pglite', 'postgres'];

let cluster: Promise<TestPostgres> | null = null;
let template: Promise<string> | null = null;
let databases = 0;

function postgres(): Promise<TestPostgres> {
  cluster ??= startTestPostgres().then((c) => {
    // stop() is synchronous, so it also runs when the process exits without afterAll.
    process.once('exit', () => c.stop());
    return c;
  });
  return cluster;
}

/** Stops this file's PostgreSQL cluster, if one was started (call it in afterAll). */
export async function stopTestPostgres(): Promise<void> {
  if (!cluster) return;
  const c = await cluster;
  cluster = null;
  template = null;
  c.stop();
}

/** A hash of the migration files: a migrated snapshot is reused until they change. */
function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(HQ_MIGRATIONS, { recursive: true }).map(String).sort()) {
    const p = join(HQ_MIGRATIONS, f);
    if (f.endsWith('.sql') || f.endsWith('.json')) h.update(f).update(readFileSync(p));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * A migrated PGlite database as a tarball, made once per migration set and kept
 * under .tmp: creating and migrating takes ~5 s, loading the tarball ~1 s.
 */
async function pgliteSnapshot(): Promise<Blob> {
  const dir = resolve(__dirname, '../../.tmp/hq-pglite');
  const file = join(dir, `${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const fresh = await openHqDb({ migrationsFolder: HQ_MIGRATIONS });
    const client = (fresh.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await fresh.close();
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file); // atomic: a parallel worker never reads half a file
  }
  return new Blob([readFileSync(file)]);
}

export interface TestHqDb {
  hq: HqDb;
  kind: DbKind;
  /** postgres: the URL another HQ process can open; pglite: undefined (one process only). */
  url?: string;
}

/** A fresh, migrated HQ database: PGlite in memory, or a new database on this file's PostgreSQL cluster. */
export async function openTestHqDb(kind: DbKind): Promise<TestHqDb> {
  if (kind === 'pglite') {
    const hq = await openHqDb({ migrationsFolder: HQ_MIGRATIONS, loadDataDir: await pgliteSnapshot() });
    return { hq, kind };
  }
  const c = await postgres();
  // The first database is migrated and becomes the template of the others (CREATE DATABASE ... TEMPLATE copies it at once).
  template ??= (async () => {
    const url = await c.createDatabase('hq_template');
    const migrated = await openHqDb({ url, migrationsFolder: HQ_MIGRATIONS, poolSize: 1 });
    await migrated.close();
    return 'hq_template';
  })();
  const url = await c.createDatabase(`hq_${++databases}`, await template);
  const hq = await openHqDb({ url, migrationsFolder: HQ_MIGRATIONS });
  return { hq, kind, url };
}
