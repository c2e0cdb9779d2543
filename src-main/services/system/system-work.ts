import type Database from 'better-sqlite3';
import type { Db } from '../../db/client';
import type { Logger } from '../../lib/log';
import { writeAudit } from '../audit/record';
import { systemContext, type AuditNote, type Change, type Ctx, type HostInfo } from '../context';
import type { DeviceHub } from '../devices/device-hub';

/**
 * Work no one called (the periodic tick, the demo store at start), run as the
 * system the way dispatch runs a call: one transaction with its one audit
 * entry, then the work that waits for the commit. Dispatch owns the
 * transactions of calls; this owns those of the system; no service opens its own.
 */
export interface SystemJob<T> {
  /** The audit entry's method name. */
  method: string;
  run(ctx: Ctx): T;
  /**
   * The entry's result line. The entry is written when the job changed rows
   * or has a result: a tick with nothing due leaves no trace.
   */
  result?(out: T): string | null;
  /** Keep each changed row in the entry (default); false when the result sums them up (a year of demo rows). */
  keepChanges?: boolean;
}

export interface SystemDeps {
  db: Db;
  sqlite: Database.Database;
  host: HostInfo;
  log: Logger;
  devices?: DeviceHub;
  /** Names the work in the context and the logs ('repairs-tick', 'demo'). */
  client: string;
  now?: number;
}

export function runSystemWork<T>(deps: SystemDeps, job: SystemJob<T>): T {
  const changes: Change[] = [];
  const note: AuditNote = {};
  const after: (() => unknown)[] = [];
  const ctx: Ctx = {
    ...systemContext(deps),
    // Not even gathered when the result sums them up: the demo's year is hundreds of thousands of rows.
    changed: job.keepChanges === false ? () => undefined : (c) => changes.push(c),
    auditNote: (n) => Object.assign(note, n),
    afterCommit: (fn) => after.push(fn),
  };
  const out = deps.sqlite
    .transaction(() => {
      const value = job.run(ctx);
      const result = note.result ?? job.result?.(value) ?? null;
      const kept = job.keepChanges === false || note.omitChanges ? [] : changes;
      if (kept.length || result !== null) {
        writeAudit(ctx, job.method, {
          changes: kept.length ? kept : undefined,
          result: result ?? undefined,
          summary: note.summary,
        });
      }
      return value;
    })
    .immediate();
  for (const fn of after) {
    const logged = (err: unknown) =>
      deps.log.error(`after-commit work failed in ${job.method}`, err instanceof Error ? err.stack : String(err));
    try {
      void Promise.resolve(fn()).catch(logged);
    } catch (err) {
      logged(err);
    }
  }
  return out;
}
