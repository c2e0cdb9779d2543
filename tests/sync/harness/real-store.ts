import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { WireRow } from '../../../src-shared/sync/checksum';
import { HQ_MIGRATIONS } from '../../helpers/hq-db';
import { RetryableError } from './drain';
import type { Rng } from './random';
import type { StoreUnderTest, SyncPass } from './store-under-test';

/** The checkout (drizzle-hq/'s parent), as processes.ts finds it. */
const ROOT = resolve(HQ_MIGRATIONS, '..');
const STORE_MIGRATIONS = join(ROOT, 'drizzle');

let bundled: string | null = null;
let open = 0;
/** Children running now: one exit handler takes them all down with this process (a failed hook, Ctrl-C). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/** real-store-child.ts bundled once per test process (esbuild, packages external), as processes.ts does for HQ. */
function childEntry(): string {
  if (bundled) return bundled;
  const dir = join(ROOT, '.tmp', 'store-bundle');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `child-${process.pid}.mjs`);
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/esbuild'),
    [
      'tests/sync/harness/real-store-child.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      '--target=node20',
      `--outfile=${out}`,
      '--log-level=warning',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`bundling the store failed: ${r.stderr}`);
  process.once('exit', () => rmSync(out, { force: true }));
  bundled = out;
  return out;
}

/** A write the store answered as saved: the row that proves it (a ledger document, a receipt line, a finished receipt). */
export interface SavedWrite {
  kind: 'receive' | 'issue' | 'waste' | 'finish';
  table: 'stock_moves' | 'receipt_lines' | 'receipts';
  id: string;
}

interface Answer {
  id?: number;
  ok?: boolean;
  value?: unknown;
  error?: string;
  saved?: SavedWrite;
  ready?: number;
}

/**
 * The real store under test: the store's backend (its own SQLite file,
 * migrations, outbox triggers and sync worker) in a child process
 * (real-store-child.ts) that this class can SIGKILL and start again on the
 * same data directory. HQ is reached at `hqUrl` (the fault proxy). Writes go
 * through the store's API dispatch as a signed-in admin: receipts posted
 * line by line and finished, issues and waste, each committing its outbox
 * entries with it. Every write the store acknowledged is kept in `saved`.
 */
export class RealStore implements StoreUnderTest {
  storeId = '';
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private output = '';
  /** Every write the child reported as committed, across restarts. */
  readonly saved: SavedWrite[] = [];
  starts = 0;

  private constructor(
    readonly name: string,
    readonly dataDir: string,
    private readonly requestTimeoutMs: number,
  ) {}

  /** Starts a new store, sets it up (admin, two areas, three items) and enrolls it at `hqUrl` with the one-time code. */
  static async create(
    name: string,
    hqUrl: string,
    enrollmentCode: string,
    opts: { requestTimeoutMs?: number } = {},
  ): Promise<RealStore> {
    const s = new RealStore(name, mkdtempSync(join(tmpdir(), 'real-store-')), opts.requestTimeoutMs ?? 3000);
    open++;
    await s.start();
    s.storeId = ((await s.send('enroll', { hqUrl, code: enrollmentCode })) as { storeId: string }).storeId;
    return s;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** What the child printed besides the protocol (errors at start, crashes). */
  log(): string {
    return this.output;
  }

  private async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [childEntry(), this.dataDir, STORE_MIGRATIONS, String(this.requestTimeoutMs)],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    this.starts++;
    live.add(child);
    let ready!: () => void;
    let failed!: (e: Error) => void;
    const up = new Promise<void>((res, rej) => {
      ready = res;
      failed = rej;
    });
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.startsWith('@@')) {
          this.output += `${line}\n`;
          continue;
        }
        const a = JSON.parse(line.slice(2)) as Answer;
        if (a.ready) ready();
        else if (a.saved) this.saved.push(a.saved);
        else if (a.id !== undefined) {
          const w = this.waiting.get(a.id);
          this.waiting.delete(a.id);
          if (a.ok) w?.ok(a.value);
          else w?.fail(new Error(`${this.name}: ${a.error}`));
        }
      }
    });
    child.stderr!.on('data', (d) => (this.output += d));
    child.once('exit', (code, signal) => {
      live.delete(child);
      const gone = new Error(`${this.name} is not running (${signal ?? `exit ${code}`})`);
      for (const w of this.waiting.values()) w.fail(gone);
      this.waiting.clear();
      failed(new Error(`${this.name} did not start:\n${this.output}`));
    });
    const timer = setTimeout(() => failed(new Error(`${this.name} did not start in 60 s:\n${this.output}`)), 60_000);
    try {
      await up;
    } finally {
      clearTimeout(timer);
    }
    await this.send('setUp', { code: this.name });
  }

  private send(cmd: string, args: Record<string, unknown> = {}): Promise<unknown> {
    const child = this.child;
    if (!child || !this.running) return Promise.reject(new Error(`${this.name} is not running`));
    const id = this.nextId++;
    return new Promise((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      child.stdin!.write(`${JSON.stringify({ id, cmd, ...args })}\n`);
    });
  }

  async writeRandom(rng: Rng, count: number): Promise<number> {
    const r = (await this.send('write', { seed: rng.int(1, 2 ** 31), count })) as { entries: number };
    return r.entries;
  }

  /** Writes without waiting for the end (the saved ones arrive in `saved` as they commit): for a kill mid-burst. */
  burst(rng: Rng, count: number): Promise<unknown> {
    return this.send('write', { seed: rng.int(1, 2 ** 31), count }).catch((e: Error) => e);
  }

  async syncOnce(): Promise<SyncPass> {
    const r = (await this.send('sync')) as {
      ok: boolean;
      pushed: number;
      stopped: string | null;
      error: string | null;
    };
    if (r.stopped) return { pushed: r.pushed, duplicates: 0, pulled: 0, stopped: r.stopped };
    if (!r.ok) throw new RetryableError(`${this.name}: ${r.error}`);
    return { pushed: r.pushed, duplicates: 0, pulled: 0 };
  }

  async pending(): Promise<number> {
    return (await this.send('pending')) as number;
  }

  /** SIGKILL: the store stops wherever it was (mid-write, mid-sync); nothing is flushed. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    if (this.running) throw new Error(`${this.name} is already running`);
    await this.start();
  }

  /** `PRAGMA integrity_check` of the store's file while the store is down (as the next start would find it). */
  integrityCheck(): string {
    if (this.running) throw new Error('check the file with the store down');
    const db = new Database(join(this.dataDir, 'store.sqlite'), { fileMustExist: true });
    try {
      return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
    } finally {
      db.close();
    }
  }

  /** An API call as the signed-in admin (dispatch: its transaction, audit entry and outbox entries). */
  async call<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    return (await this.send('call', { method, input })) as T;
  }

  async query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
    return (await this.send('query', { sql, params })) as T[];
  }

  async factRows(table: string): Promise<WireRow[]> {
    return (await this.send('factRows', { table })) as WireRow[];
  }

  async masterRows(table: string): Promise<WireRow[]> {
    return (await this.send('masterRows', { table })) as WireRow[];
  }

  async deadLettered(): Promise<Map<string, Set<string>>> {
    const rows = (await this.send('deadLettered')) as { tbl: string; rowId: string }[];
    const out = new Map<string, Set<string>>();
    for (const r of rows) out.set(r.tbl, (out.get(r.tbl) ?? new Set()).add(r.rowId));
    return out;
  }

  async close(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
    if (--open === 0 && bundled) {
      rmSync(bundled, { force: true });
      bundled = null;
    }
  }
}
