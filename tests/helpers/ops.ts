import { uuidv7 } from '../../src-main/lib/ids';
import { openTestBackend, STORE, type TestBackend } from './backend';

export const KG = 1_000_000;
export const YUAN = 10_000;

/** A second set-up store (another code) to receive transfers from the first. */
export async function openSecondStore(code = 'BJ-002'): Promise<TestBackend> {
  const t = await openTestBackend();
  await t.call('setup.initialize', {
    store: { ...STORE, code, name: '第二门店', address: '北京市' },
    admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
  });
  return t;
}

/** Adds a unit to an item (factor in thousandths of the base unit), e.g. 箱 = 10 kg -> 10_000_000. */
export function addUnit(t: TestBackend, itemId: string, unit: string, factor: number, purchase = false): void {
  t.backend.database.sqlite
    .prepare('INSERT INTO item_units (item_id, unit, factor, purchase, count) VALUES (?, ?, ?, ?, 0)')
    .run(itemId, unit, factor, purchase ? 1 : 0);
}

export function setLevels(t: TestBackend, itemId: string, reorderPoint: number | null, par: number | null): void {
  t.backend.database.sqlite
    .prepare('UPDATE items SET reorder_point = ?, par_level = ? WHERE id = ?')
    .run(reorderPoint, par, itemId);
}

export function addItem(t: TestBackend, code: string, baseUnit = 'g'): string {
  const id = uuidv7();
  const now = Date.now();
  t.backend.database.sqlite
    .prepare(
      `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'test', ?, 1, 0, 0, ?, ?)`,
    )
    .run(id, code, code, code, baseUnit, now, now);
  return id;
}

export function setNegativeStock(t: TestBackend, mode: 'block' | 'allow'): void {
  const db = t.backend.database.sqlite;
  const row = db.prepare('SELECT id, settings FROM store').get() as { id: string; settings: string | null };
  const settings = { ...(row.settings ? (JSON.parse(row.settings) as object) : {}), negativeStock: mode };
  db.prepare('UPDATE store SET settings = ? WHERE id = ?').run(JSON.stringify(settings), row.id);
}

export function count(t: TestBackend, sql: string, ...args: unknown[]): number {
  return (t.backend.database.sqlite.prepare(sql).get(...args) as { n: number }).n;
}

/** Today +/- n days as YYYY-MM-DD in the test store's zone (Asia/Shanghai). */
export function dayFromToday(n: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}
