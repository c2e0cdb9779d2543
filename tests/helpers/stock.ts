import { uuidv7 } from '../../src-main/lib/ids';
import type { ApiErrorData } from '../../src-shared/errors';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import { AppError } from '../../src-main/services/app-error';
import { systemContext, type SessionUser } from '../../src-main/services/context';
import { postMoves, type MoveInput, type PostedMove } from '../../src-main/services/stock/post';
import type { TestBackend } from './backend';

export interface StockFixture {
  areas: { cooler: string; dry: string };
  items: { beef: string; rice: string; cups: string; fish: string };
}

/** Two storage areas and four items (one lot-tracked) written straight into a set-up store. */
export function seedStockFixture(t: TestBackend): StockFixture {
  const db = t.backend.database.sqlite;
  const now = Date.now();
  const area = (code: string, zh: string, en: string) => {
    const id = uuidv7();
    db.prepare(
      'INSERT INTO storage_areas (id, code, name_zh, name_en, sort_order, active, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 1, ?, ?)',
    ).run(id, code, zh, en, now, now);
    return id;
  };
  const item = (code: string, zh: string, en: string, unit: string, lot = 0) => {
    const id = uuidv7();
    db.prepare(
      `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'test', ?, 1, ?, 0, ?, ?)`,
    ).run(id, code, zh, en, unit, lot, now, now);
    return id;
  };
  return {
    areas: { cooler: area('COOL', '冷库', 'Walk-in cooler'), dry: area('DRY', '干货库', 'Dry store') },
    items: {
      beef: item('T-BEEF', '肥牛卷', 'Beef rolls', 'g'),
      rice: item('T-RICE', '大米', 'Rice', 'g'),
      cups: item('T-CUP', '纸杯', 'Paper cups', 'pc'),
      fish: item('T-FISH', '鲈鱼', 'Sea bass', 'g', 1),
    },
  };
}

/** A movement as tests write it: the ledger's input, with the time as an ISO text or epoch ms. */
export type TestMove = Omit<MoveInput, 'occurredAt'> & { occurredAt?: string | number };

export interface StockCallOpts {
  now?: number;
  /** Post as this user (the role's back-dating window applies); default: the system. */
  user?: SessionUser | null;
  locale?: Locale;
}

/**
 * Posts movements through the ledger service itself, as the system (no user:
 * no back-dating window; closed months and every other rule still apply), in
 * one transaction. No API method posts arbitrary movements: tests that need
 * stock in place call this, screens go through the documents.
 */
export function postStock(t: TestBackend, moves: readonly TestMove[], opts: StockCallOpts = {}): PostedMove[] {
  const { sqlite } = t.backend.database;
  const ctx = systemContext({
    ...t.backend.database,
    host: t.backend.host,
    log: t.backend.log,
    client: 'test',
    now: opts.now ?? Date.now(),
    user: opts.user ?? null,
    locale: 'en',
  });
  const inputs = moves.map((m) => ({
    ...m,
    occurredAt: typeof m.occurredAt === 'string' ? Date.parse(m.occurredAt) : m.occurredAt,
  }));
  return sqlite.transaction(() => postMoves(ctx, inputs))();
}

/** Same, but expects the ledger to refuse: the error as the API would answer it, in `opts.locale` (English). */
export function failStock(t: TestBackend, moves: readonly TestMove[], opts: StockCallOpts = {}): ApiErrorData {
  try {
    postStock(t, moves, opts);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const locale = opts.locale ?? 'en';
    return {
      code: err.code,
      message: translate(locale, err.key ?? (`error.${err.code}` as MessageKey), err.params),
      params: err.params,
      fields: err.fields?.map((f) => ({ path: f.path, message: translate(locale, f.key, f.params) })),
    };
  }
  throw new Error('postStock unexpectedly succeeded');
}
