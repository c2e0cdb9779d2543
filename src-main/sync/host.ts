import { join } from 'node:path';
import type { ServerEvent } from '../../src-shared/events';
import type { Conn } from '../db/sql';
import type { EventBus } from '../lib/event-bus';
import type { Logger } from '../lib/log';
import { releaseLock } from './lock';
import { syncStateOf } from './state';
import { chooseUpdateFeed, type UpdateFeed } from './update-feed';
import { SyncWorker, type Timing } from './worker';
import type { Transport } from './http';

/**
 * The sync worker as the backend runs it: one per backend, started with it,
 * stopped with it, following the database through a restore (it asks for the
 * current one before each run). Local writes (the invalidations every
 * mutation announces) wake it, debounced; its own announcements do not.
 */
export interface SyncHostOptions {
  timing?: Partial<Timing>;
  transport?: Transport;
  ca?: string | Buffer;
  /** Off: no worker (tools that open a store database without syncing it). */
  disabled?: boolean;
}

export interface SyncHost {
  worker: SyncWorker;
  /** The app updater's feed (HQ's once enrolled; else `typedUrl`, the store setting): see update-feed.ts. */
  updateFeed(typedUrl: string): UpdateFeed | 'waitForHq' | null;
  /** Stops the worker and frees its lock at once (the database may close right after); resolves when the loop ended. */
  close(): Promise<void>;
}

const byHost = new WeakMap<object, SyncWorker>();

/** The worker a backend started, found by its HostInfo (what handlers have as ctx.host). */
export function syncWorkerOf(host: object): SyncWorker | undefined {
  return byHost.get(host);
}

export function startSync(deps: {
  host: object;
  conn: () => Conn | null;
  dataDir: string;
  version: string;
  log: Logger;
  events: EventBus<ServerEvent>;
  options?: SyncHostOptions;
}): SyncHost | null {
  if (deps.options?.disabled) return null;
  let publishing = false;
  const worker = new SyncWorker({
    conn: deps.conn,
    streamFile: join(deps.dataDir, 'sync-stream'),
    appVersion: deps.version,
    log: deps.log,
    transport: deps.options?.transport,
    ca: deps.options?.ca,
    timing: deps.options?.timing,
    notify: (methods) => {
      publishing = true;
      try {
        deps.events.publish({ type: 'invalidate', methods });
      } finally {
        publishing = false;
      }
    },
  });
  const unsubscribe = deps.events.subscribe((e) => {
    if (publishing || e.type !== 'invalidate') return;
    if (e.methods.every((m) => m.startsWith('sync.'))) return;
    worker.localWrite();
  });
  byHost.set(deps.host, worker);
  worker.start();
  return {
    worker,
    updateFeed(typedUrl) {
      const conn = deps.conn();
      const enrollment = conn ? syncStateOf(conn) : { hqUrl: null, storeId: null, credential: null };
      return chooseUpdateFeed(enrollment, worker.updateFeedPath, typedUrl);
    },
    close() {
      unsubscribe();
      const done = worker.stop();
      try {
        const conn = deps.conn();
        if (conn?.open) releaseLock(conn, worker.owner);
      } catch {
        // closing anyway
      }
      return done;
    },
  };
}
