import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HqEquipmentDto, HqFaultDto, HqVendorDto } from '../../../src-shared/hq-api/methods/master-data';
import type { StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';
import { DEFAULT_EQUIPMENT_TEMPLATE } from '../../../src-shared/labels/defaults';
import type { TestBackend } from '../../helpers/backend';
import { HqApiClient, startTestHq, type TestHq } from '../../helpers/hq';
import { enroll, Line, openStore } from './harness';

/**
 * Each master table HQ's screens edit, edited through HQ's API (the role,
 * audit and change log of a real call), pulled by a real store's worker, and
 * read back through the store's own API: what the store's screens show.
 */
describe('HQ master edits reach a store through pull', () => {
  let hq: TestHq;
  let admin: HqApiClient;
  let store: TestBackend;
  let storeId: string;
  beforeAll(async () => {
    hq = await startTestHq({ kind: 'pglite' });
    admin = new HqApiClient(hq.url);
    await admin.call('setup.createAdmin', { username: 'boss', displayName: 'Boss', password: 'correct horse 9' });
    store = await openStore(new Line());
    await enroll(store, hq, 'MS-1');
    await store.call('sync.now', {});
    const listed = await admin.call<StoreHealthDto[]>('stores.list');
    storeId = listed.find((s) => s.code === 'MS-1')!.id;
  });
  afterAll(async () => {
    store?.close();
    await hq?.close();
  });
  const pull = () => store.call('sync.now', {});

  it('item categories', async () => {
    const c = await admin.call<{ id: string }>('master.categories.save', {
      code: 'frozen',
      nameZh: '冻品',
      nameEn: 'Frozen',
    });
    await pull();
    expect((await store.call('categories.list', {})).find((x) => x.id === c.id)).toMatchObject({ nameZh: '冻品' });
    await admin.call('master.categories.save', { id: c.id, code: 'frozen', nameZh: '速冻食品', nameEn: 'Frozen' });
    await pull();
    expect((await store.call('categories.list', {})).find((x) => x.id === c.id)).toMatchObject({ nameZh: '速冻食品' });
  });

  it('an item’s units and barcodes', async () => {
    const item = await admin.call<{ id: string }>('items.save', {
      code: 'MS-RICE',
      nameZh: '东北大米',
      nameEn: 'Rice',
      category: 'frozen',
      baseUnit: 'g',
    });
    await admin.call('master.units.save', { itemId: item.id, unit: '袋', factor: 10_000_000, purchase: true });
    await admin.call('master.barcodes.save', { barcode: '6901234500017', itemId: item.id, unit: '袋', create: true });
    await pull();
    const got = await store.call('items.get', { id: item.id });
    expect(got.units).toEqual([{ unit: '袋', factor: 10_000_000, purchase: true, count: false }]);
    expect(got.barcodes.map((b) => b.barcode)).toEqual(['6901234500017']);
    await admin.call('master.units.save', {
      itemId: item.id,
      unit: '袋',
      factor: 25_000_000,
      purchase: true,
      count: true,
    });
    await admin.call('master.barcodes.remove', { barcode: '6901234500017' });
    await pull();
    const after = await store.call('items.get', { id: item.id });
    expect(after.units).toEqual([{ unit: '袋', factor: 25_000_000, purchase: true, count: true }]);
    expect(after.barcodes).toEqual([]);
  });

  it('reason codes, deactivated rather than deleted', async () => {
    await admin.call('master.reasons.save', {
      kind: 'waste',
      code: 'MS-BURN',
      nameZh: '烧焦',
      nameEn: 'Burnt',
      create: true,
    });
    await pull();
    const find = async () => (await store.call('reasons.list', {})).rows.find((r) => r.code === 'MS-BURN');
    expect(await find()).toMatchObject({ kind: 'waste', nameZh: '烧焦', active: true });
    await admin.call('master.reasons.save', {
      kind: 'waste',
      code: 'MS-BURN',
      nameZh: '烧焦',
      nameEn: 'Burnt',
      active: false,
    });
    await pull();
    expect(await find()).toMatchObject({ active: false });
  });

  it('fault codes, as a group and its symptom', async () => {
    await admin.call<HqFaultDto>('master.faults.save', {
      code: 'MS-ICE',
      category: 'ice',
      nameZh: '制冰故障',
      nameEn: 'Ice making',
    });
    await admin.call<HqFaultDto>('master.faults.save', {
      code: 'MS-ICE-1',
      category: 'ice',
      parentCode: 'MS-ICE',
      nameZh: '不出冰',
      nameEn: 'No ice',
    });
    await pull();
    const codes = await store.call('faultCodes.list', { category: 'ice' });
    expect(codes.filter((c) => c.code.startsWith('MS-ICE')).map((c) => [c.code, c.parentCode, c.nameZh])).toEqual([
      ['MS-ICE', null, '制冰故障'],
      ['MS-ICE-1', 'MS-ICE', '不出冰'],
    ]);
  });

  it('service vendors and this store’s equipment (and only this store’s)', async () => {
    const v = await admin.call<HqVendorDto>('master.vendors.save', {
      code: 'MS-V1',
      name: '雪峰制冷维修',
      phone: '021-5555',
      categories: ['ice'],
    });
    const eq = await admin.call<HqEquipmentDto>('master.equipment.save', {
      code: 'MS-EQ1',
      name: '制冰机',
      category: 'ice',
      storeId,
      vendorId: v.id,
      criticality: 'high',
    });
    const other = (await admin.call<{ store: StoreHealthDto }>('stores.create', { code: 'MS-2', name: '别的店' }))
      .store;
    await admin.call('master.equipment.save', { code: 'MS-EQ2', name: '别店冰柜', category: 'ice', storeId: other.id });
    await pull();
    expect((await store.call('vendors.list', {})).find((x) => x.id === v.id)).toMatchObject({ name: '雪峰制冷维修' });
    const mine = (await store.call('equipment.list', {})).filter((e) => e.code.startsWith('MS-EQ'));
    expect(mine.map((e) => [e.code, e.name])).toEqual([['MS-EQ1', '制冰机']]);
    expect(await store.call('equipment.get', { id: eq.id })).toMatchObject({ vendorId: v.id, criticality: 'high' });
    await admin.call('master.equipment.save', { ...eq, name: '制冰机（后厨）', active: false });
    await pull();
    expect(await store.call('equipment.get', { id: eq.id })).toMatchObject({ name: '制冰机（后厨）', active: false });
  });

  it('label layouts', async () => {
    const layout = await admin.call<{ id: string }>('master.layouts.save', {
      name: '设备标签（总部）',
      definition: JSON.stringify({ ...DEFAULT_EQUIPMENT_TEMPLATE, widthMm: 60 }),
    });
    await pull();
    const got = (await store.call('labels.templates', {})).find((x) => x.id === layout.id);
    expect(got?.name).toBe('设备标签（总部）');
    expect(got?.definition.widthMm).toBe(60);
  });
});
