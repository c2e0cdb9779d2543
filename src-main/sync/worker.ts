import { ClockAheadError } from '../../src-shared/sync/hlc';
import { LIMITS, REFUSALS, type Refusal } from '../../src-shared/sync/protocol';
import { REPLICATION_SCHEMA, SYNC_PROTOCOL } from '../../src-shared/sync/version';
import type { SyncRunDto, SyncStatusDto } from '../../src-shared/api/methods/sync';
import type { Conn } from '../db/sql';
import type { Logger } from '../lib/log';
import { loadClock } from './clock';
import { finishRun, startRun, type RunEnd } from './history';
import { HqClient, type Answer } from './hq-client';
import { HqUrlError, NetworkError, type Transport } from './http';
import { acquireLock, newLockOwner, releaseLock, renewLock } from './lock';
import { enqueueEverything, waitingCount } from './outbox';
import { applyPage, CursorMoved, finishRefetch, mismatchedTables, startRefetch } from './pull';
import { applyAck, prepareBatch } from './push';
import { setSyncState, syncStateOf } from './state';
import { syncStatus, type LiveState } from './status';
import { startNewStream } from './stream';

/**
 * The store's sync worker, one per store database (a lock in sync_state; a
 * second worker waits): push until the outbox is empty, pull until HQ has
 * nothing more, sleep 30 s or less after a local write. Failing to reach HQ
 * (or HQ failing) backs off exponentially with jitter, 1 s to 5 min; a
 * refusal only a person can resolve (revoked, update the app) stops it with
 * the reason shown until "sync now". Every run is written to the history.
 */
export interface Timing {
  idleMs: number;
  debounceMs: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  leaseMs: number;
  lockPollMs: number;
  batchSize: number;
  pageSize: number;
  requestTimeoutMs: number;
  /** How often pulled master data is checked against HQ's checksums when nothing arrived. */
  verifyEveryMs: number;
}

export const DEFAULT_TIMING: Timing = {
  idleMs: 30_000,
  debounceMs: 2_000,
  minBackoffMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  leaseMs: 60_000,
  lockPollMs: 5_000,
  batchSize: 5_000,
  pageSize: LIMITS.changesPerPage,
  requestTimeoutMs: 60_000,
  verifyEveryMs: 10 * 60_000,
};

export interface WorkerOptions {
  /** The database to sync, or null while it is being replaced (System › Restore). */
  conn: () => Conn | null;
  /** The stream mark beside the database (see stream.ts); null where there is no data directory. */
  streamFile: string | null;
  appVersion: string;
  log: Logger;
  now?: () => number;
  /** Tells the windows what to refetch (the backend turns it into invalidate events). */
  notify?: (methods: string[]) => void;
  transport?: Transport;
  /** Extra certificate authorities for HQ's certificate (PEM). */
  ca?: string | Buffer;
  timing?: Partial<Timing>;
  /** Tests: pretend to be another app version. */
  replicationSchema?: number;
}

type Trigger = SyncRunDto['trigger'];

/** HQ refused a request as a whole. */
export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`${refusal.code}: ${refusal.message}`);
    this.name = 'Refused';
  }
}

/** Refusals nobody but a person can clear: the worker stops until "sync now". */
const NEEDS_PERSON = new Set(['REVOKED', 'WRONG_STORE', 'STORE_UPDATE_REQUIRED', 'INVALID_CODE', 'UNAUTHENTICATED']);
/** Refusals that clear by themselves but not soon (HQ updated, the PC's clock set right): retried at the slowest pace. */
const SLOW = new Set(['HQ_UPDATE_REQUIRED', 'CLOCK_AHEAD', 'CLOCK_BEHIND']);

class LockLost extends Error {}

interface Counters {
  sent: number;
  received: number;
  deadLetters: number;
  late: number;
  notes: string[];
}

export class SyncWorker {
  private readonly t: Timing;
  private readonly now: () => number;
  readonly owner = newLockOwner();
  private stopped = true;
  private loopDone: Promise<void> | null = null;
  private wakeUp: ((t: Trigger) => void) | null = null;
  private pendingWake: Trigger | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private failures = 0;
  private session: { url: string; token: string; expiresAt: number } | null = null;
  /** The update feed path HQ named in its last session answer (null: HQ serves none; undefined: no answer since start). Read by app/updater.ts. */
  updateFeedPath: string | null | undefined = undefined;
  private runWaiters: (() => void)[] = [];
  private batchLimit: number;
  private lastNotify = 0;
  private notifyTimer: NodeJS.Timeout | null = null;
  private readonly live: LiveState = { running: false, waitingForLock: false, progress: null, nextAttemptAt: null };
  private lockLost = false;

  constructor(private readonly opts: WorkerOptions) {
    this.t = { ...DEFAULT_TIMING, ...opts.timing };
    this.now = opts.now ?? Date.now;
    this.batchLimit = this.t.batchSize;
  }

  get versions() {
    return {
      protocol: SYNC_PROTOCOL,
      schema: this.opts.replicationSchema ?? REPLICATION_SCHEMA,
      app: this.opts.appVersion,
    };
  }

  /** A client for HQ at `url`, with this worker's transport and trust settings. */
  client(url: string): HqClient {
    return new HqClient({ url, transport: this.opts.transport, ca: this.opts.ca, timeoutMs: this.t.requestTimeoutMs });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.debounce) clearTimeout(this.debounce);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.wake('manual');
    await this.loopDone;
    const conn = this.opts.conn();
    try {
      if (conn?.open) releaseLock(conn, this.owner);
    } catch (err) {
      this.opts.log.warn('sync: could not release the lock', { error: String(err) });
    }
    for (const w of this.runWaiters.splice(0)) w();
  }

  /** A local write happened: sync soon (debounced), unless HQ is being given time to recover. */
  localWrite(): void {
    if (this.stopped || this.debounce || this.failures > 0) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.wake('write');
    }, this.t.debounceMs);
    this.debounce.unref?.();
  }

  /** Runs at once (also after a refusal that stopped the worker); resolves when that run ended or `waitMs` passed. */
  syncNow(waitMs = 60_000): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      timer.unref?.();
      this.runWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.failures = 0;
      this.wake('manual');
    });
  }

  status(conn: Conn): SyncStatusDto {
    return syncStatus(conn, this.stopped ? null : this.live);
  }

  private wake(reason: Trigger): void {
    if (this.wakeUp) this.wakeUp(reason);
    else if (this.pendingWake !== 'manual') this.pendingWake = reason;
  }

  private sleep(ms: number): Promise<Trigger> {
    if (this.pendingWake || this.stopped) {
      const t = this.pendingWake ?? 'manual';
      this.pendingWake = null;
      return Promise.resolve(t);
    }
    this.live.nextAttemptAt = this.now() + ms;
    return new Promise<Trigger>((resolve) => {
      const timer = setTimeout(() => done('timer'), ms);
      const done = (t: Trigger) => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.live.nextAttemptAt = null;
        resolve(t);
      };
      this.wakeUp = done;
    });
  }

  private backoff(slow = false): number {
    this.failures++;
    if (slow) return this.t.maxBackoffMs;
    const base = Math.min(this.t.maxBackoffMs, this.t.minBackoffMs * 2 ** Math.min(this.failures - 1, 20));
    return Math.round(base / 2 + Math.random() * (base / 2));
  }

  private notify(methods: string[], throttle = false): void {
    if (!this.opts.notify) return;
    const at = this.now();
    if (throttle && at - this.lastNotify < 250) {
      this.notifyTimer ??= setTimeout(() => {
        this.notifyTimer = null;
        this.notify(methods);
      }, 250);
      return;
    }
    this.lastNotify = at;
    try {
      this.opts.notify(methods);
    } catch (err) {
      this.opts.log.warn('sync: notify failed', { error: String(err) });
    }
  }

  private async loop(): Promise<void> {
    let trigger: Trigger = 'start';
    while (!this.stopped) {
      let delay = this.t.idleMs;
      const waiters = this.runWaiters.splice(0);
      try {
        const conn = this.opts.conn();
        delay = conn?.open ? await this.cycle(conn, trigger) : this.t.minBackoffMs;
      } catch (err) {
        this.opts.log.error('sync: worker cycle failed', { error: err instanceof Error ? err.stack : String(err) });
        delay = this.backoff();
      }
      for (const w of waiters) w();
      if (this.stopped) break;
      trigger = await this.sleep(delay);
    }
  }

  /** One turn of the loop: returns how long to sleep. */
  private async cycle(conn: Conn, trigger: Trigger): Promise<number> {
    const s = syncStateOf(conn);
    if (s.enrolledAt === null || !s.credential || !s.hqUrl) return this.t.idleMs;
    if (s.stoppedReason && trigger !== 'manual') return this.t.idleMs;
    if (!acquireLock(conn, this.owner, this.now(), this.t.leaseMs)) {
      if (!this.live.waitingForLock) {
        this.live.waitingForLock = true;
        this.notify(['sync.status']);
      }
      return this.t.lockPollMs;
    }
    this.live.waitingForLock = false;
    return this.run(conn, trigger);
  }

  private async run(conn: Conn, trigger: Trigger): Promise<number> {
    const started = this.now();
    const runId = startRun(conn, started, trigger);
    const c: Counters = { sent: 0, received: 0, deadLetters: 0, late: 0, notes: [] };
    this.live.running = true;
    this.lockLost = false;
    this.notify(['sync.status', 'sync.history']);
    const renew = setInterval(() => {
      try {
        if (!renewLock(conn, this.owner, this.now(), this.t.leaseMs)) this.lockLost = true;
      } catch {
        this.lockLost = true;
      }
    }, this.t.leaseMs / 3);
    renew.unref?.();
    let end: RunEnd;
    let delay: number;
    try {
      setSyncState(conn, { lastAttemptAt: started });
      const client = this.client(syncStateOf(conn).hqUrl!);
      await this.pushAll(conn, client, c);
      await this.pullAll(conn, client, c);
      const at = this.now();
      setSyncState(conn, { lastSuccessAt: at, lastError: null, lastRefusal: null, stoppedReason: null });
      this.failures = 0;
      end = { ...c, result: 'ok', code: null, message: c.notes.join(' ') };
      delay = this.t.idleMs;
    } catch (err) {
      ({ end, delay } = this.failed(conn, err, c));
    } finally {
      clearInterval(renew);
      this.live.running = false;
      this.live.progress = null;
    }
    try {
      // Closed under the run (the app closing, a restore): the row stays 'running', nothing to add.
      if (conn.open) finishRun(conn, runId, this.now(), end);
    } catch (err) {
      this.opts.log.warn('sync: could not record the run', { error: String(err) });
    }
    this.notify(c.received > 0 ? ['*'] : ['sync.status', 'sync.history', 'sync.deadLetters']);
    return delay;
  }

  private failed(conn: Conn, err: unknown, c: Counters): { end: RunEnd; delay: number } {
    const at = this.now();
    const base = { sent: c.sent, received: c.received, deadLetters: c.deadLetters, late: c.late };
    const record = (column: 'lastError' | 'lastRefusal', code: string, message: string, stop = false) => {
      try {
        setSyncState(conn, {
          [column]: JSON.stringify({ code, message, at }),
          // A run that got another answer (a manual "sync now" after the fix) lifts an earlier stop.
          stoppedReason: stop ? code : null,
        });
      } catch {
        // the database went away mid-run (a restore): the next run starts over
      }
    };
    if (err instanceof NetworkError || err instanceof HqUrlError) {
      const code =
        err instanceof HqUrlError
          ? 'NETWORK'
          : err.kind === 'timeout'
            ? 'TIMEOUT'
            : err.kind === 'tls'
              ? 'TLS'
              : 'NETWORK';
      record('lastError', code, err.message);
      return { end: { ...base, result: 'offline', code, message: err.message }, delay: this.backoff() };
    }
    if (err instanceof Refused) {
      const { code, message } = err.refusal;
      const stop = NEEDS_PERSON.has(code);
      record('lastRefusal', code, message, stop);
      this.opts.log.warn('sync: HQ refused', { code, message });
      if (code === 'UNAUTHENTICATED' || code === 'REVOKED') this.session = null;
      const delay = stop ? this.t.idleMs : this.backoff(SLOW.has(code) || !REFUSALS[code].retry);
      return { end: { ...base, result: 'refused', code, message }, delay };
    }
    if (err instanceof ClockAheadError) {
      const message = `HQ's clock stamps are ${Math.round((err.remoteWall - err.localWall) / 60_000)} min ahead of this PC's clock (more than a day): set this PC's date and time right.`;
      record('lastRefusal', 'CLOCK_BEHIND', message);
      return { end: { ...base, result: 'refused', code: 'CLOCK_BEHIND', message }, delay: this.backoff(true) };
    }
    if (err instanceof LockLost || err instanceof CursorMoved) {
      return {
        end: { ...base, result: 'ok', code: null, message: 'another worker took over' },
        delay: this.t.lockPollMs,
      };
    }
    if (!conn.open) {
      // The database closed under the run (the app closing, a restore): not a failure of sync.
      this.opts.log.info('sync: the database closed during a run');
      return { end: { ...base, result: 'error', code: 'ERROR', message: 'closed' }, delay: this.t.minBackoffMs };
    }
    this.opts.log.error('sync: run failed', { error: err instanceof Error ? err.stack : String(err) });
    const message = err instanceof Error ? err.message : String(err);
    record('lastError', 'ERROR', message);
    return { end: { ...base, result: 'error', code: 'ERROR', message }, delay: this.backoff() };
  }

  /** Times every answer so HQ's clock can be compared with this PC's. */
  private async call<T extends { hqTime: number }>(fn: () => Promise<Answer<T>>, conn: Conn): Promise<Answer<T>> {
    if (this.lockLost) throw new LockLost();
    const t0 = this.now();
    const ans = await fn();
    const t1 = this.now();
    const hqTime = ans.ok ? ans.value.hqTime : ans.refusal.hqTime;
    const offset = Math.round(hqTime - (t0 + t1) / 2);
    const known = syncStateOf(conn).clockOffsetMs;
    if (known === null || Math.abs(known - offset) > 1000) setSyncState(conn, { clockOffsetMs: offset });
    return ans;
  }

  private async token(conn: Conn, client: HqClient): Promise<string> {
    const url = client.base.href;
    if (this.session && this.session.url === url && this.session.expiresAt - 60_000 > this.now()) {
      return this.session.token;
    }
    const s = syncStateOf(conn);
    const ans = await this.call(
      () => client.session({ storeId: s.storeId!, credential: s.credential!, versions: this.versions }),
      conn,
    );
    if (!ans.ok) throw new Refused(ans.refusal);
    this.session = { url, token: ans.value.token, expiresAt: ans.value.expiresAt };
    this.updateFeedPath = ans.value.updateFeed ?? null;
    return ans.value.token;
  }

  /** A request with a token; an expired token is renewed once. */
  private async authed<T extends { hqTime: number }>(
    conn: Conn,
    client: HqClient,
    fn: (token: string) => Promise<Answer<T>>,
  ): Promise<Answer<T>> {
    let ans = await this.call(async () => fn(await this.token(conn, client)), conn);
    if (!ans.ok && ans.refusal.code === 'UNAUTHENTICATED') {
      this.session = null;
      ans = await this.call(async () => fn(await this.token(conn, client)), conn);
    }
    return ans;
  }

  private async pushAll(conn: Conn, client: HqClient, c: Counters): Promise<void> {
    const total = waitingCount(conn);
    this.live.progress = total > 0 ? { sent: 0, total } : null;
    let gapHandled = false;
    for (;;) {
      const batch = prepareBatch(conn, {
        limit: this.batchLimit,
        streamFile: this.opts.streamFile,
        clock: loadClock(conn, this.now),
        versions: this.versions,
        now: this.now(),
      });
      if (!batch) return;
      if (batch.newStream) {
        this.opts.log.warn('sync: this database is a restored copy: its entries go up on a new stream');
        c.notes.push('This database was restored from a backup: its waiting entries were sent again on a new stream.');
      }
      const ans = await this.authed(conn, client, (token) => client.push(batch.request, token));
      if (!ans.ok) {
        const code = ans.refusal.code;
        if (code === 'GAP' && !gapHandled) {
          // HQ has less of this stream than it acknowledged (its database went back in time): send everything again.
          gapHandled = true;
          conn.transaction(() => {
            startNewStream(conn);
            enqueueEverything(conn, this.now());
          })();
          this.opts.log.warn('sync: HQ lost entries it had acknowledged; everything is sent again', {
            expected: ans.refusal.expectedSeq,
            from: batch.request.fromSeq,
          });
          c.notes.push("HQ had lost entries it had acknowledged: all of this store's data is being sent again.");
          if (this.live.progress) this.live.progress.total = c.sent + waitingCount(conn);
          continue;
        }
        if (code === 'TOO_LARGE' && batch.rows.length > 1) {
          this.batchLimit = Math.max(1, Math.floor(batch.rows.length / 2));
          continue;
        }
        throw new Refused(ans.refusal);
      }
      const out = applyAck(conn, batch, ans.value, this.now());
      if (out.streamAhead) {
        this.opts.log.warn('sync: HQ holds more of this stream than this database sent: new stream');
        c.notes.push('This database was restored from a backup: its waiting entries were sent again on a new stream.');
        continue;
      }
      c.sent += out.acknowledged;
      c.deadLetters += out.deadLetters;
      c.late += out.late;
      if (this.live.progress) this.live.progress.sent = Math.min(this.live.progress.total, c.sent);
      this.notify(['sync.status'], true);
    }
  }

  private async pullAll(conn: Conn, client: HqClient, c: Counters): Promise<void> {
    let cursor = syncStateOf(conn).pullCursor;
    let arrived = false;
    let refetched = false;
    const storeId = syncStateOf(conn).storeId!;
    for (;;) {
      const ans = await this.authed(conn, client, (token) =>
        client.pull({ storeId, cursor, limit: this.t.pageSize, versions: this.versions }, token),
      );
      if (!ans.ok) throw new Refused(ans.refusal);
      const page = ans.value;
      const out = applyPage(conn, page, { fromCursor: cursor, clock: loadClock(conn, this.now), now: this.now() });
      c.received += out.applied;
      c.deadLetters += out.deadLetters;
      arrived ||= page.changes.length > 0;
      cursor = page.nextCursor;
      if (page.more) continue;
      const verifiedAt = syncStateOf(conn).verifiedAt ?? 0;
      if (!page.checksums || (!arrived && this.now() - verifiedAt < this.t.verifyEveryMs)) return;
      const bad = mismatchedTables(conn, page.checksums);
      if (bad.length && !refetched) {
        refetched = true;
        this.opts.log.warn('sync: checksums differ from HQ; refetching', { tables: bad });
        const still = await this.refetch(conn, client, bad, cursor, storeId, c);
        if (still.length) {
          c.notes.push(`After refetching, ${still.join(', ')} still differ from HQ.`);
          this.opts.log.warn('sync: still different after a refetch', { tables: still });
        }
        // Then on from the cursor: changes already applied are harmless to see again.
        continue;
      }
      setSyncState(conn, { verifiedAt: this.now() });
      return;
    }
  }

  /** The tables' whole content from HQ; rows HQ does not have are removed (kept in the dead letters). */
  private async refetch(
    conn: Conn,
    client: HqClient,
    tables: string[],
    cursor: number,
    storeId: string,
    c: Counters,
  ): Promise<string[]> {
    startRefetch(conn, tables);
    let after: string | undefined;
    for (;;) {
      const ans = await this.authed(conn, client, (token) =>
        client.pull(
          {
            storeId,
            cursor,
            limit: this.t.pageSize,
            versions: this.versions,
            refetch: tables,
            ...(after ? { refetchAfter: after } : {}),
          },
          token,
        ),
      );
      if (!ans.ok) throw new Refused(ans.refusal);
      const page = ans.value;
      const out = applyPage(conn, page, {
        fromCursor: cursor,
        clock: loadClock(conn, this.now),
        now: this.now(),
        refetch: tables,
      });
      c.received += out.applied;
      c.deadLetters += out.deadLetters;
      if (page.more && page.refetchAfter) {
        after = page.refetchAfter;
        continue;
      }
      c.deadLetters += finishRefetch(conn, tables, this.now());
      setSyncState(conn, { verifiedAt: this.now() });
      return page.checksums ? mismatchedTables(conn, page.checksums) : [];
    }
  }
}
