import type Database from 'better-sqlite3';
import type { Role } from '../../src-shared/roles';
import type { Locale } from '../../src-shared/i18n';
import type { Db } from '../db/client';
import type { Logger } from '../lib/log';
import type { DataPaths } from '../lib/paths';
import type { DeviceHub } from './devices/device-hub';
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
  /** Asks the transport to set (token) or clear (null) the session credential. */
  setSession(session: { token: string; expiresAt: number } | null): void;
  /**
   * Work that must wait for this call's writes to be committed and must never
   * run inside the transaction (device I/O such as printing, device reloads).
   * Dispatch runs it after the commit and before it replies, so the reply can
   * carry the outcome; a failure is logged and never undoes the commit. Absent
   * where no dispatch runs the call (seeding, ticks): see runAfterCommit.
   */
  afterCommit?: (fn: () => unknown) => void;
}

/** Queues `fn` for after the commit; a context without a dispatch behind it cannot wait for one. */
export function runAfterCommit(ctx: Ctx, fn: () => unknown): void {
  if (!ctx.afterCommit) throw new Error('runAfterCommit: this context has no commit to wait for');
  ctx.afterCommit(fn);
}

export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new Error('requireUser called on a public method');
  return ctx.user;
}
