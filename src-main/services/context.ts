import type Database from 'better-sqlite3';
import type { Role } from '../../src-shared/roles';
import { pickLocale, type Locale } from '../../src-shared/i18n';
import type { Db } from '../db/client';
import type { Logger } from '../lib/log';
import type { DataPaths } from '../lib/paths';
import { NO_DEVICES, type DeviceHub } from './devices/device-hub';
import type { DatabaseRestorer } from './system/database-restorer';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

/** One row changed by a mutation, as written to the audit log. */
export interface Change {
  table: string;
  id: string;
  op: 'insert' | 'update' | 'delete';
  /** Only the columns that changed (update) or the new row (insert). */
  values?: Record<string, unknown>;
  before?: Record<string, unknown>;
}

/** What the host knows about itself; exposed to services that report it. */
export interface HostInfo {
  kind: 'electron' | 'node';
  version: string;
  lan: boolean;
  paths: DataPaths;
  logFile: string;
  schemaVersion: number;
  /** Replaces the running database by a backup (set by the backend; absent where a host cannot). */
  restorer?: DatabaseRestorer;
}

/** How the caller reached us; setup is allowed only from the store PC itself. */
export interface Caller {
  loopback: boolean;
  client: string;
  /**
   * Where the call came from, the key for per-source throttling: the client's
   * address over HTTP (an IPv6 client by its /64 network, since one machine
   * can take any address in it). Absent means this PC itself (Electron IPC,
   * loopback HTTP, tools), which is one source.
   */
  source?: string;
}

/**
 * Everything a service call may use. Services never reach for globals: the
 * clock, the user and the database come from here, which keeps them testable
 * and lets the sync layer replay them later.
 */
export interface Ctx {
  db: Db;
  sqlite: Database.Database;
  now: number;
  user: SessionUser | null;
  sessionTokenHash: string | null;
  /** When the current session ends if left idle (null when signed out). */
  sessionExpiresAt: number | null;
  locale: Locale;
  caller: Caller;
  host: HostInfo;
  log: Logger;
  /** Scales and printers of this PC (a stand-in that refuses every call where there are none). */
  devices: DeviceHub;
  /** Records a changed row for the audit entry of this call. */
  changed(change: Change): void;
  /** Adds to this call's audit entry what its input and changed rows do not say (see AuditNote). */
  auditNote(note: AuditNote): void;
  /** Asks the transport to set (token) or clear (null) the session credential. */
  setSession(session: { token: string; expiresAt: number } | null): void;
  /**
   * Work that must wait for this call's writes to be committed and must never
   * run inside the transaction (device I/O such as printing, device reloads,
   * events). Whoever owns the transaction (dispatch, or the system-work runner
   * for ticks and seeding) runs it after the commit and before it replies, so
   * the reply can carry the outcome. It never undoes the commit: a failure is
   * logged, and an AppError from it becomes the caller's answer (the scale
   * did not tare) while what was committed stands.
   */
  afterCommit(fn: () => unknown): void;
  /**
   * Writes that must stand although this call fails (a failed sign-in's
   * counters): for contracts with `auditFailures`, dispatch rolls the call
   * back, then runs these and writes the failure's audit entry in a
   * transaction of its own. Elsewhere a failure leaves nothing.
   */
  keepOnFailure(fn: () => void): void;
}

/** What a call's audit entry says besides its (redacted) input and its changed rows. */
export interface AuditNote {
  /** The outcome in a word or a name ('ok', 'bad-secret', the backup's file). */
  result?: string;
  summary?: Record<string, unknown>;
  /** Replaces the logged input (an import logs its file's hash, not its contents). */
  input?: unknown;
  /** Who acted when the call has no user yet (the person signing in). */
  actor?: { id: string; username: string } | null;
  /** Leave the changed rows out (a large import: the file, by its hash, says what changed). */
  omitChanges?: boolean;
}

/** A context for work no one called (the periodic tick, seeding, tools), as the system. */
export function systemContext(deps: {
  db: Db;
  sqlite: Database.Database;
  host: HostInfo;
  log: Logger;
  /** Names the work in the context (and so in the logs): 'repairs-tick', 'demo', 'bench'. */
  client: string;
  now?: number;
  devices?: DeviceHub;
  user?: SessionUser | null;
  locale?: Locale;
}): Ctx {
  const refuse = (what: string) => () => {
    throw new Error(`${what}: ${deps.client} runs without a transaction owner (use runSystemWork)`);
  };
  return {
    db: deps.db,
    sqlite: deps.sqlite,
    now: deps.now ?? Date.now(),
    user: deps.user ?? null,
    sessionTokenHash: null,
    sessionExpiresAt: null,
    locale: deps.locale ?? pickLocale(process.env.LANG?.replace('_', '-')),
    caller: { loopback: true, client: deps.client },
    host: deps.host,
    log: deps.log,
    devices: deps.devices ?? NO_DEVICES,
    changed: () => undefined,
    auditNote: () => undefined,
    setSession: () => undefined,
    afterCommit: refuse('afterCommit'),
    keepOnFailure: refuse('keepOnFailure'),
  };
}

export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new Error('requireUser called on a public method');
  return ctx.user;
}
