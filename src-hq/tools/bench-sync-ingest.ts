import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../src-main/lib/ids';
import { replicatedTable } from '../../src-shared/sync/tables';
import { randomUUID } from 'node:crypto';
import { SYNC_PATH } from '../../src-shared/sync/protocol';
import { REPLICATION_SCHEMA, SYNC_PROTOCOL } from '../../src-shared/sync/version';
import { rows as pgRows } from '../db/client';
import { mirrorSpec, storeColumns } from '../db/columns';
import { bulkInsert, LoadSampler, percentile, pool, round, startBenchHq, timed } from './bench-sync-lib';

/**
 * HQ ingest: `stores` simulated stores, each enrolled through the protocol
 * (preview, confirm, session) like tests/helpers/hq.ts's stores, push
 * `batches` batches of `batch` ledger entries each, all stores at once, each
 * store one batch after the other (as a store's worker does), into one HQ
 * process on PostgreSQL with its default pool of 10 connections. Request
 * bodies are serialized before the clock starts, so the figure is HQ's.
 * Baseline, same run and database: the same rows (other ids) written into
 * the same mirror by plain multi-row INSERTs of `batch` rows, 10 at a time
 * (one per pooled connection), before and after the ingest.
 */
export interface IngestFigures {
  stores: number;
  batches: number;
  batch: number;
  entries: number;
  enrollS: number;
  wallS: number;
  entriesPerS: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  baselineS: [number, number];
  baselinePerS: number;
  ratio: number;
  hqRows: number;
  /** Pushes whose connection HQ dropped under the load, sent again by the simulated store. */
  retries: number;
  /** CPU time of this process (HQ and the simulated clients) over the ingest's wall time: near 1, one core saturated. */
  nodeCpuShare: number;
  load: { min: number; max: number; mean: number };
}

const STOCK_MOVES = replicatedTable('stock_moves')!;
const DAY = 86_400_000;

function move(storeNo: number, i: number, at: number): Record<string, unknown> {
  const receipt = i % 5 === 0;
  const occurred = at - DAY + i * 1000;
  return {
    id: uuidv7(occurred),
    item_id: `item-${(storeNo * 7 + i) % 3000}`,
    area_id: 'area-1',
    kind: receipt ? 'receipt' : 'issue',
    qty: receipt ? 5_000_000 : -1_000,
    value: receipt ? 50_000_000 : -10_000,
    lot: '',
    expiry: null,
    occurred_at: occurred,
    day: new Date(occurred).toISOString().slice(0, 10),
    posted_at: occurred + 500,
    user_id: null,
    reason: '',
    doc_type: receipt ? 'receipt' : '',
    doc_id: '',
    reverses_seq: null,
    note: '',
  };
}

const VERSIONS = { protocol: SYNC_PROTOCOL, schema: REPLICATION_SCHEMA, app: '0.1.0' };

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}${SYNC_PATH}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await res.json()) as T;
}

type Answer = { ok: boolean; code?: string; message?: string } & Record<string, unknown>;

/** A store as the protocol sees it (the way tests/helpers/hq.ts's TestStore talks): enrolled, with a session token. */
interface SimStore {
  storeId: string;
  token: string;
  streamId: string;
}

async function enrollSim(url: string, code: string, n: number): Promise<SimStore> {
  const store = { localId: uuidv7(), code: `L-${n}`, name: `Sim ${n}`, timezone: 'Asia/Shanghai', currency: 'CNY' };
  const base = { code, versions: VERSIONS, store, existing: {} };
  const p = await post<Answer>(url, 'enroll/preview', base);
  if (!p.ok) throw new Error(`preview refused: ${p.code} ${p.message}`);
  const c = await post<Answer>(url, 'enroll/confirm', { ...base, planHash: p.planHash });
  if (!c.ok) throw new Error(`confirm refused: ${c.code} ${c.message}`);
  const storeId = String(c.storeId);
  const s = await post<Answer>(url, 'session', {
    requestId: randomUUID(),
    storeId,
    credential: c.credential,
    versions: VERSIONS,
  });
  if (!s.ok) throw new Error(`session refused: ${s.code} ${s.message}`);
  return { storeId, token: String(s.token), streamId: randomUUID() };
}

/** A push body as the store's worker sends it (entries numbered from..to, one stream). */
function pushBody(s: SimStore, entries: { seq: number }[]): string {
  return JSON.stringify({
    requestId: randomUUID(),
    storeId: s.storeId,
    batchId: randomUUID(),
    streamId: s.streamId,
    fromSeq: entries[0]!.seq,
    toSeq: entries[entries.length - 1]!.seq,
    versions: VERSIONS,
    clock: `${String(Date.now()).padStart(15, '0')}-0000-store`,
    sentAt: Date.now(),
    audit: { head: { seq: 0, hash: '' }, proof: null },
    backlog: 0,
    entries,
  });
}

/**
 * As the store's worker does it: a connection HQ dropped (overloaded: its
 * header or request timeout) is a network error, retried after a backoff
 * of 1 s doubling, with jitter, as a new request (new request id; the batch
 * is the same, so an applied one is acknowledged as a duplicate). The
 * latency counted is the store's: first attempt to answer.
 */
async function pushWithRetry(url: string, body: string, token: string, retried: () => void): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post<Answer>(url, 'push', body, token);
    } catch (err) {
      if (attempt >= 8) throw err;
      retried();
      const base = 1000 * 2 ** attempt;
      await new Promise((r) => setTimeout(r, base / 2 + Math.random() * (base / 2)));
      body = body.replace(/"requestId":"[^"]+"/, `"requestId":"${randomUUID()}"`);
    }
  }
}

export async function ingest(
  opts: { stores: number; batches: number; batch: number },
  log: (s: string) => void,
): Promise<IngestFigures> {
  const hq = await startBenchHq('postgres');
  const load = new LoadSampler();
  try {
    const codes = Array.from({ length: opts.stores }, (_, i) => `SIM${String(i).padStart(4, '0')}`);
    const enrolling = await timed(() =>
      pool(codes, 16, async (code, n) => {
        const { enrollmentCode } = await hq.createStore(code);
        return enrollSim(hq.hq.url, enrollmentCode, n);
      }),
    );
    const stores = enrolling.value;
    log(`  ${opts.stores} stores enrolled through the protocol in ${round(enrolling.ms / 1000)} s`);

    const at = Date.now();
    const bodies: string[][] = [];
    const baselineRows: Record<string, unknown>[][] = [];
    stores.forEach((s, n) => {
      const mine: string[] = [];
      for (let b = 0; b < opts.batches; b++) {
        const entries = [];
        const copy = [];
        for (let j = 0; j < opts.batch; j++) {
          const i = b * opts.batch + j;
          const row = { ...move(n, i, at), seq: i + 1 };
          entries.push({ seq: i + 1, table: 'stock_moves', op: 'upsert', row });
          copy.push({ ...row, id: uuidv7(at), store_id: s.storeId, hq_seq: i + 1, hq_received_at: at });
        }
        mine.push(pushBody(s, entries));
        baselineRows.push(copy);
      }
      bodies.push(mine);
    });
    const total = opts.stores * opts.batches * opts.batch;
    const cols = [...storeColumns(STOCK_MOVES).map((c) => c.name), 'hq_seq', 'hq_received_at'];
    const spec = mirrorSpec('stock_moves')!;
    const baseline = async (part: number) =>
      (
        await timed(() =>
          pool(
            baselineRows.filter((_, i) => i % 2 === part),
            10,
            (rowsOf) => bulkInsert(hq.db, spec.sqlName, cols, rowsOf, opts.batch),
          ),
        )
      ).ms;

    load.start();
    // Half the baseline rows before the ingest, half after: the table grows under both.
    const before = await baseline(0);
    const latencies: number[] = [];
    let retries = 0;
    const cpu0 = process.cpuUsage();
    const wall = await timed(() =>
      Promise.all(
        stores.map(async (s, n) => {
          for (const body of bodies[n]!) {
            const t0 = performance.now();
            const res = await pushWithRetry(hq.hq.url, body, s.token, () => retries++);
            latencies.push(performance.now() - t0);
            if (!res.ok) throw new Error(`push refused: ${res.code} ${res.message}`);
          }
        }),
      ),
    );
    const cpu = process.cpuUsage(cpu0);
    const afterMs = await baseline(1);
    const l = load.stop();
    const [held] = await pgRows<{ n: number }>(
      hq.db.db,
      sql`SELECT count(*)::int AS n FROM mirror.stock_moves WHERE hq_received_at <> ${at}`,
    );
    if (held!.n !== total) throw new Error(`HQ holds ${held!.n} of ${total} pushed rows`);
    const entriesPerS = total / (wall.ms / 1000);
    // Each baseline half wrote total / 2 rows.
    const baselinePerS = total / ((before + afterMs) / 1000);
    const out: IngestFigures = {
      ...opts,
      entries: total,
      enrollS: round(enrolling.ms / 1000),
      wallS: round(wall.ms / 1000, 2),
      entriesPerS: Math.round(entriesPerS),
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(Math.max(...latencies)),
      },
      baselineS: [round(before / 1000, 2), round(afterMs / 1000, 2)],
      baselinePerS: Math.round(baselinePerS),
      ratio: round(baselinePerS / entriesPerS, 2),
      hqRows: held!.n,
      retries,
      nodeCpuShare: round((cpu.user + cpu.system) / 1000 / wall.ms, 2),
      load: l,
    };
    log(
      `  ${opts.stores} stores x ${opts.batches} x ${opts.batch}: ${out.wallS} s, ${out.entriesPerS} entries/s, batch p50 ${out.latencyMs.p50} ms p99 ${out.latencyMs.p99} ms, ${retries} retried; baseline ${out.baselinePerS} rows/s (${out.ratio}x); Node CPU ${out.nodeCpuShare} of a core; load ${l.min}-${l.max}`,
    );
    return out;
  } finally {
    await hq.close();
  }
}
