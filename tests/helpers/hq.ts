import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { uuidv7 } from '../../src-main/lib/ids';
import {
  SYNC_PATH,
  type EnrollConfirmResponse,
  type EnrollPreviewResponse,
  type PullResponse,
  type PushResponse,
  type Refusal,
} from '../../src-shared/sync/protocol';
import { REPLICATION_SCHEMA, SYNC_PROTOCOL } from '../../src-shared/sync/version';
import { startHq, type Hq, type HqOptions } from '../../src-hq/hq';
import { createStore } from '../../src-hq/services/stores/stores';
import { HQ_MIGRATIONS, openTestHqDb, type DbKind, type TestHqDb } from './hq-db';

/**
 * An HQ for a test: its own database (PGlite in memory, or a fresh database on
 * the file's PostgreSQL cluster), listening on 127.0.0.1 and a free port.
 * `startTestHq({ kind: 'postgres', db })` with the `db` of another TestHq
 * starts a second HQ process over the same database (two hosts, one server).
 *
 *   const hq = await startTestHq({ kind: 'pglite' });
 *   const store = await hq.enrolledStore();          // created at HQ, enrolled, with a session
 *   await store.push([...entries]);                   // seq numbers and request ids filled in
 *   await hq.close();
 */
export interface TestHq {
  hq: Hq;
  url: string;
  db: TestHqDb;
  client: SyncClient;
  /** A store created at HQ: its one-time code. */
  createStore(code?: string, name?: string): Promise<{ storeId: string; enrollmentCode: string }>;
  /** A store created, enrolled (no existing master data) and signed in. */
  enrolledStore(opts?: { code?: string }): Promise<TestStore>;
  close(): Promise<void>;
}

export const TEST_VERSIONS = { protocol: SYNC_PROTOCOL, schema: REPLICATION_SCHEMA, app: '0.1.0' };

export interface StartTestHqOptions {
  kind: DbKind;
  /** Share another test HQ's database (postgres only): a second HQ process. */
  db?: TestHqDb;
  options?: Partial<HqOptions>;
}

export async function startTestHq(opts: StartTestHqOptions): Promise<TestHq> {
  const shared = !!opts.db;
  const db = opts.db ?? (await openTestHqDb(opts.kind));
  const logDir = mkdtempSync(join(tmpdir(), 'hq-log-'));
  let hq: Hq;
  try {
    hq = await startHq({
      db: shared ? { url: db.url!, migrationsFolder: HQ_MIGRATIONS } : db.hq,
      host: '127.0.0.1',
      port: 0,
      logDir,
      ...opts.options,
    });
  } catch (err) {
    if (!shared) await db.hq.close();
    rmSync(logDir, { recursive: true, force: true });
    throw err;
  }
  const client = new SyncClient(hq.url);
  let n = 0;
  const t: TestHq = {
    hq,
    url: hq.url,
    db,
    client,
    async createStore(code, name) {
      const c = code ?? `S${++n}-${randomUUID().slice(0, 4)}`;
      const issued = await hq.ctx.db.transaction((tx) =>
        createStore(tx, { code: c, name: name ?? `Store ${c}` }, hq.ctx.now()),
      );
      return { storeId: issued.storeId, enrollmentCode: issued.enrollmentCode };
    },
    async enrolledStore(o = {}) {
      const { enrollmentCode } = await t.createStore(o.code);
      const store = new TestStore(client);
      await store.enroll(enrollmentCode);
      await store.openSession();
      return store;
    },
    async close() {
      await hq.close();
      if (!shared) await db.hq.close();
      rmSync(logDir, { recursive: true, force: true });
    },
  };
  return t;
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** Plain HTTP calls to /sync/v1, as a store would make them (no retries, no cleverness). */
export class SyncClient {
  constructor(readonly url: string) {}

  async post<T = unknown>(path: string, body: unknown, token?: string | null): Promise<Answer<T>> {
    const res = await fetch(`${this.url}${SYNC_PATH}/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }
}

export type PushBody = Record<string, unknown> & {
  entries: Record<string, unknown>[];
  requestId: string;
  fromSeq: number;
  toSeq: number;
};

/**
 * A store as HQ sees it: an identity, a credential, a token, an outbox stream
 * with its next sequence number. Entries are given without `seq`; push()
 * numbers them.
 */
export class TestStore {
  readonly localId = uuidv7();
  readonly code = `L-${randomUUID().slice(0, 6)}`;
  storeId = '';
  credential = '';
  token = '';
  streamId = randomUUID();
  nextSeq = 1;
  auditHead = { seq: 0, hash: '' };

  constructor(readonly client: SyncClient) {}

  identity() {
    return { localId: this.localId, code: this.code, name: 'Test store', timezone: 'Asia/Shanghai', currency: 'CNY' };
  }

  async preview(code: string, existing: Record<string, unknown[]> = {}) {
    return this.client.post<z.infer<typeof EnrollPreviewResponse> | Refusal>('enroll/preview', {
      code,
      versions: TEST_VERSIONS,
      store: this.identity(),
      existing,
    });
  }

  async enroll(code: string, existing: Record<string, unknown[]> = {}) {
    const p = await this.preview(code, existing);
    if (!p.body.ok) throw new Error(`preview refused: ${p.body.code} ${p.body.message}`);
    const c = await this.client.post<z.infer<typeof EnrollConfirmResponse> | Refusal>('enroll/confirm', {
      code,
      versions: TEST_VERSIONS,
      store: this.identity(),
      existing,
      planHash: p.body.planHash,
    });
    if (!c.body.ok) throw new Error(`confirm refused: ${c.body.code} ${c.body.message}`);
    this.storeId = c.body.storeId;
    this.credential = c.body.credential;
    return c.body;
  }

  async openSession() {
    const s = await this.client.post<{ ok: true; token: string } | Refusal>('session', {
      requestId: randomUUID(),
      storeId: this.storeId,
      credential: this.credential,
      versions: TEST_VERSIONS,
    });
    if (!s.body.ok) throw new Error(`session refused: ${s.body.code} ${s.body.message}`);
    this.token = s.body.token;
  }

  /** The push body for these entries (numbered from nextSeq unless they carry a seq), without sending it. */
  batch(entries: Record<string, unknown>[], extra: Record<string, unknown> = {}): PushBody {
    const numbered = entries.map((e, i) => ({ seq: this.nextSeq + i, ...e }));
    const from = (numbered[0]?.seq as number | undefined) ?? this.nextSeq;
    const to = (numbered[numbered.length - 1]?.seq as number | undefined) ?? this.nextSeq - 1;
    return {
      requestId: randomUUID(),
      storeId: this.storeId,
      batchId: randomUUID(),
      streamId: this.streamId,
      fromSeq: from,
      toSeq: to,
      versions: TEST_VERSIONS,
      clock: `${String(Date.now()).padStart(15, '0')}-0000-store`,
      sentAt: Date.now(),
      audit: { head: this.auditHead, proof: null },
      backlog: 0,
      entries: numbered,
      ...extra,
    };
  }

  /** Sends a batch; on success the stream moves past it. */
  async push(entries: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
    const body = this.batch(entries, extra);
    const res = await this.send(body);
    return res;
  }

  async send(body: PushBody) {
    const res = await this.client.post<PushResponse | Refusal>('push', body, this.token);
    if (res.body.ok) this.nextSeq = Math.max(this.nextSeq, res.body.ackSeq + 1);
    return res;
  }

  async pull(cursor: number, extra: Record<string, unknown> = {}) {
    return this.client.post<PullResponse | Refusal>(
      'pull',
      { requestId: randomUUID(), storeId: this.storeId, cursor, limit: 1000, versions: TEST_VERSIONS, ...extra },
      this.token,
    );
  }
}

/** HQ's web API over HTTP as its UI calls it: JSON POSTs, the session in a cookie kept between calls. */
export class HqApiClient {
  cookie: string | null = null;
  constructor(readonly url: string) {}

  async raw(
    method: string,
    input: unknown = {},
  ): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
    const res = await fetch(`${this.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(this.cookie ? { Cookie: this.cookie } : {}) },
      body: JSON.stringify(input),
    });
    const set = res.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return { status: res.status, body: (await res.json()) as never };
  }

  async call<T = unknown>(method: string, input: unknown = {}): Promise<T> {
    const r = await this.raw(method, input);
    if (!r.body.ok) throw new Error(`${method} failed: ${r.body.error?.code} ${r.body.error?.message}`);
    return r.body.value as T;
  }
}
