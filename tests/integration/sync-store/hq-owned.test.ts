import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { seedStockFixture } from '../../helpers/stock';
import { enroll, Line, openStore } from './harness';

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
});
