import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackend, type Backend } from '../../src-main/backend';
import { uuidv7 } from '../../src-main/lib/ids';
import { postMoves, type MoveInput } from '../../src-main/services/stock/post';
import { runSystemWork } from '../../src-main/services/system/system-work';
import type { Timing } from '../../src-main/sync/worker';
import { writeMaster } from '../services/master/write';
import { STORE_MIGRATIONS, type BenchHq } from './bench-sync-lib';

/**
 * A real store for the replication benchmark: the store's own backend (its
 * SQLite database with the outbox triggers, its sync worker talking HTTP to
 * HQ), set up and signed in as its admin the way the first-run screen does.
 */
/** The worker runs only when asked: the benchmark says when the store is back online. */
const ON_DEMAND: Partial<Timing> = {
  idleMs: 3_600_000,
  debounceMs: 3_600_000,
  minBackoffMs: 3_600_000,
  maxBackoffMs: 3_600_000,
};

export interface BenchStore {
  backend: Backend;
  call(method: string, input?: unknown): Promise<unknown>;
  /** One sync run of the real worker (push until the outbox is empty, then pull), awaited. */
  syncNow(): Promise<void>;
  sql<T = Record<string, unknown>>(text: string, ...params: unknown[]): T[];
  close(): void;
}

export async function openBenchStore(): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const backend = await startBackend({
    dataDir: dir,
    kind: 'node',
    version: '0.1.0',
    lan: false,
    migrationsFolder: STORE_MIGRATIONS,
    firstBackupDelayMs: 3_600_000,
    sync: { timing: ON_DEMAND },
  });
  let token: string | null = null;
  const call = async (method: string, input: unknown = {}) => {
    const out = await backend.dispatch(method, input, {
      token,
      locale: 'en',
      caller: { loopback: true, client: 'bench-sync' },
    });
    if (out.session !== undefined) token = out.session?.token ?? null;
    if (!out.result.ok) throw new Error(`${method} failed: ${out.result.error.code} ${out.result.error.message}`);
    return out.result.value;
  };
  await call('setup.initialize', {
    store: { code: 'BENCH', name: 'Bench store', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
    admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
  });
  return {
    backend,
    call,
    syncNow: () => backend.sync!.worker.syncNow(3_600_000),
    sql: <T>(text: string, ...params: unknown[]) => backend.database.sqlite.prepare(text).all(...params) as T[],
    close() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Enrolls the store with HQ (preview, confirm) and waits for the first sync run to end. */
export async function enroll(store: BenchStore, hq: BenchHq, code: string): Promise<string> {
  const { enrollmentCode, storeId } = await hq.createStore(code);
  const input = { hqUrl: hq.hq.url, code: enrollmentCode };
  const plan = (await store.call('sync.enrollPreview', input)) as { planHash: string };
  await store.call('sync.enrollConfirm', { ...input, planHash: plan.planHash });
  await store.syncNow();
  return storeId;
}

/** A few items written at HQ (they reach the store by the first pull) for the ledger to post against. */
export async function hqItems(hq: BenchHq, n: number): Promise<string[]> {
  const ids: string[] = [];
  await hq.hq.ctx.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const id = uuidv7();
      ids.push(id);
      await writeMaster(
        tx,
        'items',
        {
          id,
          code: `B${String(i).padStart(5, '0')}`,
          name_zh: `测试品 ${i}`,
          name_en: `Item ${i}`,
          category: 'dry',
          base_unit: 'g',
        },
        Date.now(),
      );
    }
  });
  return ids;
}

/** A storage area of the store (a store fact: it goes up too). */
export function storeArea(store: BenchStore): string {
  const existing = store.sql<{ id: string }>('SELECT id FROM storage_areas ORDER BY sort_order LIMIT 1')[0];
  if (existing) return existing.id;
  const id = uuidv7();
  const now = Date.now();
  store.backend.database.sqlite
    .prepare(
      "INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at) VALUES (?, 'MAIN', '主库', 'Main store', 0, 1, ?, ?)",
    )
    .run(id, now, now);
  return id;
}

/**
 * `n` ledger movements posted through the store's real posting path
 * (`postMoves`: checks, balances, costs, daily and monthly totals, and the
 * outbox triggers when enrolled), in transactions of `batch`, spread over the
 * last `days` days in time order: each item gets a receipt every fifth round
 * and issues in between, so stock never goes negative.
 */
export function postLedger(
  store: BenchStore,
  items: readonly string[],
  areaId: string,
  n: number,
  /** live: dated as posted (now), like a clerk's postings; else spread over the last `days` days. */
  opts: { batch?: number; days?: number; offset?: number; live?: boolean } = {},
): void {
  const batch = opts.batch ?? 5_000;
  const span = (opts.days ?? 7) * 86_400_000;
  const start = Date.now() - span;
  const offset = opts.offset ?? 0;
  const { database, host, log } = store.backend;
  for (let done = 0; done < n;) {
    const size = Math.min(batch, n - done);
    const moves: MoveInput[] = [];
    for (let j = 0; j < size; j++) {
      const i = offset + done + j;
      const round = Math.floor(i / items.length);
      const receipt = round % 5 === 0;
      moves.push({
        itemId: items[i % items.length]!,
        areaId,
        kind: receipt ? 'receipt' : 'issue',
        qty: receipt ? 5_000_000 : 1_000,
        ...(receipt ? { value: 50_000_000 } : {}),
        ...(opts.live ? {} : { occurredAt: start + Math.floor(((done + j) / n) * span) }),
        docType: receipt ? 'receipt' : '',
      });
    }
    runSystemWork(
      { db: database.db, sqlite: database.sqlite, host, log, client: 'bench-sync' },
      { method: 'bench.post', keepChanges: false, run: (ctx) => postMoves(ctx, moves), result: () => null },
    );
    done += size;
  }
}
