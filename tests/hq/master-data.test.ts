import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLog, hqAudit, hqUserScopeRegions, hqUserScopes } from '../../src-hq/db/schema';
import { createHqUser } from '../../src-hq/services/auth/users';
import type {
  HqEquipmentDto,
  HqFaultDto,
  HqHistoryEntry,
  HqLayoutDto,
} from '../../src-shared/hq-api/methods/master-data';
import type { RegionDto } from '../../src-shared/hq-api/methods/regions';
import type { StoreHealthDto } from '../../src-shared/hq-api/methods/stores';
import { DEFAULT_RECEIVING_TEMPLATE } from '../../src-shared/labels/defaults';
import type { HqRole } from '../../src-shared/hq-api/roles';
import { LabelTemplateSchema } from '../../src-shared/labels/template';
import { HqApiClient, startTestHq, type TestHq } from '../helpers/hq';

const PASSWORD = 'correct horse 9';

type Failure = { code: string; message: string; fields?: { path: string; message: string }[] };

describe("HQ's master data beyond items and prices", () => {
  let t: TestHq;
  let admin: HqApiClient;
  let ops: HqApiClient;
  let east: StoreHealthDto;
  let west: StoreHealthDto;
  let eastRegion: RegionDto;

  async function signedIn(role: HqRole, regionId?: string): Promise<HqApiClient> {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    const u = await createHqUser(t.hq.ctx.db, { username, displayName: role, role, password: PASSWORD }, Date.now());
    if (regionId) {
      await t.hq.ctx.db.insert(hqUserScopes).values({ userId: u.id, kind: 'regions', updatedAt: Date.now() });
      await t.hq.ctx.db.insert(hqUserScopeRegions).values({ userId: u.id, regionId });
    }
    const c = new HqApiClient(t.url);
    await c.call('session.login', { username, password: PASSWORD });
    return c;
  }
  const written = async () => [
    (await t.hq.ctx.db.select({ n: count() }).from(hqAudit))[0]!.n,
    (await t.hq.ctx.db.select({ n: count() }).from(changeLog))[0]!.n,
  ];
  /** The call fails with this code and a message on this field; nothing is audited or logged for the stores. */
  async function refused(c: HqApiClient, method: string, input: unknown, code: string, field: string) {
    const before = await written();
    const out = await c.raw(method, input);
    const error = out.body.error as Failure | undefined;
    expect(error?.code, JSON.stringify(out.body)).toBe(code);
    const f = error?.fields?.find((x) => x.path === field);
    expect(f?.message, JSON.stringify(error)).toBeTruthy();
    expect(await written()).toEqual(before);
    return f!.message;
  }

  beforeAll(async () => {
    t = await startTestHq({ kind: 'pglite' });
    admin = new HqApiClient(t.url);
    await admin.call('setup.createAdmin', { username: 'boss', displayName: 'Boss', password: PASSWORD });
    eastRegion = await admin.call<RegionDto>('regions.save', { code: 'EAST', nameZh: '华东', nameEn: 'East' });
    const westRegion = await admin.call<RegionDto>('regions.save', { code: 'WEST', nameZh: '西南', nameEn: 'West' });
    east = (
      await admin.call<{ store: StoreHealthDto }>('stores.create', {
        code: 'E-1',
        name: '上海店',
        regionId: eastRegion.id,
      })
    ).store;
    west = (
      await admin.call<{ store: StoreHealthDto }>('stores.create', {
        code: 'W-1',
        name: '成都店',
        regionId: westRegion.id,
      })
    ).store;
    ops = await signedIn('operations');
  });
  afterAll(() => t?.close());

  it('refuses duplicate codes naming the code field, and writes nothing', async () => {
    await ops.call('master.categories.save', { code: 'meat', nameZh: '肉类', nameEn: 'Meat' });
    await refused(ops, 'master.categories.save', { code: 'meat', nameZh: '肉', nameEn: 'M' }, 'CONFLICT', 'code');
    await ops.call('master.reasons.save', {
      kind: 'waste',
      code: 'MOLD',
      nameZh: '发霉',
      nameEn: 'Mould',
      create: true,
    });
    const msg = await refused(
      ops,
      'master.reasons.save',
      { kind: 'waste', code: 'MOLD', nameZh: '霉', nameEn: 'M', create: true },
      'CONFLICT',
      'code',
    );
    expect(msg).toContain('MOLD');
    const maint = await signedIn('maintenance');
    await maint.call('master.vendors.save', { code: 'V-COOL', name: '冷链维修' });
    await refused(maint, 'master.vendors.save', { code: 'V-COOL', name: 'x' }, 'CONFLICT', 'code');
  });

  it('refuses a unit factor of 0 and a barcode already used, naming the field', async () => {
    const item = await ops.call<{ id: string }>('items.save', {
      code: 'U-1',
      nameZh: '大米',
      nameEn: 'Rice',
      category: 'meat',
      baseUnit: 'g',
    });
    const zero = await refused(
      ops,
      'master.units.save',
      { itemId: item.id, unit: '袋', factor: 0, purchase: true },
      'VALIDATION',
      'factor',
    );
    expect(zero).toMatch(/factor of 1 or more/);
    await ops.call('master.units.save', { itemId: item.id, unit: '袋', factor: 10_000_000, purchase: true });
    await ops.call('master.barcodes.save', { barcode: '6901234567892', itemId: item.id, unit: '袋', create: true });
    await refused(
      ops,
      'master.barcodes.save',
      { barcode: '6901234567892', itemId: item.id, unit: '', create: true },
      'CONFLICT',
      'barcode',
    );
    await refused(
      ops,
      'master.barcodes.save',
      { barcode: '6901234567893', itemId: item.id, unit: '箱', create: true },
      'VALIDATION',
      'unit',
    );
  });

  it('refuses a fault code that is its own group or would close a loop', async () => {
    const maint = await signedIn('maintenance');
    const group = await maint.call<HqFaultDto>('master.faults.save', {
      code: 'RF-TEMP',
      category: 'refrigeration',
      nameZh: '温度异常',
      nameEn: 'Temperature',
    });
    const child = await maint.call<HqFaultDto>('master.faults.save', {
      code: 'RF-WARM',
      category: 'refrigeration',
      parentCode: 'RF-TEMP',
      nameZh: '温度偏高',
      nameEn: 'Too warm',
    });
    expect(child.parentCode).toBe('RF-TEMP');
    const self = await refused(
      maint,
      'master.faults.save',
      { ...group, parentCode: 'RF-TEMP' },
      'VALIDATION',
      'parentCode',
    );
    expect(self).toMatch(/own group/);
    const loop = await refused(
      maint,
      'master.faults.save',
      { ...group, parentCode: 'RF-WARM' },
      'VALIDATION',
      'parentCode',
    );
    expect(loop).toMatch(/loop/);
    await refused(
      maint,
      'master.faults.save',
      { code: 'CK-X', category: 'cooking', parentCode: 'RF-TEMP', nameZh: '错类', nameEn: 'Wrong category' },
      'VALIDATION',
      'parentCode',
    );
  });

  it('refuses a label layout the store would not parse, and keeps a valid one as the store keeps it', async () => {
    await refused(
      ops,
      'master.layouts.save',
      { name: '坏格式', definition: '{"widthMm": 50,' },
      'VALIDATION',
      'definition',
    );
    const outside = {
      ...DEFAULT_RECEIVING_TEMPLATE,
      elements: [{ ...DEFAULT_RECEIVING_TEMPLATE.elements[0]!, x: 500 }],
    };
    const msg = await refused(
      ops,
      'master.layouts.save',
      { name: '越界', definition: JSON.stringify(outside) },
      'VALIDATION',
      'definition',
    );
    expect(msg).toMatch(/outside the label/);
    const ok = await ops.call<HqLayoutDto>('master.layouts.save', {
      name: '收货标签',
      definition: JSON.stringify(DEFAULT_RECEIVING_TEMPLATE, null, 2),
    });
    // The text a store's own label screen would store for the same layout (zod-parsed, compact).
    expect(ok.definition).toBe(JSON.stringify(LabelTemplateSchema.parse(DEFAULT_RECEIVING_TEMPLATE)));
  });

  it('scopes equipment to the user’s stores: another region’s store is refused on the storeId field', async () => {
    const eastMaint = await signedIn('maintenance', eastRegion.id);
    const eq = await eastMaint.call<HqEquipmentDto>('master.equipment.save', {
      code: 'EQ-E1',
      name: '冷库一号',
      category: 'refrigeration',
      storeId: east.id,
    });
    const msg = await refused(eastMaint, 'master.equipment.save', { ...eq, storeId: west.id }, 'FORBIDDEN', 'storeId');
    expect(msg).toContain('W-1');
    // Equipment already in the west cannot be pulled into the east by an east user either.
    const westEq = await admin.call<HqEquipmentDto>('master.equipment.save', {
      code: 'EQ-W1',
      name: '成都冷柜',
      category: 'refrigeration',
      storeId: west.id,
    });
    await refused(eastMaint, 'master.equipment.save', { ...westEq, storeId: east.id }, 'FORBIDDEN', 'storeId');
    const seen = await eastMaint.call<HqEquipmentDto[]>('master.equipment.list');
    expect(seen.map((e) => e.code)).toEqual(['EQ-E1']);
    const viewer = await signedIn('viewer');
    expect((await viewer.raw('master.equipment.save', { ...eq })).body.error?.code).toBe('FORBIDDEN');
    expect((await ops.raw('master.faults.save', {})).body.error?.code).toBe('VALIDATION');
  });

  it('keeps each row’s history: who changed which field from what to what, newest first', async () => {
    const maint = await signedIn('maintenance');
    const eq = await maint.call<HqEquipmentDto>('master.equipment.save', {
      code: 'EQ-H1',
      name: '制冰机',
      category: 'ice',
      storeId: east.id,
    });
    await maint.call('master.equipment.save', { ...eq, name: '制冰机 2 号', criticality: 'high' });
    await maint.call('master.equipment.save', { ...eq, name: '制冰机 2 号', criticality: 'high' }); // no change
    const h = await ops.call<HqHistoryEntry[]>('master.history', { table: 'equipment', key: { id: eq.id } });
    expect(h.map((e) => e.op)).toEqual(['update', 'create']);
    expect(h[0]!.username).toMatch(/^maintenance-/);
    expect(h[0]!.method).toBe('master.equipment.save');
    expect(h[0]!.changes).toEqual([
      { column: 'name', before: '制冰机', after: '制冰机 2 号' },
      { column: 'criticality', before: 'medium', after: 'high' },
    ]);
    expect(h[1]!.changes).toContainEqual({ column: 'store_id', before: null, after: east.id });

    // Items and prices, edited through the older screens, have history too.
    const item = await ops.call<{ id: string }>('items.save', {
      code: 'H-ITEM',
      nameZh: '鸡翅',
      nameEn: 'Wings',
      category: 'meat',
      baseUnit: 'g',
    });
    await ops.call('items.save', {
      id: item.id,
      code: 'H-ITEM',
      nameZh: '鸡翅中',
      nameEn: 'Wings',
      category: 'meat',
      baseUnit: 'g',
    });
    const ih = await admin.call<HqHistoryEntry[]>('master.history', { table: 'items', key: { id: item.id } });
    expect(ih[0]!.changes).toEqual([{ column: 'name_zh', before: '鸡翅', after: '鸡翅中' }]);

    // Rows keyed by several columns: a reason code.
    await ops.call('master.reasons.save', {
      kind: 'waste',
      code: 'DROP',
      nameZh: '掉落',
      nameEn: 'Dropped',
      create: true,
    });
    await ops.call('master.reasons.save', {
      kind: 'waste',
      code: 'DROP',
      nameZh: '掉落',
      nameEn: 'Dropped',
      active: false,
    });
    const rh = await ops.call<HqHistoryEntry[]>('master.history', {
      table: 'reason_codes',
      key: { kind: 'waste', code: 'DROP' },
    });
    expect(rh[0]!.changes).toEqual([{ column: 'active', before: 1, after: 0 }]);
  });
});
