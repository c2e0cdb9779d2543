import { execSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestPostgres, type TestPostgres } from '../../tests/helpers/postgres';
import { openHqDb, type HqDb, type HqDbKind, type Q } from '../db/client';
import { startHq, type Hq } from '../hq';
import { createStore } from '../services/stores/stores';

/**
 * What the replication benchmark's parts share: the machine and its load
 * (sampled through the run: the machine is shared, so every figure goes with
 * the load it was taken under), an HQ on PGlite or on a private PostgreSQL
 * cluster, and small statistics.
 */
export const ROOT = process.cwd();
export const HQ_MIGRATIONS = resolve(ROOT, 'drizzle-hq');
export const STORE_MIGRATIONS = resolve(ROOT, 'drizzle');

export function machine(): { nproc: number; cpu: string; node: string } {
  let nproc = cpus().length;
  try {
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // cpus() then
  }
  return { nproc, cpu: cpus()[0]?.model ?? '?', node: process.version };
}

/** The 1-minute load average, sampled every second while a part runs. */
export class LoadSampler {
  private samples: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.samples = [loadavg()[0]!];
    this.timer = setInterval(() => this.samples.push(loadavg()[0]!), 1000);
    this.timer.unref();
  }
  stop(): { min: number; max: number; mean: number } {
    if (this.timer) clearInterval(this.timer);
    this.samples.push(loadavg()[0]!);
    const s = this.samples;
    const r = (n: number) => Math.round(n * 10) / 10;
    return { min: r(Math.min(...s)), max: r(Math.max(...s)), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
  }
}

export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * A timed phase with, when BENCH_CPU_PROFILE names a folder, a V8 CPU profile
 * of that phase alone (`node --cpu-prof` would mix in the seeding and the
 * baselines, which dwarf the phase being judged).
 */
export async function profiled<T>(label: string, fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return timed(fn);
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((ok, fail) => session.post(method, (err, res) => (err ? fail(err) : ok(res))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await timed(fn);
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

let cluster: TestPostgres | null = null;
let databases = 0;

/** One private PostgreSQL cluster for the whole run (durability off, as the test suite runs it). */
async function postgres(): Promise<TestPostgres> {
  if (!cluster) {
    cluster = await startTestPostgres();
    const c = cluster;
    process.once('exit', () => c.stop());
  }
  return cluster;
}

export function stopPostgres(): void {
  cluster?.stop();
  cluster = null;
}

export interface BenchHq {
  hq: Hq;
  db: HqDb;
  kind: HqDbKind;
  /** A store created at HQ: its id and one-time code. */
  createStore(code: string): Promise<{ storeId: string; enrollmentCode: string }>;
  close(): Promise<void>;
}

/**
 * An HQ on a fresh database: PGlite in a data directory (what `npm run hq`
 * runs) or a new database on the private cluster, listening on loopback.
 */
export async function startBenchHq(kind: HqDbKind, poolSize = 10): Promise<BenchHq> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hq-'));
  const db =
    kind === 'pglite'
      ? await openHqDb({ dataDir: join(dir, 'db'), migrationsFolder: HQ_MIGRATIONS })
      : await openHqDb({
          url: await (await postgres()).createDatabase(`bench_${process.pid}_${++databases}`),
          migrationsFolder: HQ_MIGRATIONS,
          poolSize,
        });
  const hq = await startHq({ db, host: '127.0.0.1', port: 0, logDir: join(dir, 'logs') });
  return {
    hq,
    db,
    kind,
    async createStore(code) {
      const issued = await hq.ctx.db.transaction((tx) =>
        createStore(tx, { code, name: `Store ${code}` }, hq.ctx.now()),
      );
      return { storeId: issued.storeId, enrollmentCode: issued.enrollmentCode };
    },
    async close() {
      await hq.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `fn` over `items` with at most `n` at a time. */
export async function pool<T, R>(items: readonly T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

/**
 * The baseline the sync figures are compared with: the same rows written
 * into a table of the same database by plain multi-row INSERTs of `batch`
 * rows (one statement per batch, its text and parameters handed straight to
 * the driver: no query builder, no JSON, no HTTP, no checks), one after the
 * other (the ingest baseline runs ten such writers at once, one per pooled connection).
 */
export async function bulkInsert(
  db: HqDb,
  /** Quoted SQL name, as TableSpec.sqlName gives it. */
  table: string,
  cols: readonly string[],
  rows: readonly Record<string, unknown>[],
  batch = 1_000,
): Promise<void> {
  const client = (db.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<unknown> } })
    .$client;
  const names = cols.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    const params: unknown[] = [];
    const tuples = part.map((r) => `(${cols.map((c) => (params.push(r[c] ?? null), `$${params.length}`)).join(', ')})`);
    await client.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, params);
  }
}

/** Master rows written in the caller's transaction by multi-row INSERTs (the seed of the download benchmark). */
export async function insertRows(
  q: Q,
  table: string,
  cols: readonly string[],
  rows: readonly Record<string, unknown>[],
) {
  const names = sql.join(
    cols.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${sql.join(
          cols.map((c) => sql`${r[c] ?? null}`),
          sql`, `,
        )})`,
    ),
    sql`, `,
  );
  await q.execute(sql`INSERT INTO ${sql.raw(table)} (${names}) VALUES ${values}`);
}
