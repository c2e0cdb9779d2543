import { createInterface } from 'node:readline';
import { startBackend, type Backend } from '../../../src-main/backend';
import { uuidv7 } from '../../../src-main/lib/ids';
import { downColumns, sentColumns } from '../../../src-main/sync/columns';
import { waitingCount } from '../../../src-main/sync/outbox';
import { syncStateOf } from '../../../src-main/sync/state';
import { toWire } from '../../../src-main/sync/wire';
import { replicatedTable } from '../../../src-shared/sync/tables';
import { Rng } from './random';

/**
 * The real store as a bare process (real-store.ts starts it): the store's
 * backend (its SQLite file, migrations, outbox triggers, sync worker) with
 * nothing in front. Commands arrive as JSON lines on stdin; answers, and a
 * line per write the moment it committed ("saved"), go out on stdout marked
 * with `@@` (anything else the process prints is not protocol). Killing it
 * with SIGKILL is the point: nothing here flushes or cleans up.
 *
 * argv: data directory, migrations folder, request timeout (ms).
 */
const [dataDir, migrationsFolder, timeoutText] = process.argv.slice(2) as [string, string, string];
const SAY = '@@';
const say = (o: unknown) => process.stdout.write(`${SAY}${JSON.stringify(o)}\n`);

const backend: Backend = await startBackend({
  dataDir,
  kind: 'node',
  version: '0.0.0-test',
  lan: false,
  migrationsFolder,
  firstBackupDelayMs: 3_600_000,
  sync: {
    // Syncs when told ("sync now") and once at start, as the app does; never on its own timer in between.
    timing: {
      idleMs: 3_600_000,
      debounceMs: 3_600_000,
      minBackoffMs: 3_600_000,
      maxBackoffMs: 3_600_000,
      requestTimeoutMs: Number(timeoutText) || 3000,
      batchSize: 40,
      pageSize: 200,
    },
  },
});
const sqlite = backend.database.sqlite;
let token: string | null = null;

async function call(method: string, input: unknown): Promise<unknown> {
  const out = await backend.dispatch(method, input, {
    token,
    locale: 'en',
    caller: { loopback: true, client: 'vitest' },
  });
  if (out.session !== undefined) token = out.session?.token ?? null;
  if (!out.result.ok) throw new Error(`${method}: ${out.result.error.code} ${out.result.error.message}`);
  return out.result.value;
}

const ADMIN = { username: 'boss', secret: '1234' };

/** Two areas and three items written as a store that existed before enrolling holds them. */
function seedCatalogue(): void {
  const now = Date.now();
  const area = sqlite.prepare(
    'INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?)',
  );
  area.run(uuidv7(), 'COOL', '冷库', 'Walk-in cooler', now, now);
  area.run(uuidv7(), 'DRY', '干货库', 'Dry store', now, now);
  const item = sqlite.prepare(
    `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'test', 'g', 1, 0, 0, ?, ?)`,
  );
  item.run(uuidv7(), 'T-BEEF', '肥牛卷', 'Beef rolls', now, now);
  item.run(uuidv7(), 'T-RICE', '大米', 'Rice', now, now);
  item.run(uuidv7(), 'T-TOFU', '豆腐', 'Tofu', now, now);
}

const ids = (q: string) => (sqlite.prepare(q).all() as { id: string }[]).map((r) => r.id);

/** A saved write: where to find it (a ledger document or a receipt line). */
interface Saved {
  kind: 'receive' | 'issue' | 'waste' | 'finish';
  table: 'stock_moves' | 'receipt_lines' | 'receipts';
  id: string;
}

let openReceipt: string | null = null;

/** One random business write through dispatch (its transaction holds the fact, its audit entry and its outbox entries). */
async function writeOne(rng: Rng): Promise<Saved> {
  const items = ids('SELECT id FROM items WHERE active = 1 ORDER BY code');
  const areas = ids('SELECT id FROM storage_areas ORDER BY code');
  const itemId = rng.pick(items);
  const areaId = rng.pick(areas);
  const grams = rng.int(1, 40) * 25;
  const onHand = Number(
    (
      sqlite
        .prepare('SELECT coalesce(sum(qty), 0) AS q FROM stock_moves WHERE item_id = ? AND area_id = ?')
        .get(itemId, areaId) as { q: number }
    ).q,
  );
  const r = rng.next();
  if (r < 0.25 && onHand >= grams * 1000) {
    const out = (await call('ops.issue', {
      kind: 'issue',
      areaId,
      lines: [{ itemId, qty: String(grams), unit: 'g' }],
    })) as { docId: string };
    return { kind: 'issue', table: 'stock_moves', id: out.docId };
  }
  if (r < 0.4 && onHand >= grams * 1000) {
    const out = (await call('ops.waste', {
      areaId,
      lines: [{ itemId, qty: String(grams), unit: 'g', reason: rng.pick(['spoiled', 'expired', 'damaged']) }],
    })) as { docId: string };
    return { kind: 'waste', table: 'stock_moves', id: out.docId };
  }
  if (r < 0.5 && openReceipt) {
    const id = openReceipt;
    openReceipt = null;
    await call('receipts.finish', { receiptId: id });
    return { kind: 'finish', table: 'receipts', id };
  }
  if (!openReceipt) {
    openReceipt = ((await call('receipts.open', { areaId: areas[0] })) as { id: string }).id;
  }
  const out = (await call('receiving.post', {
    receiptId: openReceipt,
    line: { itemId, qty: String(rng.int(1, 5)), unit: 'kg', price: rng.int(1, 90) * 1000, confirm: true },
    print: false,
  })) as { line: { id: string } };
  return { kind: 'receive', table: 'receipt_lines', id: out.line.id };
}

/** Local ids of matched master rows, to HQ's (what HQ's mirror holds in reference columns). */
function toHqIds(): Map<string, string> {
  const rows = sqlite.prepare('SELECT tbl, local_id AS l, hq_id AS h FROM sync_id_map').all() as {
    tbl: string;
    l: string;
    h: string;
  }[];
  return new Map(rows.map((r) => [`${r.tbl}\u001f${r.l}`, r.h]));
}

function factRows(table: string) {
  const t = replicatedTable(table)!;
  const cols = sentColumns(t);
  const map = toHqIds();
  const rows = sqlite
    .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"`)
    .safeIntegers(true)
    .all() as Record<string, unknown>[];
  return rows.map((raw) => {
    const w = toWire(raw, cols);
    for (const [col, target] of Object.entries(t.refs ?? {})) {
      const v = w[col];
      if (typeof v === 'string') w[col] = map.get(`${target}\u001f${v}`) ?? v;
    }
    return w;
  });
}

function masterRows(table: string) {
  const cols = downColumns(replicatedTable(table)!);
  const rows = sqlite
    .prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}"`)
    .safeIntegers(true)
    .all() as Record<string, unknown>[];
  return rows.map((r) => toWire(r, cols));
}

/** One "sync now": how it ended, read from what the worker wrote down. */
async function syncOnce() {
  const before = waitingCount(sqlite);
  const t0 = Date.now();
  await backend.sync!.worker.syncNow(120_000);
  const s = syncStateOf(sqlite);
  const ok = (s.lastSuccessAt ?? 0) >= t0;
  return {
    ok,
    pushed: Math.max(0, before - waitingCount(sqlite)),
    stopped: s.stoppedReason,
    error: ok ? null : (s.lastRefusal ?? s.lastError ?? 'no run (lock held by another worker)'),
  };
}

/** The outbox's last number: entries written since = its growth (numbers are never reused). */
const lastEntry = () =>
  Number(
    (sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").get() as { seq: number } | undefined)
      ?.seq ?? 0,
  );

type Command = { id: number; cmd: string; [k: string]: unknown };

const commands: Record<string, (c: Command) => unknown> = {
  async setUp(c) {
    const enrolled = syncStateOf(sqlite).enrolledAt !== null;
    if (!enrolled && !sqlite.prepare('SELECT 1 FROM users LIMIT 1').get()) {
      await call('setup.initialize', {
        store: {
          code: c.code,
          name: `门店 ${String(c.code)}`,
          address: '上海市',
          timezone: 'Asia/Shanghai',
          currency: 'CNY',
        },
        admin: { username: ADMIN.username, displayName: 'Boss', authKind: 'pin', secret: ADMIN.secret },
      });
      seedCatalogue();
    } else {
      await call('session.login', ADMIN);
    }
    return { enrolled };
  },
  async enroll(c) {
    const input = { hqUrl: c.hqUrl, code: c.code };
    const plan = (await call('sync.enrollPreview', input)) as { planHash: string };
    await call('sync.enrollConfirm', { ...input, planHash: plan.planHash });
    return { storeId: syncStateOf(sqlite).storeId };
  },
  async write(c) {
    const rng = new Rng(Number(c.seed));
    const first = lastEntry();
    const saved: Saved[] = [];
    for (let i = 0; i < Number(c.count); i++) {
      const s = await writeOne(rng);
      saved.push(s);
      say({ saved: s });
    }
    return { saved, entries: lastEntry() - first };
  },
  sync: () => syncOnce(),
  pending: () => waitingCount(sqlite),
  factRows: (c) => factRows(String(c.table)),
  masterRows: (c) => masterRows(String(c.table)),
  deadLettered: () => sqlite.prepare("SELECT tbl, row_id AS rowId FROM sync_dead_letters WHERE direction = 'up'").all(),
  call: (c) => call(String(c.method), c.input ?? {}),
  query: (c) => sqlite.prepare(String(c.sql)).all(...((c.params as unknown[]) ?? [])),
};

// Commands run as they arrive, as a store's windows and its worker do: a read answers while a sync or a burst of writes is under way.
createInterface({ input: process.stdin }).on('line', (line) => {
  const c = JSON.parse(line) as Command;
  void (async () => {
    try {
      say({ id: c.id, ok: true, value: await commands[c.cmd]!(c) });
    } catch (err) {
      say({ id: c.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  })();
});
say({ ready: process.pid });
