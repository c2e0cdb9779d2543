import { eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from '../../src-main/lib/ids';
import type { HqContext } from '../context';
import type { Q } from '../db/client';
import { equipment, items, stores, suppliers } from '../db/schema';
import { createHqUser, userCount } from '../services/auth/users';
import { masterTable, writeMaster } from '../services/master/write';
import { readWire } from '../services/sync/wire';
import { createStore, issueEnrollmentCode } from '../services/stores/stores';
import { demoRegionId } from './demo-regions';
import type { DemoStoresOptions } from './demo-stores';

/**
 * `npm run hq -- --demo`: a small chain to look at and enroll stores into —
 * stores, a catalogue with units, barcodes and suppliers' prices, fault
 * codes, waste reasons, service vendors and each store's equipment. The
 * stores with a `seed` then get a year of their own data through the real
 * protocol (demo-stores.ts); the one without stays unenrolled, with a fresh
 * one-time code at each start, for a user to enroll their own store into.
 * Idempotent: what exists (by code) is left as it is.
 */
export const DEMO_STORES = [
  { code: 'DEMO-SH', name: '上海人民广场店', region: '华东', seed: 1, wasteScale: 1 },
  { code: 'DEMO-BJ', name: '北京国贸店', region: '华北', seed: 2, wasteScale: 3 },
  { code: 'DEMO-HZ', name: '杭州西湖店', region: '华东', seed: 3, wasteScale: 0.5 },
  { code: 'DEMO-SZ', name: '深圳南山店', region: '华南', seed: 4, wasteScale: 1.8 },
  { code: 'DEMO-GZ', name: '广州天河店', region: '华南', seed: null, wasteScale: 1 },
] as const;

/**
 * A fixed id (so a second --demo finds it) in the UUIDv7 shape stores require
 * of a vendor's id: 'demo-vendor-cool' reached the stores and failed their
 * repair pickers' output check.
 */
export const DEMO_VENDOR_ID = '01900000-0000-7000-8000-00000000c001';

export const DEMO_ADMIN = { username: 'admin', password: 'hq-demo-1234' } as const;

const CATEGORIES: [string, string, string][] = [
  ['meat', '肉类', 'Meat'],
  ['veg', '蔬菜', 'Vegetables'],
  ['dry', '干货', 'Dry goods'],
  ['dairy', '乳制品', 'Dairy'],
  ['bev', '饮料', 'Beverages'],
];

/** code, zh, en, category, base unit, shelf life days, case unit, thousandths of the base unit per case, price per case (1/10000). */
const ITEMS: [string, string, string, string, 'g' | 'ml' | 'pc', number | null, string, number, number][] = [
  ['M-CHK-BR', '鸡胸肉', 'Chicken breast', 'meat', 'g', 5, '箱', 10_000_000, 2_450_000],
  ['M-CHK-LEG', '鸡腿', 'Chicken leg', 'meat', 'g', 5, '箱', 10_000_000, 2_100_000],
  ['M-BEEF', '牛腩', 'Beef brisket', 'meat', 'g', 5, '箱', 5_000_000, 3_900_000],
  ['M-PORK', '五花肉', 'Pork belly', 'meat', 'g', 5, '箱', 5_000_000, 2_600_000],
  ['V-CABB', '卷心菜', 'Cabbage', 'veg', 'g', 7, '筐', 10_000_000, 450_000],
  ['V-TOM', '番茄', 'Tomato', 'veg', 'g', 7, '筐', 5_000_000, 520_000],
  ['V-ONION', '洋葱', 'Onion', 'veg', 'g', 21, '袋', 10_000_000, 380_000],
  ['V-POT', '土豆', 'Potato', 'veg', 'g', 30, '袋', 10_000_000, 350_000],
  ['D-RICE', '大米', 'Rice', 'dry', 'g', 365, '袋', 25_000_000, 1_650_000],
  ['D-FLOUR', '面粉', 'Flour', 'dry', 'g', 270, '袋', 25_000_000, 1_200_000],
  ['D-OIL', '食用油', 'Cooking oil', 'dry', 'ml', 540, '桶', 20_000_000, 2_300_000],
  ['D-SOY', '生抽', 'Light soy sauce', 'dry', 'ml', 540, '箱', 6_000_000, 780_000],
  ['C-MILK', '鲜牛奶', 'Fresh milk', 'dairy', 'ml', 7, '箱', 12_000_000, 960_000],
  ['C-CHEESE', '芝士片', 'Cheese slices', 'dairy', 'pc', 90, '箱', 200_000, 1_450_000],
  ['B-COLA', '可乐', 'Cola', 'bev', 'pc', 270, '箱', 24_000, 480_000],
  ['B-WATER', '矿泉水', 'Mineral water', 'bev', 'pc', 540, '箱', 24_000, 240_000],
];

const SUPPLIERS: [string, string, string[]][] = [
  ['SUP-MEAT', '华润肉类供应', ['meat']],
  ['SUP-FRESH', '绿源蔬菜配送', ['veg', 'dairy']],
  ['SUP-DRY', '百家粮油', ['dry', 'bev']],
];

const FAULT_CODES: [string, string, string | null, string, string][] = [
  ['GEN', 'general', null, '通用故障', 'General'],
  ['GEN-POWER', 'general', 'GEN', '不通电 / 跳闸', 'No power / trips the breaker'],
  ['GEN-NOISE', 'general', 'GEN', '异响或震动', 'Unusual noise or vibration'],
  ['REF-COOL', 'refrigeration', null, '制冷', 'Cooling'],
  ['REF-COOL-WARM', 'refrigeration', 'REF-COOL', '温度偏高 / 不制冷', 'Not cold enough'],
  ['OVEN-HEAT', 'oven', null, '加热', 'Heating'],
  ['OVEN-HEAT-COLD', 'oven', 'OVEN-HEAT', '不加热', 'Does not heat'],
];

const WASTE: [string, string, string][] = [
  ['spoiled', '变质', 'Spoiled'],
  ['expired', '过期', 'Expired'],
  ['prep', '备料损耗', 'Prep waste'],
  ['damaged', '破损', 'Damaged'],
];

/** Writes a fixed-id demo row only the first time: a restart with --demo logs no changes. */
async function once(q: Q, table: string, row: Record<string, unknown>, now: number): Promise<void> {
  const { t, spec } = masterTable(table);
  const where = sql.join(
    t.key.map((k) => sql`${sql.identifier(k)} = ${row[k] as string}`),
    sql` AND `,
  );
  if ((await readWire(q, spec, where)).length === 0) await writeMaster(q, table, row, now);
}

async function missing(q: Q, table: 'items' | 'suppliers' | 'equipment', codes: string[]): Promise<Set<string>> {
  const t = table === 'items' ? items : table === 'suppliers' ? suppliers : equipment;
  const have = await q.select({ code: t.code }).from(t).where(inArray(t.code, codes));
  const got = new Set(have.map((h) => h.code));
  return new Set(codes.filter((c) => !got.has(c)));
}

export interface DemoOutcome {
  stores: { code: string; name: string; status: string; enrollmentCode: string | null }[];
  admin: typeof DEMO_ADMIN | null;
}

/**
 * The whole demo: master data and stores, then each seeded store's history
 * pushed by the store's own code (`days`: 365, less in tests). What the user
 * is shown comes last, from what HQ holds then.
 */
export async function startDemo(
  ctx: HqContext,
  opts: Omit<DemoStoresOptions, 'days'> & { days?: number },
): Promise<DemoOutcome> {
  const seeded = await seedDemo(ctx);
  if (opts.days === 0) return seeded;
  const years = DEMO_STORES.flatMap((s) =>
    s.seed === null ? [] : [{ code: s.code, name: s.name, seed: s.seed, wasteScale: s.wasteScale }],
  );
  // The store app's backend is loaded only here: HQ without --demo never needs it.
  const { pushDemoStoreYears } = await import('./demo-stores');
  await pushDemoStoreYears(ctx, years, opts);
  const now = await ctx.db.select({ code: stores.code, status: stores.status }).from(stores);
  const status = new Map(now.map((s) => [s.code, s.status]));
  return { ...seeded, stores: seeded.stores.map((s) => ({ ...s, status: status.get(s.code) ?? s.status })) };
}

export async function seedDemo(ctx: HqContext): Promise<DemoOutcome> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const admin = (await userCount(tx)) === 0 ? DEMO_ADMIN : null;
    if (admin) {
      await createHqUser(tx, { ...admin, displayName: 'HQ Admin', role: 'admin' }, now);
    }
    const byCode = new Map<string, string>();
    for (const c of CATEGORIES) {
      await once(tx, 'item_categories', { id: `demo-cat-${c[0]}`, code: c[0], name_zh: c[1], name_en: c[2] }, now);
    }
    const newItems = await missing(
      tx,
      'items',
      ITEMS.map((i) => i[0]),
    );
    const newSuppliers = await missing(
      tx,
      'suppliers',
      SUPPLIERS.map((s) => s[0]),
    );
    for (const [code, name] of SUPPLIERS) {
      if (newSuppliers.has(code))
        await writeMaster(tx, 'suppliers', { id: uuidv7(now), code, name, lead_time_days: 1 }, now);
    }
    for (const s of await tx.select().from(suppliers)) byCode.set(s.code, s.id);
    let barcode = 6_901_234_000_000;
    for (const [code, zh, en, category, unit, shelf, caseUnit, factor, price] of ITEMS) {
      barcode += 10;
      if (!newItems.has(code)) continue;
      const id = uuidv7(now);
      await writeMaster(
        tx,
        'items',
        {
          id,
          code,
          name_zh: zh,
          name_en: en,
          category,
          base_unit: unit,
          shelf_life_days: shelf,
          lot_tracked: category === 'meat' ? 1 : 0,
        },
        now,
      );
      await writeMaster(tx, 'item_units', { item_id: id, unit: caseUnit, factor, purchase: 1, count: 1 }, now);
      await writeMaster(tx, 'item_barcodes', { barcode: String(barcode), item_id: id, unit: caseUnit }, now);
      const supplier = SUPPLIERS.find((s) => s[2].includes(category))!;
      await writeMaster(
        tx,
        'supplier_items',
        {
          id: uuidv7(now),
          supplier_id: byCode.get(supplier[0]),
          item_id: id,
          supplier_code: `${supplier[0]}-${code}`,
          pack_unit: caseUnit,
          pack_qty: factor,
          price,
          preferred: 1,
        },
        now,
      );
    }
    for (const [code, category, parent, zh, en] of FAULT_CODES) {
      await once(
        tx,
        'fault_codes',
        { id: `demo-fault-${code}`, code, equipment_category: category, parent_code: parent, name_zh: zh, name_en: en },
        now,
      );
    }
    for (const [code, zh, en] of WASTE) {
      await once(tx, 'reason_codes', { kind: 'waste', code, name_zh: zh, name_en: en }, now);
    }
    await once(
      tx,
      'service_vendors',
      {
        id: DEMO_VENDOR_ID,
        code: 'VEN-COOL',
        name: '冷链设备维修服务',
        phone: '400-800-1234',
        categories: '["refrigeration"]',
        hourly_rate: 1_200_000,
      },
      now,
    );

    const out: DemoOutcome['stores'] = [];
    for (const s of DEMO_STORES) {
      let [row] = await tx.select().from(stores).where(eq(stores.code, s.code));
      let code: string | null = null;
      if (!row) {
        const regionId = await demoRegionId(tx, s.region, now);
        const issued = await createStore(tx, { code: s.code, name: s.name, regionId }, now);
        if (s.seed === null) code = issued.enrollmentCode;
        [row] = await tx.select().from(stores).where(eq(stores.code, s.code));
      } else if (row.status === 'pending' && s.seed === null) {
        code = (await issueEnrollmentCode(tx, row.id, now)).enrollmentCode;
      }
      const fridge = `${s.code}-FRIDGE-1`;
      if ((await missing(tx, 'equipment', [fridge])).size) {
        await writeMaster(
          tx,
          'equipment',
          {
            id: uuidv7(now),
            code: fridge,
            name: '冷藏柜 1 号',
            category: 'refrigeration',
            store_id: row!.id,
            vendor_id: DEMO_VENDOR_ID,
            criticality: 'high',
          },
          now,
        );
      }
      out.push({ code: s.code, name: s.name, status: row!.status, enrollmentCode: code });
    }
    return { stores: out, admin };
  });
}
