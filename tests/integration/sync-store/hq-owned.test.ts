import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { seedStockFixture } from '../../helpers/stock';
import { enroll, Line, openStore, row } from './harness';

describe('HQ-owned fields after enrollment', () => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind: 'pglite', options: { hqName: '上海总部' } });
  });
  afterAll(() => hq?.close());

  it('refuses edits of HQ’s item and supplier fields with HQ’s name; the store’s own fields stay editable', async () => {
    const t = await openStore(new Line());
    try {
      const fx = seedStockFixture(t);
      t.backend.database.sqlite
        .prepare(
          "INSERT INTO item_categories (id, code, name_zh, name_en, created_at, updated_at) VALUES ('c-test', 'test', '测试', 'Test', 0, 0)",
        )
        .run();
      const supplier = await t.call('suppliers.create', { code: 'SUP-1', name: '鲜肉供应' });
      // Before enrollment the store owns everything.
      const rice = await t.call('items.get', { id: fx.items.rice });
      await t.call('items.update', { ...rice, nameEn: 'White rice' });
      await enroll(t, hq);

      const beef = await t.call('items.get', { id: fx.items.beef });
      const refused = await t.fail('items.update', { ...beef, nameZh: '牛肉卷', baseUnit: 'pc' });
      expect(refused.code).toBe('CONFLICT');
      expect(refused.message).toContain('上海总部');
      expect(refused.fields?.map((f) => f.path).sort()).toEqual(['baseUnit', 'nameZh']);
      const zh = await t.fail('items.update', { ...beef, nameZh: '牛肉卷' }, { locale: 'zh-CN' });
      expect(zh.message).toMatch(/由总部（上海总部）统一管理/);
      expect((await t.call('items.get', { id: fx.items.beef })).nameZh).toBe(beef.nameZh);
      // The store's own settings of the same item are still its to change.
      const own = await t.call('items.update', {
        ...beef,
        storageAreaId: fx.areas.cooler,
        shelfOrder: 3,
        parLevel: 4000,
        reorderPoint: 1000,
      });
      expect(own).toMatchObject({ storageAreaId: fx.areas.cooler, shelfOrder: 3, parLevel: 4000 });

      const sup = await t.fail('suppliers.update', { ...supplier, phone: '021-5555' } as never);
      expect(sup).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'phone' }] });
    } finally {
      t.close();
    }
  });
  it('refuses adding, changing or removing the master rows HQ owns whole, naming HQ; the store’s own choices stay its own', async () => {
    const t = await openStore(new Line());
    try {
      const fx = seedStockFixture(t);
      t.backend.database.sqlite
        .prepare(
          "INSERT INTO item_categories (id, code, name_zh, name_en, created_at, updated_at) VALUES ('c-test', 'test', '测试', 'Test', 0, 0)",
        )
        .run();
      const supplier = await t.call('suppliers.create', { code: 'SUP-2', name: '干货供应' });
      const line = await t.call('suppliers.saveItem', {
        supplierId: supplier.id,
        itemId: fx.items.rice,
        packUnit: '袋',
        packSize: { qty: '10000', unit: 'g' },
        price: 5000,
      });
      await t.call('items.update', {
        ...(await t.call('items.get', { id: fx.items.rice })),
        units: [{ unit: 'kg', factor: 1000, purchase: true, count: true }],
      });
      await enroll(t, hq);
      const counts = () =>
        row(
          t,
          `SELECT (SELECT count(*) FROM items) items, (SELECT count(*) FROM suppliers) suppliers,
             (SELECT count(*) FROM supplier_items) lines, (SELECT count(*) FROM item_categories) categories,
             (SELECT count(*) FROM reason_codes) reasons, (SELECT count(*) FROM fault_codes) faults,
             (SELECT count(*) FROM service_vendors) vendors, (SELECT count(*) FROM label_templates) layouts,
             (SELECT count(*) FROM item_units) units`,
        );
      const before = counts();
      const refusedBy = async (method: string, input: unknown, table: string) => {
        const e = await t.fail(method as never, input as never, { locale: 'zh-CN' });
        expect(e.code, `${method}: ${e.message} ${JSON.stringify(e.fields)}`).toBe('CONFLICT');
        expect(e.message, method).toContain('上海总部');
        expect(e.message, method).toContain(table);
      };

      const rice = await t.call('items.get', { id: fx.items.rice });
      await refusedBy(
        'items.create',
        { ...rice, id: undefined, code: 'T-NEW', nameZh: '新物品', units: [], barcodes: [] },
        '物品',
      );
      await refusedBy(
        'items.update',
        { ...rice, units: [...rice.units, { unit: 'bag', factor: 10000, purchase: false, count: false }] },
        '物品单位',
      );
      await refusedBy('items.update', { ...rice, barcodes: [{ barcode: '6900000000014', unit: 'kg' }] }, '条码');
      await refusedBy('suppliers.create', { code: 'SUP-3', name: '新供应商' }, '供应商');
      await refusedBy(
        'suppliers.saveItem',
        {
          supplierId: supplier.id,
          itemId: fx.items.rice,
          packUnit: '袋',
          packSize: { qty: '10000', unit: 'g' },
          price: 4500,
        },
        '供应商目录',
      );
      await refusedBy('suppliers.removeItem', { id: line.id }, '供应商目录');
      await refusedBy('categories.create', { code: 'veg', nameZh: '蔬菜', nameEn: 'Vegetables' }, '物品类别');
      await refusedBy('reasons.save', { kind: 'waste', code: 'burnt', nameZh: '烧焦', nameEn: 'Burnt' }, '原因代码');
      await refusedBy(
        'faultCodes.save',
        { code: 'X-NEW', category: 'refrigeration', nameZh: '新故障', nameEn: 'New fault', sortOrder: 1 },
        '故障代码',
      );
      await refusedBy('vendors.save', { code: 'V-NEW', name: 'New Co.', categories: [] }, '维修服务商');
      const [layout] = await t.call('labels.templates', {});
      await refusedBy('labels.saveTemplate', { ...layout!, name: '改名' }, '标签模板');
      expect(counts()).toEqual(before);
      expect((await t.call('suppliers.catalogue', { supplierId: supplier.id }))[0]?.price).toBe(5000);

      // Which of HQ's layouts prints by default is the store's own choice.
      const chosen = await t.call('labels.saveTemplate', { ...layout!, isDefault: true });
      expect(chosen.isDefault).toBe(true);
      const en = await t.fail('suppliers.create', { code: 'SUP-3', name: 'New' }, { locale: 'en' });
      expect(en.message).toMatch(/HQ \(上海总部\) manages this data \(Suppliers: SUP-3 New\)/);
    } finally {
      t.close();
    }
  });
});
