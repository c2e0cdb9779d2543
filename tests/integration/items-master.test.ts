import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { postStock, seedStockFixture } from '../helpers/stock';
import { itemRows } from '../helpers/items';

let t: TestBackend;
afterEach(() => t?.close());

const KG = 1_000_000;

async function setUp() {
  t = await openSetUpBackend();
  const cooler = await t.call('areas.create', { code: 'COOL', nameZh: '冷库', nameEn: 'Walk-in cooler', sortOrder: 1 });
  const meat = await t.call('categories.create', { code: 'meat', nameZh: '肉类', nameEn: 'Meat' });
  return { cooler, meat };
}

const beef = (areaId: string | null) => ({
  code: 'MEAT-001',
  nameZh: '肥牛卷',
  nameEn: 'Fatty beef rolls',
  category: 'meat',
  baseUnit: 'g' as const,
  units: [
    { unit: '箱', factor: 10 * KG, purchase: true, count: false },
    { unit: 'kg', factor: KG, purchase: false, count: true },
  ],
  barcodes: [{ barcode: '6901028075763', unit: '箱' }, { barcode: 'BEEF-01' }],
  storageAreaId: areaId,
  shelfOrder: 12,
  shelfLifeDays: 180,
  parLevel: 40 * KG,
  reorderPoint: 15 * KG,
  lotTracked: true,
});

describe('item master', () => {
  it('creates and updates an item with units and barcodes, and lists it in one row', async () => {
    const { cooler } = await setUp();
    const created = await t.call('items.create', beef(cooler.id));
    expect(created).toMatchObject({ code: 'MEAT-001', parLevel: 40 * KG, lotTracked: true, active: true });
    expect(created.units).toEqual([
      { unit: 'kg', factor: KG, purchase: false, count: true },
      { unit: '箱', factor: 10 * KG, purchase: true, count: false },
    ]);

    const updated = await t.call('items.update', {
      ...beef(cooler.id),
      id: created.id,
      nameEn: 'Beef rolls',
      units: [{ unit: '件', factor: 12 * KG, purchase: true, count: true }],
      barcodes: [{ barcode: 'BEEF-02' }],
      active: false,
    });
    expect(updated.units).toEqual([{ unit: '件', factor: 12 * KG, purchase: true, count: true }]);
    expect(updated.barcodes).toEqual([{ barcode: 'BEEF-02', unit: '' }]);

    const [row] = await itemRows((m, i) => t.call(m, i));
    expect(row).toMatchObject({
      code: 'MEAT-001',
      nameEn: 'Beef rolls',
      categoryZh: '肉类',
      categoryEn: 'Meat',
      areaCode: 'COOL',
      purchaseUnit: '件',
      purchaseFactor: 12 * KG,
      countUnit: '件',
      barcodes: 'BEEF-02',
      active: false,
    });
    // The old barcode is free again: another item may take it.
    await t.call('items.create', {
      ...beef(null),
      code: 'MEAT-002',
      units: [],
      barcodes: [{ barcode: '6901028075763' }],
    });
    const audit = await t.call('audit.list', { limit: 10, method: 'items.update' });
    expect(audit.rows[0]!.detail).toContain('Beef rolls');
  });

  it('refuses a duplicate code as CONFLICT on the code field, and a barcode another item has', async () => {
    await setUp();
    await t.call('items.create', beef(null));
    const dup = await t.fail('items.create', { ...beef(null), barcodes: [] });
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fields).toEqual([{ path: 'code', message: 'Item code MEAT-001 is already used by another item.' }]);

    const taken = await t.fail('items.create', {
      ...beef(null),
      code: 'MEAT-009',
      units: [],
      barcodes: [{ barcode: 'BEEF-01' }],
    });
    expect(taken.code).toBe('CONFLICT');
    expect(taken.fields).toEqual([
      { path: 'barcodes.0.barcode', message: 'Barcode BEEF-01 already belongs to item MEAT-001.' },
    ]);
    expect(await itemRows((m, i) => t.call(m, i))).toHaveLength(1);
  });

  it('names every bad field: unknown category, unit equal to the base, bad check digit, reorder above par', async () => {
    await setUp();
    const err = await t.fail(
      'items.create',
      {
        ...beef(null),
        category: 'fish',
        units: [{ unit: 'g', factor: 1000, purchase: true }],
        barcodes: [{ barcode: '6901028075764' }],
        reorderPoint: 50 * KG,
      },
      { locale: 'zh-CN' },
    );
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.map((f) => f.path).sort()).toEqual([
      'barcodes.0.barcode',
      'category',
      'reorderPoint',
      'units.0.unit',
    ]);
    expect(err.fields?.find((f) => f.path === 'category')?.message).toBe('类别“fish”不存在，请先在“物料类别”中新建。');
    const shape = await t.fail('items.create', { ...beef(null), code: 'bad code!', parLevel: -1 });
    expect(shape.fields?.map((f) => f.path).sort()).toEqual(['code', 'parLevel']);
    expect(await itemRows((m, i) => t.call(m, i))).toHaveLength(0);
  });

  it('keeps the base unit once the item has stock movements', async () => {
    t = await openSetUpBackend();
    const fx = seedStockFixture(t);
    await t.call('categories.create', { code: 'test', nameZh: '测试', nameEn: 'Test' });
    postStock(t, [{ itemId: fx.items.rice, areaId: fx.areas.dry, kind: 'receipt', qty: KG, value: 10_000 }]);
    const rice = await t.call('items.get', { id: fx.items.rice });
    const err = await t.fail('items.update', { ...rice, baseUnit: 'pc' });
    expect(err.fields).toEqual([
      { path: 'baseUnit', message: 'The base unit cannot change: the item already has stock movements in g.' },
    ]);
  });

  it('lets managers edit areas and categories, clerks only read them', async () => {
    const { cooler, meat } = await setUp();
    await t.call('users.create', { username: 'c1', displayName: 'C', role: 'clerk', authKind: 'pin', secret: '3456' });
    const off = await t.call('areas.update', { ...cooler, active: false });
    expect(off.active).toBe(false);
    // An inactive area cannot be assigned to an item.
    const err = await t.fail('items.create', { ...beef(cooler.id), barcodes: [] });
    expect(err.fields?.[0]).toEqual({
      path: 'storageAreaId',
      message: 'Storage area COOL is inactive. Choose another or activate it.',
    });
    expect((await t.fail('areas.create', { code: 'cool', nameZh: 'x', nameEn: 'x' })).code).toBe('CONFLICT');

    // Renaming a category code carries its items along.
    await t.call('items.create', { ...beef(null), barcodes: [] });
    await t.call('categories.update', { ...meat, code: 'meats' });
    expect((await itemRows((m, i) => t.call(m, i)))[0]).toMatchObject({ category: 'meats', categoryEn: 'Meat' });

    await t.call('session.login', { username: 'c1', secret: '3456' });
    expect(await t.call('areas.list', {})).toHaveLength(1);
    expect((await t.fail('categories.create', { code: 'veg', nameZh: '蔬菜', nameEn: 'Veg' })).code).toBe('FORBIDDEN');
    expect((await t.fail('items.create', beef(null))).code).toBe('FORBIDDEN');
  });
});
