import { backupDatabase, backupDue } from './db/backup';
import { openStoreDatabase, type StoreDatabase } from './db/client';
import { acquireDataDirLock } from './db/lock';
import { createDispatch, type Dispatch } from './api/dispatch';
import type { ServerEvent } from '../src-shared/events';
import { createEventBus, type EventBus } from './lib/event-bus';
import { createLogger, type Logger } from './lib/log';
import { dataPaths } from './lib/paths';
import type { HostInfo } from './services/context';
import { seedDemoStore, type DemoSummary } from './services/demo/run';
import { storeSettings } from './services/store/settings';
import type { DeviceHub } from './services/devices/device-hub';
import { createDeviceHub } from './services/devices/hub';
import { seedBuiltIns } from './services/system/seeds';
import { runRepairsTick } from './services/repairs/tick';
import { createCallGate } from './api/call-gate';
import { createRestorer } from './services/system/restorer';
import { startSync, type SyncHost, type SyncHostOptions } from './sync/host';

export interface BackendOptions {
  dataDir: string;
  kind: HostInfo['kind'];
  version: string;
  lan: boolean;
  migrationsFolder: string;
  /** Seed (or top up) the demo restaurant at start. */
  demo?: boolean;
  /** Delay of the first daily-backup check after start (default one minute, off the start-up path). */
  firstBackupDelayMs?: number;
  /** Echo warnings and errors to stderr as well as the log file. */
  echoLog?: boolean;
  now?: () => number;
  /** The sync worker's timing and transport (tests), or `disabled` for tools that must not sync. */
  sync?: SyncHostOptions;
}

export interface Backend {
  dispatch: Dispatch;
  events: EventBus<ServerEvent>;
  devices: DeviceHub;
  host: HostInfo;
  log: Logger;
  database: StoreDatabase;
  demo: DemoSummary | null;
  /** The sync worker (null when disabled). */
  sync: SyncHost | null;
  /** Runs the periodic jobs now (the timer runs them at start and every ten minutes): repairs' auto-confirmations and due preventive work. */
  tick(): void;
  close(): void;
}

const HOUR = 3600_000;

/**
 * The composition root shared by the Electron main process and the Node host:
 * lock the data directory, open (check, back up, migrate) the database, build
 * dispatch, and schedule the daily backup. Nothing here imports electron.
 */
export async function startBackend(opts: BackendOptions): Promise<Backend> {
  const paths = dataPaths(opts.dataDir);
  const log = createLogger({ dir: paths.logs, echo: opts.echoLog });
  const release = acquireDataDirLock(paths.lock);
  let database: StoreDatabase;
  try {
    database = await openStoreDatabase({ paths, migrationsFolder: opts.migrationsFolder, log });
  } catch (err) {
    release();
    throw err;
  }
  const host: HostInfo = {
    kind: opts.kind,
    version: opts.version,
    lan: opts.lan,
    paths,
    logFile: log.file,
    schemaVersion: database.schemaVersion,
  };
  const events = createEventBus<ServerEvent>((err) => log.error('event listener failed', err));
  // Swapped together when System › Restore replaces the database. Dispatch reads them at each call (and
  // again before a mutation's transaction: the restore's own call records itself in the restored database).
  let devices!: DeviceHub;
  const useDatabase = () => {
    host.schemaVersion = database.schemaVersion;
    const seeded = seedBuiltIns(database.sqlite, Date.now());
    if (seeded.length) log.info('built-in rows seeded', { sets: seeded });
    devices = createDeviceHub({ sqlite: database.sqlite, events, log, dataDir: paths.dir });
  };
  useDatabase();
  const inner = createDispatch({
    get db() {
      return database.db;
    },
    get sqlite() {
      return database.sqlite;
    },
    get devices() {
      return devices;
    },
    host,
    log,
    events,
    now: opts.now,
  });
  const gate = createCallGate();
  const dispatch = gate.wrap(() => inner);
  host.restorer = createRestorer({
    paths,
    migrationsFolder: opts.migrationsFolder,
    log,
    events,
    gate,
    current: () => database,
    close: async () => {
      await devices.close();
      database.close();
    },
    reopen: async () => {
      database = await openStoreDatabase({ paths, migrationsFolder: opts.migrationsFolder, log });
      useDatabase();
      devices.reload();
    },
  });
  const demo = opts.demo ? seedDemoStore(database, host, log) : null;
  devices.reload();

  let closed = false;
  const dailyBackup = async () => {
    if (closed || !database.sqlite.open) return; // closed, or being replaced by a restore
    try {
      if (!backupDue(paths.backups, 24)) return;
      const keep = storeSettings(database.db).backupKeep;
      log.info('daily backup', await backupDatabase(database.sqlite, paths.backups, 'daily', keep));
    } catch (err) {
      if (!closed) log.error('daily backup failed', err); // closing mid-backup is not a failure
    }
  };
  const first = setTimeout(() => void dailyBackup(), opts.firstBackupDelayMs ?? 60_000);
  const timer = setInterval(() => void dailyBackup(), HOUR);
  first.unref();
  timer.unref();
  // Repairs: auto-confirmations and preventive work orders coming due. Reads never apply them, so the
  // tick runs once now (a PC that was off catches up before the first screen) and then every ten minutes.
  const tick = () => {
    if (!closed && database.sqlite.open) runRepairsTick(database, host, log, (opts.now ?? Date.now)());
  };
  tick();
  const repairsTimer = setInterval(tick, 10 * 60_000);
  repairsTimer.unref();
  // Follows the database through a restore: between close and reopen there is none to sync.
  const sync = startSync({
    host,
    conn: () => (database.sqlite.open ? database.sqlite : null),
    dataDir: paths.dir,
    version: opts.version,
    log,
    events,
    options: opts.sync,
  });

  log.info('backend started', { kind: opts.kind, version: opts.version, dataDir: paths.dir, lan: opts.lan });
  return {
    dispatch,
    events,
    get devices() {
      return devices;
    },
    host,
    log,
    get database() {
      return database;
    },
    demo,
    sync,
    tick,
    close() {
      closed = true;
      clearTimeout(first);
      clearInterval(timer);
      clearInterval(repairsTimer);
      void sync?.close();
      // Timers stop now; ports finish closing on their own (close() stays synchronous for the hosts).
      void devices.close();
      database.close();
      release();
      log.info('backend stopped');
    },
  };
}
