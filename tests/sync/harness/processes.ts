import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openHqDb, type HqDb, type Q } from '../../../src-hq/db/client';
import { HQ_MIGRATIONS, openTestHqDb, type DbKind } from '../../helpers/hq-db';
import type { HqApiClient } from '../../helpers/hq';
import { adminActions, adminClient, type HqUnderTest } from './hq-under-test';

/** The checkout: drizzle-hq/'s parent (no __dirname here: the soak runs this file bundled). */
const ROOT = resolve(HQ_MIGRATIONS, '..');

let bundled: string | null = null;
/** HqProcess instances not closed yet: the last close() removes the bundle (vitest workers may end without 'exit'). */
let open = 0;

/**
 * src-hq/host/main.ts bundled once per test process (esbuild, packages left in
 * node_modules, as `npm run hq`'s build does): a start then costs a third of
 * loading the sources through tsx, and the soak and the kill tests start HQ
 * many times. The bundle sits two levels below the root (.tmp/hq-bundle/),
 * like out/hq/hq.js, so main.ts finds drizzle-hq/ the same way.
 */
function hqEntry(): string {
  if (bundled) return bundled;
  const dir = join(ROOT, '.tmp', 'hq-bundle');
  mkdirSync(dir, { recursive: true });
  // Bundles of test processes that were killed before their exit handler ran.
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const age = Date.now() - (statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 3600_000) rmSync(p, { force: true });
  }
  const out = join(dir, `main-${process.pid}.mjs`);
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/esbuild'),
    [
      'src-hq/host/main.ts',
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
  if (r.status !== 0) throw new Error(`bundling HQ failed: ${r.stderr}`);
  process.once('exit', () => rmSync(out, { force: true }));
  bundled = out;
  return out;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/**
 * HQ as a real process: `npm run hq`'s entry (src-hq/host/main.ts, bundled
 * as its build does) on a fixed port, over PGlite in a
 * data directory of its own or over a database of this test file's private
 * PostgreSQL cluster. It can be SIGKILLed and restarted on the same data and
 * port, so the proxy in front of it needs no change.
 */
export class HqProcess implements HqUnderTest {
  private child: ChildProcess | null = null;
  private output = '';
  private api: HqApiClient | null = null;
  private readonly actions = adminActions(() => this.api!);
  readonly createStore = this.actions.createStore;
  readonly closePeriod = this.actions.closePeriod;
  readonly saveItem = this.actions.saveItem;
  /** Times the process was started. */
  starts = 0;

  private constructor(
    readonly kind: DbKind,
    readonly port: number,
    private readonly dataDir: string,
    private readonly databaseUrl: string,
    /** postgres: a pool beside HQ for reads; pglite: none (one process only). */
    private readonly pool: HqDb | null,
  ) {}

  static async start(kind: DbKind): Promise<HqProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'hq-proc-'));
    let url = '';
    let pool: HqDb | null = null;
    const db = await openTestHqDb(kind);
    if (kind === 'postgres') {
      url = db.url!;
      pool = db.hq;
    } else {
      // The migrated test snapshot, unpacked into the process's data directory: seconds saved per start.
      const dump = await (db.hq.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
      await db.hq.close();
      const seeded = await openHqDb({
        dataDir: join(dataDir, 'pg'),
        migrationsFolder: HQ_MIGRATIONS,
        loadDataDir: dump,
      });
      await seeded.close();
    }
    const p = new HqProcess(kind, await freePort(), dataDir, url, pool);
    open++;
    await p.restart();
    p.api = await adminClient(p.url);
    return p;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything the process printed (all starts). */
  log(): string {
    return this.output;
  }

  /** Starts the process (again) on the same data and port; resolves when it serves. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('HQ is already running');
    const child = spawn(process.execPath, [hqEntry(), '--port', String(this.port), '--data-dir', this.dataDir], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: this.databaseUrl, HQ_DATA_DIR: this.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    // A test process that ends without close() (a failed hook, Ctrl-C) takes its HQ with it.
    const reap = () => child.kill('SIGKILL');
    process.once('exit', reap);
    child.once('exit', () => process.off('exit', reap));
    const mark = this.output.length;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    const end = Date.now() + 60_000;
    while (!/HQ is running at/.test(this.output.slice(mark))) {
      if (Date.now() > end || child.exitCode !== null) {
        throw new Error(`HQ did not start:\n${this.output.slice(mark)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL: no cleanup, no goodbye; whatever HQ was doing stops mid-way. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: HQ closes its database and exits. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  private async signal(sig: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(sig);
    await exited;
  }

  /** Resident memory of the HQ process (kB), from /proc. */
  rssKb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
  }

  async read<T>(fn: (q: Q) => Promise<T>): Promise<T> {
    if (this.pool) return fn(this.pool.db);
    // PGlite serves one process: stop HQ, read its data directory, start it again.
    const wasRunning = this.running;
    await this.stop();
    const db = await openHqDb({ dataDir: join(this.dataDir, 'pg'), migrationsFolder: HQ_MIGRATIONS });
    try {
      return await fn(db.db);
    } finally {
      await db.close();
      if (wasRunning) await this.restart();
    }
  }

  async close(): Promise<void> {
    await this.kill();
    await this.pool?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
    if (--open === 0 && bundled) {
      rmSync(bundled, { force: true });
      bundled = null;
    }
  }
}
