import { randomBytes } from 'node:crypto';
import { createLogger, type Logger } from '../src-main/lib/log';
import { HybridClock } from '../src-shared/sync/hlc';
import { LIMITS } from '../src-shared/sync/protocol';
import { REPLICATION_SCHEMA } from '../src-shared/sync/version';
import { createHqDispatch, type HqDispatch } from './api/dispatch';
import type { HqContext } from './context';
import { openHqDb, type HqDb, type OpenOptions } from './db/client';
import { apiHttp } from './host/api-http';
import { startHqServer, type HqServerOptions, type RunningServer } from './host/server';
import { sweepReleaseFiles } from './services/releases/releases';
import { ReleaseStorage } from './services/releases/storage';
import { startChainFolder } from './services/chain/fold';
import { sweepSyncState } from './services/sync/auth';
import { ChecksumCache } from './services/sync/checksums';
import { compactChangeLog } from './services/master/compaction';

export interface HqOptions extends HqServerOptions {
  /** Open database, or how to open one. */
  db: HqDb | OpenOptions;
  logDir: string;
  hqName?: string;
  now?: () => number;
  /** Logs also to stderr (warnings and errors). */
  echo?: boolean;
  replicationSchema?: number;
  /** How often the change log is compacted (default every six hours; 0: never, tests call it). */
  compactEveryMs?: number;
  /** Where uploaded app releases are kept (HQ's data directory): without it HQ serves no updates. */
  releasesDir?: string;
  /** How often pushed ledger rows are folded into the chain views' totals (ms). */
  chainFoldMs?: number;
}

export interface Hq {
  ctx: HqContext;
  /** HQ's web API, callable in-process (tests, the CLI). */
  dispatch: HqDispatch;
  db: HqDb;
  url: string;
  port: number;
  log: Logger;
  close(): Promise<void>;
}

/** How often expired tokens and day-old request ids are swept. */
const SWEEP_MS = 10 * 60_000;
const COMPACT_MS = 6 * 3600_000;

/** An HQ process: its database (migrated), its context, its server and its periodic sweep. */
export async function startHq(opts: HqOptions): Promise<Hq> {
  const log = createLogger({ dir: opts.logDir, name: 'hq', echo: opts.echo ?? false });
  const db = 'db' in opts.db && 'kind' in opts.db ? opts.db : await openHqDb(opts.db);
  const now = opts.now ?? Date.now;
  const ctx: HqContext = {
    db: db.db,
    dbKind: db.kind,
    log,
    now,
    // One node id per process: two HQ processes are two HLC nodes, which is what they are.
    clock: new HybridClock(`hq-${randomBytes(4).toString('hex')}`, now),
    hqName: opts.hqName ?? 'HQ',
    replicationSchema: opts.replicationSchema ?? REPLICATION_SCHEMA,
    checksums: new ChecksumCache(),
    releases: opts.releasesDir ? new ReleaseStorage(opts.releasesDir) : undefined,
  };
  const dispatch = createHqDispatch(ctx);
  let server: RunningServer;
  try {
    server = await startHqServer(ctx, {
      ...opts,
      api:
        opts.api ??
        apiHttp(dispatch, {
          secure: !!opts.tls,
          maxBodyBytes: opts.maxBodyBytes ?? LIMITS.bodyBytes,
          bodyTimeoutMs: opts.bodyTimeoutMs ?? 30_000,
        }),
    });
  } catch (err) {
    if (!('kind' in opts.db)) await db.close();
    throw err;
  }
  const sweep = setInterval(() => {
    sweepSyncState(ctx.db, now()).catch((err: unknown) => log.warn('sweep failed', { error: String(err) }));
    if (ctx.releases) {
      const releases = ctx.releases;
      releases
        .sweepStages(now())
        .then(() => sweepReleaseFiles(ctx.db, releases))
        .catch((err: unknown) => log.warn('release sweep failed', { error: String(err) }));
    }
  }, SWEEP_MS);
  sweep.unref();
  const compactEvery = opts.compactEveryMs ?? COMPACT_MS;
  const compact = () =>
    compactChangeLog(ctx.db, { now: now() })
      .then((r) => {
        if (r.dropped) log.info('change log compacted', { dropped: r.dropped, left: r.left });
      })
      .catch((err: unknown) => log.warn('change-log compaction failed', { error: String(err) }));
  const compactor = compactEvery > 0 ? setInterval(() => void compact(), compactEvery) : null;
  compactor?.unref();
  const folder = startChainFolder(ctx.db, log, opts.chainFoldMs);
  log.info('hq started', { url: server.url, db: db.kind });
  return {
    ctx,
    dispatch,
    db,
    url: server.url,
    port: server.port,
    log,
    async close() {
      clearInterval(sweep);
      if (compactor) clearInterval(compactor);
      await server.close();
      await folder.stop();
      if (!('kind' in opts.db)) await db.close();
    },
  };
}
