import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { startTestHq, type TestHq } from '../../helpers/hq';
import { enroll, Line, openStore, row } from './harness';

/**
 * The registers the repair and settings screens edit: categories, reason and
 * fault codes, service vendors, label layouts and the equipment registry.
 * Before enrollment the store edits all of them; after it HQ owns them (an
 * edit here would be overwritten by the next pull), except what is the
 * store's own: where a piece of equipment stands and its notes, which layout
 * prints by default, and the local devices (scales, printers, their ports).
 */
describe('the HQ-owned registers at the store', () => {
  let hq: TestHq;
  beforeAll(async () => {
    hq = await startTestHq({ kind: 'pglite', options: { hqName: '上海总部' } });
  });
  afterAll(() => hq?.close());

  async function registers(t: TestBackend) {
    const { store } = await t.call('store.get', {});
    const prefix = `${store.code.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}-`;
    const category = await t.call('categories.create', { code: 'veg', nameZh: '蔬菜', nameEn: 'Vegetables' });
    const reason = await t.call('reasons.save', { kind: 'waste', code: 'burnt', nameZh: '烧焦', nameEn: 'Burnt' });
    const fault = await t.call('faultCodes.save', {
      code: 'X-NEW',
      category: 'refrigeration',
      nameZh: '新故障',
      nameEn: 'New fault',
      sortOrder: 1,
    });
    const vendor = await t.call('vendors.save', { code: 'V-1', name: '冷链维修', categories: [] });
    const equipment = await t.call('equipment.save', {
      code: `${prefix}FR-1`,
      name: '冷柜',
      category: 'refrigeration',
      location: '后厨',
    });
    const [layout] = await t.call('labels.templates', {});
    const printer = await t.call('devices.save', {
      kind: 'printer',
      name: '标签机',
      protocol: 'tspl',
      connection: { kind: 'tcp', host: '127.0.0.1', port: 9100 },
      isDefault: false,
      active: false,
      options: {},
    });
    return { prefix, category, reason, fault, vendor, equipment, layout: layout!, printer };
  }

  it('before enrollment, the store adds, edits and retires rows of every register', async () => {
    const t = await openStore(new Line());
    try {
      const r = await registers(t);
      await t.call('categories.update', { ...r.category, nameEn: 'Greens' });
      await t.call('reasons.save', { ...r.reason, nameEn: 'Scorched', originalCode: r.reason.code });
      await t.call('reasons.setActive', { kind: 'waste', code: 'burnt', active: false });
      await t.call('faultCodes.save', { ...r.fault, category: 'refrigeration', nameEn: 'Odd noise' });
      await t.call('faultCodes.setActive', { code: 'X-NEW', active: false });
      await t.call('vendors.save', { ...r.vendor, phone: '021-5555' });
      await t.call('labels.saveTemplate', { ...r.layout, name: '本店价签' });
      const eq = await t.call('equipment.save', { ...r.equipment, name: '立式冷柜', criticality: 'high' });
      expect(eq).toMatchObject({ name: '立式冷柜', criticality: 'high' });
      expect(row(t, "SELECT name_en FROM item_categories WHERE code = 'veg'")).toEqual({ name_en: 'Greens' });
      expect(row(t, "SELECT active FROM fault_codes WHERE code = 'X-NEW'")).toEqual({ active: 0 });
    } finally {
      t.close();
    }
  });

  it('after enrollment, refuses every change of HQ’s rows and fields, naming HQ; the store’s own fields stay editable', async () => {
    const t = await openStore(new Line());
    try {
      const r = await registers(t);
      await enroll(t, hq);
      const snapshot = () =>
        row(
          t,
          `SELECT (SELECT group_concat(code || name_en) FROM item_categories) categories,
             (SELECT group_concat(code || name_en || active) FROM reason_codes) reasons,
             (SELECT group_concat(code || name_en || active) FROM fault_codes) faults,
             (SELECT group_concat(code || phone) FROM service_vendors) vendors,
             (SELECT group_concat(name) FROM label_templates) layouts,
             (SELECT group_concat(code || name || criticality || active) FROM equipment) equipment`,
        );
      const before = snapshot();
      const refused = async (method: string, input: unknown, table: string) => {
        const e = await t.fail(method as never, input as never, { locale: 'zh-CN' });
        expect(e.code, `${method}: ${e.message}`).toBe('CONFLICT');
        expect(e.message, method).toContain('上海总部');
        expect(e.message, method).toContain(table);
        return e;
      };
      await refused('categories.update', { ...r.category, nameEn: 'Greens' }, '物品类别');
      await refused('reasons.save', { ...r.reason, nameEn: 'Scorched', originalCode: 'burnt' }, '原因代码');
      await refused('reasons.setActive', { kind: 'waste', code: 'burnt', active: false }, '原因代码');
      await refused('faultCodes.save', { ...r.fault, category: 'refrigeration', nameEn: 'Odd noise' }, '故障代码');
      await refused('faultCodes.setActive', { code: 'X-NEW', active: false }, '故障代码');
      await refused('vendors.save', { ...r.vendor, phone: '021-5555' }, '维修服务商');
      await refused('labels.saveTemplate', { ...r.layout, name: '本店价签' }, '标签模板');
      await refused('equipment.save', { code: `${r.prefix}FR-2`, name: '制冰机', category: 'refrigeration' }, '设备');
      const fields = await t.fail('equipment.save', { ...r.equipment, name: '立式冷柜', criticality: 'high' });
      expect(fields).toMatchObject({ code: 'CONFLICT' });
      expect(fields.fields?.map((f) => f.path).sort()).toEqual(['criticality', 'name']);
      expect(snapshot()).toEqual(before);

      // The store's own: where the equipment stands and its notes, the default layout, the local devices.
      const moved = await t.call('equipment.save', { ...r.equipment, location: '冷库门口', note: '门封条已换' });
      expect(moved).toMatchObject({ location: '冷库门口', note: '门封条已换', name: '冷柜' });
      expect((await t.call('labels.saveTemplate', { ...r.layout, isDefault: true })).isDefault).toBe(true);
      const edited = await t.call('devices.save', { ...r.printer, kind: 'printer', name: '收货标签机' } as never);
      expect(edited.name).toBe('收货标签机');
      const scale = await t.call('devices.save', {
        kind: 'scale',
        name: '收货秤',
        protocol: 'mt8217',
        connection: { path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 },
        isDefault: true,
        active: false,
        options: {},
      } as never);
      expect(scale.isDefault).toBe(true);
      await t.call('devices.remove', { id: r.printer.id });
      expect((await t.call('devices.list', {})).map((d) => d.name)).toEqual(['收货秤']);
    } finally {
      t.close();
    }
  });
});
