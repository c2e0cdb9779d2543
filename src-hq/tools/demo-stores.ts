import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { startBackend, type Backend } from '../../src-main/backend';
import { seedDemoStore } from '../../src-main/services/demo/run';
import { waitingCount } from '../../src-main/sync/outbox';
import { syncStateOf } from '../../src-main/sync/state';
import type { HqContext } from '../context';
import { stores } from '../db/schema';
import { issueEnrollmentCode } from '../services/stores/stores';

/** One demo store's year, made by the store's own code: which store, and the seed that makes it differ from the others. */
export interface DemoStoreYear {
  code: string;
  name: string;
  seed: number;
  wasteScale: number;
}

export interface DemoStoresOptions {
  /** HQ's address as a store reaches it (loopback). */
  hqUrl: string;
  /** Where the temporary store databases live while they push (inside HQ's data directory). */
  workDir: string;
  /** The store app's migrations (drizzle/). */
  storeMigrations: string;
  /** The span of each store's history (365: a year; tests take less). */
  days?: number;
  progress?: (line: string) => void;
}

export interface DemoStoreResult {
  code: string;
  /** Entries pushed this time (0: the store's data was already at HQ). */
  pushed: number;
  ms: number;
}

const ADMIN = { username: 'admin', secret: '1234' } as const;
/** The app version the temporary stores report: the replication protocol, not the app, decides what HQ takes. */
const STORE_APP_VERSION = '0.0.0-demo';

/**
 * Gives each listed demo store a history the honest way: the store app's own
 * demo generator writes it into a temporary store database (with its own
 * seed, so waste, stock value and repairs differ between stores), the store
 * enrolls with a fresh one-time code through the real protocol, its real
 * sync worker pushes everything to HQ over loopback HTTP, and the temporary
 * database is removed. A store already active at HQ with no temporary
 * database left is done: a second start adds nothing. A temporary database
 * left by an interrupted start resumes pushing if its store had enrolled,
 * and is started over if it had not (HQ holds nothing of it then).
 */
export async function pushDemoStoreYears(
  ctx: HqContext,
  years: readonly DemoStoreYear[],
  opts: DemoStoresOptions,
): Promise<DemoStoreResult[]> {
  const say = opts.progress ?? (() => {});
  const out: DemoStoreResult[] = [];
  for (const y of years) {
    const t0 = Date.now();
    const [row] = await ctx.db.select().from(stores).where(eq(stores.code, y.code));
    if (!row) throw new Error(`demo store ${y.code} is not at HQ: seed the demo's master data first`);
    const dir = join(opts.workDir, y.code);
    const enrolled = row.status !== 'pending';
    if (enrolled && !existsSync(dir)) {
      out.push({ code: y.code, pushed: 0, ms: Date.now() - t0 });
      continue;
    }
    if (!enrolled) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const store = await DemoStore.open(dir, opts.storeMigrations);
    try {
      if (!enrolled) {
        say(`  ${y.code}: the store writes its ${opts.days ?? 365} days of data…`);
        await store.create(y, opts.days ?? 365);
        const code = (await ctx.db.transaction((tx) => issueEnrollmentCode(tx, row.id, ctx.now()))).enrollmentCode;
        await store.enroll(opts.hqUrl, code);
      }
      const pushed = await pushAll(store.backend, (left) => say(`  ${y.code}: ${left} entries left to send to HQ`));
      out.push({ code: y.code, pushed, ms: Date.now() - t0 });
      say(`  ${y.code}: ${pushed} entries at HQ (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } finally {
      store.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** A temporary store: the store app's backend on its own database, driven through its own API as its admin. */
class DemoStore {
  private token: string | null = null;

  private constructor(readonly backend: Backend) {}

  static async open(dir: string, migrationsFolder: string): Promise<DemoStore> {
    const backend = await startBackend({
      dataDir: dir,
      kind: 'node',
      version: STORE_APP_VERSION,
      lan: false,
      migrationsFolder,
      firstBackupDelayMs: 3_600_000,
      // The worker runs when told (pushAll), not on its own timers: the store is closed once it is done.
      sync: { timing: { idleMs: 3_600_000, debounceMs: 3_600_000, minBackoffMs: 1_000, maxBackoffMs: 5_000 } },
    });
    return new DemoStore(backend);
  }

  async call(method: string, input: unknown): Promise<unknown> {
    const out = await this.backend.dispatch(method, input, {
      token: this.token,
      locale: 'en',
      caller: { loopback: true, client: 'hq-demo' },
    });
    if (out.session !== undefined) this.token = out.session?.token ?? null;
    if (!out.result.ok) throw new Error(`demo store: ${method}: ${out.result.error.code} ${out.result.error.message}`);
    return out.result.value;
  }

  /** Set up as its owner would (its HQ code and name), then the store app's demo history on top. */
  async create(y: DemoStoreYear, days: number): Promise<void> {
    await this.call('setup.initialize', {
      store: { code: y.code, name: y.name, address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: ADMIN.username, displayName: '店长', authKind: 'pin', secret: ADMIN.secret },
    });
    const b = this.backend;
    seedDemoStore(b.database, b.host, b.log, { seed: y.seed, days, wasteScale: y.wasteScale });
  }

  async enroll(hqUrl: string, code: string): Promise<void> {
    if (!this.token) await this.call('session.login', ADMIN);
    const input = { hqUrl, code };
    const plan = (await this.call('sync.enrollPreview', input)) as { planHash: string };
    await this.call('sync.enrollConfirm', { ...input, planHash: plan.planHash });
  }

  close(): void {
    this.backend.close();
  }
}

/** "Sync now" until the outbox is empty; a run that sends nothing twice in a row is a failure worth stopping for. */
async function pushAll(store: Backend, progress: (left: number) => void): Promise<number> {
  const sqlite = store.database.sqlite;
  const first = waitingCount(sqlite);
  let stuck = 0;
  for (let left = first; left > 0;) {
    await store.sync!.worker.syncNow(120_000);
    const now = waitingCount(sqlite);
    const s = syncStateOf(sqlite);
    if (s.stoppedReason) throw new Error(`demo store stopped syncing: ${s.stoppedReason}`);
    stuck = now < left ? 0 : stuck + 1;
    if (stuck >= 2) throw new Error(`demo store cannot push to HQ: ${s.lastRefusal ?? s.lastError ?? 'no progress'}`);
    left = now;
    if (left > 0) progress(left);
  }
  return first;
}
