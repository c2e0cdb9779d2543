import { randomUUID } from 'node:crypto';
import { uuidv7 } from '../../../src-main/lib/ids';
import type { WireRow } from '../../../src-shared/sync/checksum';
import {
  SYNC_PATH,
  type DeadLetter,
  type OutboxEntry,
  type PullResponse,
  type PushResponse,
  type Refusal,
} from '../../../src-shared/sync/protocol';
import { encodeHlc } from '../../../src-shared/sync/hlc';
import { replicatedTable, rowKey } from '../../../src-shared/sync/tables';
import { REPLICATION_SCHEMA, SYNC_PROTOCOL } from '../../../src-shared/sync/version';
import { MemoryReplica } from '../../helpers/store-replica';
import { receipt, stockMove, workOrder } from '../../helpers/store-rows';
import { drain, RetryableError } from './drain';
import type { Rng } from './random';
import type { StoreUnderTest, SyncPass } from './store-under-test';

export type Fact = Omit<OutboxEntry, 'seq'>;

/** Refusals that stop the worker until someone acts; the entries stay queued. */
const STOPPING = new Set(['HQ_UPDATE_REQUIRED', 'STORE_UPDATE_REQUIRED', 'CLOCK_AHEAD', 'REVOKED', 'WRONG_STORE']);

/** What the simulated store says it runs: the protocol and schema this checkout builds. */
const VERSIONS = { protocol: SYNC_PROTOCOL, schema: REPLICATION_SCHEMA, app: '0.1.0' };

const hlcNow = () => `${String(Date.now()).padStart(15, '0')}-0000-sim`;

export interface SimStoreOptions {
  /** Entries per push. */
  batchSize?: number;
  /** Per HTTP request: a held or stalled request is given up after this. */
  requestTimeoutMs?: number;
}

/**
 * A store reduced to its sync protocol, in memory: its tables (the facts it
 * wrote), an outbox with contiguous sequence numbers written with each fact,
 * the acknowledged sequence, the master data it pulled. Everything but the
 * token and the requests in flight counts as its database and survives
 * `kill()`. It pushes with the real protocol, resends from HQ's ack on a gap,
 * and throws RetryableError where the real worker would back off.
 */
export class SimStore implements StoreUnderTest {
  storeId = '';
  private credential = '';
  private token: string | null = null;
  private readonly streamId = randomUUID();
  private readonly localId = uuidv7();
  private readonly outbox: OutboxEntry[] = [];
  private ackSeq = 0;
  private nextSeq = 1;
  protected readonly tables = new Map<string, Map<string, WireRow>>();
  private readonly dead = new Map<string, Set<string>>();
  readonly deadLetters: DeadLetter[] = [];
  readonly replica = new MemoryReplica();
  late = 0;
  private hlcCounter = 0;
  private inFlight = new AbortController();
  private alive = true;
  private readonly batchSize: number;
  private readonly requestTimeoutMs: number;
  /** Every push request that got an answer, and how many were duplicates. */
  readonly stats = { requests: 0, failures: 0, pushes: 0, duplicates: 0, gaps: 0, refetches: 0 };

  constructor(
    readonly name: string,
    /** Where the store reaches HQ (the proxy's address). */
    public url: string,
    opts: SimStoreOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 50;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 3000;
  }

  /** Enrolls with a one-time code (no existing master data). Not retried: call it on a healthy link. */
  async enroll(code: string): Promise<void> {
    const store = {
      localId: this.localId,
      code: this.name,
      name: this.name,
      timezone: 'Asia/Shanghai',
      currency: 'CNY',
    };
    const base = { code, versions: VERSIONS, store, existing: {} };
    const p = await this.post<{ ok: true; planHash: string }>('enroll/preview', base);
    const c = await this.post<{ ok: true; storeId: string; credential: string }>('enroll/confirm', {
      ...base,
      planHash: p.planHash,
    });
    this.storeId = c.storeId;
    this.credential = c.credential;
  }

  /** Writes facts at the store: each changes the store's table and gets its outbox entry, together. */
  write(facts: Fact[]): void {
    for (const f of facts) {
      const t = replicatedTable(f.table);
      if (t) {
        const rows = this.table(f.table);
        const key = rowKey(t, f.row);
        if (f.op === 'delete') rows.delete(key);
        else rows.set(key, { ...f.row });
      }
      this.outbox.push({ ...f, seq: this.nextSeq++ });
    }
  }

  async writeRandom(rng: Rng, count: number): Promise<number> {
    // Each fact is written at once, so later ones in the same call can change or delete it.
    const facts: Fact[] = [];
    const write = (f: Fact) => {
      this.write([f]);
      facts.push(f);
    };
    for (let i = 0; i < count; i++) {
      const receipts = [...this.table('receipts').values()];
      const r = rng.next();
      if (r < 0.6) {
        const day = `2026-${rng.pick(['10', '11'])}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        write({
          table: 'stock_moves',
          op: 'upsert',
          row: stockMove({
            qty: rng.int(-50_000, 50_000),
            value: rng.int(-9_000_000, 9_000_000),
            day,
            note: rng.pick(['', '鸡胸肉 到货', 'note "q"', '🍅 x']),
          }),
        });
      } else if (r < 0.8 || (r < 0.93 && receipts.length === 0)) {
        write({ table: 'receipts', op: 'upsert', row: receipt({ note: `单 ${rng.int(1, 999)}` }) });
      } else if (r < 0.88) {
        const x = rng.pick(receipts);
        write({ table: 'receipts', op: 'upsert', row: { ...x, status: 'finished', finished_at: Date.now() } });
      } else if (r < 0.93) {
        const x = rng.pick(receipts);
        write({ table: 'receipts', op: 'delete', row: { id: x.id! } });
      } else {
        write(this.workOrderFact(rng));
      }
    }
    return facts.length;
  }

  /** A new work order (unstamped: nothing holds its fields yet), or a priority edit of one, stamped by the store's clock. */
  private workOrderFact(rng: Rng): Fact {
    const orders = [...this.table('work_orders').values()];
    if (orders.length === 0 || rng.chance(0.4)) {
      return {
        table: 'work_orders',
        op: 'upsert',
        row: workOrder(this.storeId, { description: `冷柜 ${rng.int(1, 99)}` }),
      };
    }
    const wo = rng.pick(orders);
    const stamp = encodeHlc({ wall: Date.now(), counter: ++this.hlcCounter & 0xffff, node: 'sim' });
    return {
      table: 'work_orders',
      op: 'upsert',
      row: { ...wo, priority: rng.pick(['urgent', 'high', 'normal', 'low']), updated_at: Date.now() },
      clocks: { priority: stamp },
    };
  }

  /**
   * The store believes HQ acknowledged up to `seq` when HQ has less (HQ's
   * database restored from an older backup): its next push starts beyond
   * HQ's ack, HQ refuses the gap, the store resends from where HQ says.
   */
  assumeAcked(seq: number): void {
    this.ackSeq = seq;
  }

  async pending(): Promise<number> {
    return this.outbox.filter((e) => e.seq > this.ackSeq).length;
  }

  async kill(): Promise<void> {
    this.alive = false;
    this.inFlight.abort();
    this.token = null;
  }

  async restart(): Promise<void> {
    this.inFlight = new AbortController();
    this.alive = true;
  }

  async factRows(table: string): Promise<WireRow[]> {
    return [...this.table(table).values()];
  }

  async deadLettered(): Promise<Map<string, Set<string>>> {
    return this.dead;
  }

  async masterRows(table: string): Promise<WireRow[]> {
    return [...this.replica.table(table).values()];
  }

  async close(): Promise<void> {
    await this.kill();
  }

  async syncOnce(): Promise<SyncPass> {
    // Not retryable: a killed store's worker is gone with it (drain() ends here, as the process would).
    if (!this.alive) throw new Error(`${this.name} is not running (killed)`);
    const pass: SyncPass = { pushed: 0, duplicates: 0, pulled: 0 };
    if (!this.token) await this.openSession();
    for (;;) {
      const batch = this.outbox.filter((e) => e.seq > this.ackSeq).slice(0, this.batchSize);
      if (batch.length === 0) break;
      const res = await this.push(batch);
      if (res.ok) {
        pass.pushed += batch.length;
        if (res.duplicate) pass.duplicates++;
        continue;
      }
      if (res.code === 'GAP') continue;
      if (STOPPING.has(res.code)) return { ...pass, stopped: res.code };
    }
    pass.pulled = await this.pullAll();
    return pass;
  }

  /** drain(): retried with backoff until the outbox is empty and a pull completed; failures counted. */
  async syncUntilDrained(withinMs = 60_000, rng?: Rng): Promise<{ attempts: number; ms: number }> {
    const d = await drain(this, withinMs, rng);
    this.stats.failures += d.failures;
    return d;
  }

  private async openSession(): Promise<void> {
    const s = await this.post<{ ok: true; token: string }>('session', {
      requestId: randomUUID(),
      storeId: this.storeId,
      credential: this.credential,
      versions: VERSIONS,
    });
    this.token = s.token;
  }

  /** One push; on success the entries up to HQ's ack are marked sent (one step: the store's one transaction). */
  private async push(batch: OutboxEntry[]): Promise<PushResponse | Refusal> {
    const body = {
      requestId: randomUUID(),
      storeId: this.storeId,
      batchId: randomUUID(),
      streamId: this.streamId,
      fromSeq: batch[0]!.seq,
      toSeq: batch[batch.length - 1]!.seq,
      versions: VERSIONS,
      clock: hlcNow(),
      sentAt: Date.now(),
      audit: { head: { seq: 0, hash: '' }, proof: null },
      backlog: Math.max(0, this.nextSeq - 1 - batch[batch.length - 1]!.seq),
      entries: batch,
    };
    this.stats.pushes++;
    const res = await this.call<PushResponse | Refusal>('push', body);
    if (res.ok) {
      if (res.duplicate) this.stats.duplicates++;
      this.acknowledge(res, batch);
    } else if (res.code === 'GAP' && res.expectedSeq !== undefined) {
      // HQ has less than the store thought (or more): resume where HQ says.
      this.stats.gaps++;
      this.ackSeq = res.expectedSeq - 1;
    }
    return res;
  }

  private acknowledge(res: PushResponse, batch: OutboxEntry[]): void {
    for (const d of res.deadLetters) {
      if (this.deadLetters.some((x) => x.seq === d.seq)) continue;
      this.deadLetters.push(d);
      const e = batch.find((x) => x.seq === d.seq) ?? this.outbox.find((x) => x.seq === d.seq);
      const t = e && replicatedTable(e.table);
      if (e && t) {
        let keys = this.dead.get(e.table);
        if (!keys) this.dead.set(e.table, (keys = new Set()));
        keys.add(rowKey(t, e.row));
      }
    }
    this.late = Math.max(this.late, res.late);
    this.ackSeq = Math.max(this.ackSeq, res.ackSeq);
  }

  /** Pulls pages until HQ says there is no more; each page and its cursor are applied together. */
  private async pullAll(): Promise<number> {
    let n = 0;
    for (;;) {
      const page = await this.call<PullResponse | Refusal>('pull', {
        requestId: randomUUID(),
        storeId: this.storeId,
        cursor: this.replica.cursor,
        limit: 500,
        versions: VERSIONS,
      });
      if (!page.ok) throw new RetryableError(`pull refused: ${page.code}`);
      this.replica.apply(page.changes);
      this.replica.cursor = page.nextCursor;
      n += page.changes.length;
      if (!page.more) {
        if (page.checksums) await this.verify(page.checksums);
        break;
      }
    }
    return n;
  }

  /** The last page's checksums against what the store holds; a table that differs is fetched again in full. */
  private async verify(expected: NonNullable<PullResponse['checksums']>): Promise<void> {
    const held = this.replica.checksums();
    const wrong = Object.keys(expected).filter(
      (t) => held[t] && (held[t].count !== expected[t]!.count || held[t].sum !== expected[t]!.sum),
    );
    if (wrong.length === 0) return;
    this.stats.refetches++;
    const seen = new Map(wrong.map((t) => [t, new Set<string>()]));
    let after: string | undefined;
    for (;;) {
      const page = await this.call<PullResponse | Refusal>('pull', {
        requestId: randomUUID(),
        storeId: this.storeId,
        cursor: this.replica.cursor,
        limit: 500,
        versions: VERSIONS,
        refetch: wrong,
        ...(after ? { refetchAfter: after } : {}),
      });
      if (!page.ok) throw new RetryableError(`refetch refused: ${page.code}`);
      this.replica.apply(page.changes);
      for (const c of page.changes) seen.get(c.table)?.add(rowKey(replicatedTable(c.table)!, c.row));
      if (!page.refetchAfter) break;
      after = page.refetchAfter;
    }
    // Rows HQ no longer has for this store go; the cursor stays where it was (changes after it replay harmlessly).
    for (const [t, keys] of seen) {
      const rows = this.replica.table(t);
      for (const k of [...rows.keys()]) if (!keys.has(k)) rows.delete(k);
    }
  }

  protected table(name: string): Map<string, WireRow> {
    let m = this.tables.get(name);
    if (!m) this.tables.set(name, (m = new Map()));
    return m;
  }

  /** An authenticated call: a 401 drops the token (a new session next time). */
  private async call<T extends { ok: boolean; code?: string }>(path: string, body: unknown): Promise<T> {
    const res = await this.send(path, body, this.token);
    if (res.status === 401) {
      this.token = null;
      throw new RetryableError('session expired');
    }
    return res.body as T;
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const res = await this.send(path, body, null);
    const b = res.body as { ok: boolean; code?: string; message?: string };
    if (!b.ok) throw new Error(`${path} refused: ${b.code} ${b.message}`);
    return b as T;
  }

  private async send(path: string, body: unknown, token: string | null): Promise<{ status: number; body: unknown }> {
    this.stats.requests++;
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.url}${SYNC_PATH}/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.any([this.inFlight.signal, AbortSignal.timeout(this.requestTimeoutMs)]),
      });
      text = await res.text();
    } catch (err) {
      throw new RetryableError(`${path}: ${(err as Error).message}`);
    }
    if (res.status >= 500 || res.status === 408) throw new RetryableError(`${path}: HTTP ${res.status}`);
    let parsed: { ok?: boolean; code?: string };
    try {
      parsed = JSON.parse(text) as { ok?: boolean; code?: string };
    } catch {
      throw new RetryableError(`${path}: HTTP ${res.status} without JSON`);
    }
    if (parsed.ok === false && parsed.code === 'REPLAYED') {
      // A request the network duplicated: the next attempt carries a new request id.
      throw new RetryableError(`${path}: replayed`);
    }
    return { status: res.status, body: parsed };
  }
}
