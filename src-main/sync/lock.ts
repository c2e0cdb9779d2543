import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Conn } from '../db/sql';

/**
 * One sync worker per store database: the worker holding `sync_state.lock_owner`
 * until `lock_until` is the only one that pushes and pulls; another (a second
 * process or window on the same file) waits. Taken under BEGIN IMMEDIATE, so
 * two workers cannot both see the lock free; renewed while held; a holder
 * that died on this machine (its process is gone) is taken over at once,
 * one elsewhere when its lease runs out.
 */
export function newLockOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function deadHereAndNow(owner: string): boolean {
  const [host, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const current = sql<{ owner: string | null; until: number | null }>(
  'SELECT lock_owner AS owner, lock_until AS until FROM sync_state WHERE id = 1',
);
const take = sql<never, [string, number]>('UPDATE sync_state SET lock_owner = ?, lock_until = ? WHERE id = 1');
const renew = sql<never, [number, string]>('UPDATE sync_state SET lock_until = ? WHERE id = 1 AND lock_owner = ?');
const free = sql<never, [string]>(
  'UPDATE sync_state SET lock_owner = NULL, lock_until = NULL WHERE id = 1 AND lock_owner = ?',
);

/** Takes or keeps the lock; false when another live worker holds it. */
export function acquireLock(conn: Conn, owner: string, now: number, leaseMs: number): boolean {
  return conn
    .transaction(() => {
      const c = current.get(conn);
      const mine = c?.owner === owner;
      const open = !c?.owner || (c.until ?? 0) < now || deadHereAndNow(c.owner);
      if (!mine && !open) return false;
      take.run(conn, owner, now + leaseMs);
      return true;
    })
    .immediate();
}

/** Extends a held lock; false when it was lost (expired and taken by another worker). */
export function renewLock(conn: Conn, owner: string, now: number, leaseMs: number): boolean {
  return renew.run(conn, now + leaseMs, owner).changes === 1;
}

export function releaseLock(conn: Conn, owner: string): void {
  free.run(conn, owner);
}

/** Who holds the lock now (for the status: "another window syncs this store"). */
export function lockHolder(conn: Conn, now: number): string | null {
  const c = current.get(conn);
  return c?.owner && (c.until ?? 0) >= now ? c.owner : null;
}
