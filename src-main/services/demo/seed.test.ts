import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBackend, tempDir, type TestBackend } from '../../../tests/helpers/backend';
import { seedDemoStore } from './run';
import { faultSeeds } from '../repairs/codes-data';
import { equipmentPrefix } from '../repairs/equipment-code';
import { bumpSerial, equipmentSeeds, itemSeeds, supplierSeeds } from './rows';
import { DEMO_USERS } from './users-data';
import { itemRows } from '../../../tests/helpers/items';
import { dynamicSql, sql } from '../../db/sql';

const storeIds = sql<{ id: string }>('SELECT id FROM store');

const LOGINS = 'admin/1234, manager/2345, clerk1/3456, clerk2/4567, tech/5678';
const TABLES = [
  'store',
  'users',
  'items',
  'suppliers',
  'equipment',
  'storage_areas',
  'item_categories',
  'item_units',
  'item_barcodes',
  'stock_moves',
  'supplier_items',
  'purchase_orders',
  'purchase_order_lines',
  'receipts',
  'receipt_lines',
  'supplier_invoices',
  'supplier_invoice_lines',
  'invoice_claims',
  'invoice_claim_lines',
  'work_orders',
  'work_order_events',
  'pm_plans',
  'service_vendors',
  'fault_codes',
  'meter_readings',
] as const;
const NOTHING = Object.fromEntries(TABLES.map((table) => [table, 0]));

let t: TestBackend | undefined;
let dirs: string[] = [];

/** A data dir that outlives one backend, so a test can restart on it. */
function dataDir(): string {
  const dir = tempDir('bo-demo-');
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  t?.close();
  t = undefined;
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

async function restart(dir: string, demo: boolean): Promise<TestBackend> {
  t?.close();
  t = await openTestBackend({ dataDir: dir, demo });
  return t;
}

function counts(b: TestBackend): Record<string, number> {
  const q = (table: string) =>
    dynamicSql<{ n: number }>(b.backend.database.sqlite, `SELECT count(*) AS n FROM ${table}`).get()!.n;
  return Object.fromEntries(TABLES.map((table) => [table, q(table)]));
}

async function demoSeedEntries(b: TestBackend): Promise<{ username: string | null; detail: string }[]> {
  return (await b.call('audit.list', { limit: 50, method: 'demo.seed' })).rows;
}

describe('demo data tables', () => {
  it('expand to about 120 items with unique codes and names in both languages', () => {
    const rows = itemSeeds();
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.nameZh)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.code).toMatch(/^(MEAT|SEA|VEG|SOY|DRY|SAUCE|BEV|PACK|CLEAN)-\d{3}$/);
      expect(r.nameZh).toMatch(/\p{Script=Han}/u);
      expect(r.nameEn).toMatch(/^[A-Z0-9][A-Za-z0-9 '()&-]+$/);
      expect(['g', 'ml', 'pc']).toContain(r.baseUnit);
    }
    expect(rows.find((r) => r.nameZh === '毛肚')).toMatchObject({ category: 'meat', baseUnit: 'g' });
    expect(rows.find((r) => r.nameZh === '菜籽油')).toMatchObject({ baseUnit: 'ml' });
    expect(rows.find((r) => r.nameZh === '青岛啤酒')).toMatchObject({ category: 'beverages', baseUnit: 'pc' });
  });

  it('give suppliers and per-store equipment unique codes', () => {
    const sup = supplierSeeds();
    expect(sup.map((s) => s.code)).toEqual(sup.map((_, i) => `SUP-${String(i + 1).padStart(3, '0')}`));
    for (const s of sup) expect(s.phone).toMatch(/^(021-\d{8}|1\d{2}-\d{4}-\d{4})$/);
    const eq = equipmentSeeds('SH-001');
    expect(eq.length).toBeGreaterThanOrEqual(20);
    expect(new Set(eq.map((e) => e.code)).size).toBe(eq.length);
    expect(eq.every((e) => /^SH001-[A-Z]+-\d{2}$/.test(e.code))).toBe(true);
    expect(eq.map((e) => e.code)).toEqual(expect.arrayContaining(['SH001-COOL-01', 'SH001-AC-02', 'SH001-IND-06']));
    expect(eq.find((e) => e.code === 'SH001-IND-03')?.location).toContain('A03');
    expect(equipmentPrefix('bj-07')).toBe('BJ07');
    expect(bumpSerial('MD2211C0451', 2)).toBe('MD2211C0453');
    expect(bumpSerial('AB099', 1)).toBe('AB100');
  });
});

describe('seedDemo', () => {
  it('seeds an empty data dir once, then inserts nothing on the next start', async () => {
    const dir = dataDir();
    let b = await restart(dir, true);
    const first = b.backend.demo!;
    expect(first.inserted.store).toBe(1);
    expect(first.inserted.users).toBe(5);
    expect(first.inserted.items).toBeGreaterThanOrEqual(100);
    expect(first.inserted.suppliers).toBeGreaterThanOrEqual(10);
    expect(first.inserted.equipment).toBeGreaterThanOrEqual(20);
    expect(first.logins).toBe(LOGINS);
    const after1 = counts(b);
    // The fault codes are the seeding step's (services/system/seeds.ts), there before the demo starts.
    expect(after1).toEqual({ store: 1, ...first.inserted, fault_codes: faultSeeds().length });

    const session = await b.call('session.login', { username: 'clerk1', secret: '3456' });
    expect(session.store).toMatchObject({ code: 'SH-001', timezone: 'Asia/Shanghai', currency: 'CNY' });
    expect(session.store?.name).toContain('蜀香阁');
    expect(session.user).toMatchObject({ username: 'clerk1', role: 'clerk', authKind: 'pin' });
    const items = await itemRows((m, i) => b.call(m, i));
    expect(items.length).toBe(first.inserted.items);
    expect(items.every((i) => i.nameZh.trim() !== '' && i.nameEn.trim() !== '' && i.active)).toBe(true);
    // Every item has its category's names, an area, a purchase unit and a par level; packaged goods a barcode.
    expect(items.every((i) => i.categoryZh && i.areaCode && i.purchaseUnit && i.parLevel! > i.reorderPoint!)).toBe(
      true,
    );
    expect(items.find((i) => i.nameZh === '肥牛卷')).toMatchObject({
      areaZh: '冻库',
      purchaseUnit: '箱',
      purchaseFactor: 10_000_000,
      countUnit: 'kg',
      lotTracked: true,
    });
    const beer = items.find((i) => i.nameZh === '青岛啤酒')!;
    expect(beer).toMatchObject({ categoryZh: '酒水饮料', areaCode: 'BAR', purchaseUnit: '箱', purchaseFactor: 24_000 });
    expect(beer.barcodes).toMatch(/^69\d{11}$/);
    expect(first.inserted).toMatchObject({ storage_areas: 6, item_categories: 9 });
    expect((await b.call('suppliers.list', {})).length).toBe(first.inserted.suppliers);
    // Purchasing: details, a catalogue for every item, and orders in each state (two of them received).
    const sup1 = (await b.call('suppliers.list', {})).find((s) => s.code === 'SUP-001')!;
    expect(sup1).toMatchObject({ leadTimeDays: 1, orderDays: [1, 3, 5], minOrderValue: 800 * 10_000 });
    expect(first.inserted.supplier_items).toBeGreaterThanOrEqual(first.inserted.items!);
    expect((await b.call('po.list', {})).map((p) => p.status).sort()).toEqual([
      'approved',
      'draft',
      'partial',
      'received',
    ]);
    expect(first.inserted).toMatchObject({ purchase_orders: 4, receipts: 2 });
    // Invoices for the two received orders: one matched, one disputed with its claim.
    expect((await b.call('invoices.list', {})).map((i) => [i.supplierCode, i.status, i.claimStatus]).sort()).toEqual([
      ['SUP-001', 'disputed', 'open'],
      ['SUP-007', 'matched', null],
    ]);
    expect(first.inserted).toMatchObject({ supplier_invoices: 2, invoice_claims: 1, invoice_claim_lines: 2 });
    expect((await b.call('equipment.list', {})).every((e) => e.code.startsWith('SH001-'))).toBe(true);

    b = await restart(dir, true);
    const second = b.backend.demo!;
    expect(second.inserted).toEqual(NOTHING);
    expect(second.logins).toBe(LOGINS);
    expect(counts(b)).toEqual(after1);

    // Every demo user signs in with the PIN printed at start.
    for (const u of DEMO_USERS) {
      const s = await b.call('session.login', { username: u.username, secret: u.pin });
      expect(s.user).toMatchObject({ username: u.username, role: u.role, displayName: u.displayName });
    }
    await b.call('session.login', { username: 'admin', secret: '1234' });
    const entries = await demoSeedEntries(b);
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.username === null)).toBe(true);
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ result: JSON.stringify(second.inserted) });
    expect(await b.call('audit.verify', {})).toMatchObject({ ok: true, problems: [] });
  });

  it('keeps a store set up by its owner and adds the demo users and data to it', async () => {
    const dir = dataDir();
    let b = await restart(dir, false);
    await b.call('setup.initialize', {
      store: { code: 'SH-088', name: '测试门店', address: '上海市', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
    });
    const storeId = storeIds.get(b.backend.database.sqlite)!.id;

    b = await restart(dir, true);
    const summary = b.backend.demo!;
    expect(summary.inserted).toMatchObject({ store: 0, users: 5 });
    expect(summary.logins).toBe(LOGINS);
    expect(storeIds.all(b.backend.database.sqlite).map((s) => s.id)).toEqual([storeId]);
    const boss = await b.call('session.login', { username: 'boss', secret: '1234' });
    expect(boss.store).toMatchObject({ code: 'SH-088', name: '测试门店' });
    expect((await b.call('users.list', {})).map((u) => u.username).sort()).toEqual([
      'admin',
      'boss',
      'clerk1',
      'clerk2',
      'manager',
      'tech',
    ]);
    // Equipment codes follow the store actually in the database.
    expect((await b.call('equipment.list', {})).every((e) => e.code.startsWith('SH088-'))).toBe(true);
    await b.call('session.login', { username: 'tech', secret: '5678' });

    // A direct top-up (same path as a restart) finds nothing to add.
    const again = seedDemoStore(b.backend.database, b.backend.host, b.backend.log);
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
    await b.call('session.login', { username: 'boss', secret: '1234' });
    expect(await demoSeedEntries(b)).toHaveLength(2);
    expect(await b.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('seeds from first-run setup when "load demo data" is ticked', async () => {
    const dir = dataDir();
    let b = await restart(dir, false);
    const session = await b.call('setup.initialize', {
      store: { code: 'SH-001', name: '测试门店', address: '上海市', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '9999' },
      demo: true,
    });
    expect(session.user?.username).toBe('boss');
    const seeded = counts(b);
    expect(seeded).toMatchObject({ store: 1, users: 6 });
    expect(seeded.items).toBeGreaterThanOrEqual(100);

    b = await restart(dir, true);
    expect(b.backend.demo!.inserted).toEqual(NOTHING);
    expect(b.backend.demo!.logins).toBe(LOGINS);
    expect(counts(b)).toEqual(seeded);
    await b.call('session.login', { username: 'clerk2', secret: '4567' });
  });

  it('does not take over or advertise a same-named user the store created itself', async () => {
    const dir = dataDir();
    let b = await restart(dir, false);
    await b.call('setup.initialize', {
      store: { code: 'SH-001', name: '测试门店', address: '', timezone: 'Asia/Shanghai', currency: 'CNY' },
      admin: { username: 'Admin', displayName: '老板', authKind: 'pin', secret: '9876' },
    });
    await b.call('users.create', {
      username: 'tech',
      displayName: '外包',
      role: 'technician',
      authKind: 'password',
      secret: 'secret-pass-5678',
    });

    b = await restart(dir, true);
    expect(b.backend.demo!.inserted.users).toBe(3);
    expect(b.backend.demo!.logins).toBe('manager/2345, clerk1/3456, clerk2/4567');
    expect((await b.fail('session.login', { username: 'admin', secret: '1234' })).code).toBe('BAD_CREDENTIALS');
    const owner = await b.call('session.login', { username: 'admin', secret: '9876' });
    expect(owner.user?.displayName).toBe('老板');
  });
});
