import type { MethodInput, MethodOutput } from '../../src-shared/api';
import type { Role } from '../../src-shared/roles';
import { openSetUpBackend, type TestBackend } from './backend';
import { seedStockFixture, type StockFixture } from './stock';

export const KG = 1_000_000;
export const YUAN = 10_000;

export interface ProcurementFixture extends StockFixture {
  t: TestBackend;
}

/** A set-up store (signed in as its admin) with two areas and four items (see seedStockFixture). */
export async function openProcurementStore(): Promise<ProcurementFixture> {
  const t = await openSetUpBackend();
  return { t, ...seedStockFixture(t) };
}

export function supplierInput(code: string, extra: Partial<MethodInput<'suppliers.create'>> = {}) {
  return { code, name: `${code} 供应商`, contact: '王经理', phone: '021-12345678', ...extra };
}

export function createSupplier(
  t: TestBackend,
  code: string,
  extra: Partial<MethodInput<'suppliers.create'>> = {},
): Promise<MethodOutput<'suppliers.create'>> {
  return t.call('suppliers.create', supplierInput(code, extra));
}

/** A catalogue entry: `size` of the pack typed in a unit of the item, price per pack in yuan. */
export function offer(
  t: TestBackend,
  supplierId: string,
  itemId: string,
  packUnit: string,
  size: [string, string],
  yuan: number,
  extra: Partial<MethodInput<'suppliers.saveItem'>> = {},
) {
  return t.call('suppliers.saveItem', {
    supplierId,
    itemId,
    packUnit,
    packSize: { qty: size[0], unit: size[1] },
    price: Math.round(yuan * YUAN),
    ...extra,
  });
}

/** An approved order (created and approved as the signed-in admin). */
export async function approvedPo(
  t: TestBackend,
  supplierId: string,
  lines: MethodInput<'po.create'>['lines'],
): Promise<MethodOutput<'po.get'>> {
  const po = await t.call('po.create', { supplierId, lines });
  return t.call('po.approve', { id: po.id });
}

/** Creates a user of the role (as the admin) and signs in as them; `asAdmin` signs back. */
export async function signInAs(t: TestBackend, role: Role, username = `u-${role}`): Promise<void> {
  await t.call('session.login', { username: 'boss', secret: '1234' });
  const exists = (await t.call('users.list', {})).some((u) => u.username === username);
  if (!exists) {
    await t.call('users.create', { username, displayName: `${role} user`, role, authKind: 'pin', secret: '4321' });
  }
  await t.call('session.login', { username, secret: '4321' });
}

export async function asAdmin(t: TestBackend): Promise<void> {
  await t.call('session.login', { username: 'boss', secret: '1234' });
}

/** Changes store settings straight in the row (as the stock tests do). */
export function setSettings(t: TestBackend, values: Record<string, unknown>): void {
  const db = t.backend.database.sqlite;
  const row = db.prepare('SELECT id, settings FROM store').get() as { id: string; settings: string };
  db.prepare('UPDATE store SET settings = ? WHERE id = ?').run(
    JSON.stringify({ ...(JSON.parse(row.settings) as object), ...values }),
    row.id,
  );
}

export function rows<T>(t: TestBackend, sql: string, ...args: unknown[]): T[] {
  return t.backend.database.sqlite.prepare(sql).all(...args) as T[];
}

export function n(t: TestBackend, sql: string, ...args: unknown[]): number {
  return (t.backend.database.sqlite.prepare(sql).get(...args) as { n: number }).n;
}

/** Row counts of the tables a failed call must leave alone. */
export function snapshot(t: TestBackend): Record<string, number> {
  const tables = [
    'suppliers',
    'supplier_items',
    'purchase_orders',
    'purchase_order_lines',
    'receipts',
    'receipt_lines',
    'stock_moves',
    'stock_balances',
  ];
  return Object.fromEntries(tables.map((x) => [x, n(t, `SELECT count(*) AS n FROM ${x}`)]));
}

/** Today in the test store's zone (Asia/Shanghai) +/- days, YYYY-MM-DD. */
export function shanghaiDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
