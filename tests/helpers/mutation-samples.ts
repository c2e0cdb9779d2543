import { basename } from 'node:path';
import type { MethodInput } from '../../src-shared/api';
import { DEFAULT_RECEIVING_TEMPLATE } from '../../src-shared/labels/defaults';
import type { Role } from '../../src-shared/roles';
import type { MutationName } from '../../src-main/api/handler-types';
import { STORE } from './backend';
import { line, receive } from './invoices';
import { setLevels } from './ops';
import { KG, YUAN, approvedPo, shanghaiDay } from './procurement';
import { postStock } from './stock';
import type { World } from './write-path-world';
import { startTestHq, type TestHq } from './hq';
import { issueEnrollmentCode } from '../../src-hq/services/stores/stores';
import { stores } from '../../src-hq/db/schema';
import { eq } from 'drizzle-orm';

/**
 * A valid call of every mutation in the contract map, for the test that
 * proves each one writes exactly one audit entry in its own transaction
 * (tests/integration/house/write-path.test.ts). The table's type has a key
 * for every mutation: a new mutation without a sample here fails the
 * type-check (and the test, which also walks the map at run time).
 */
export interface Sample<M extends MutationName> {
  /** The input, with whatever it needs made first. Called once per attempt: each gets its own prerequisites. */
  input(w: World): Promise<MethodInput<M>>;
  /** Who calls (the admin by default)... */
  as?: Role;
  /** ...or a session made for the call (null: none, for public methods). */
  session?(w: World): Promise<string | null>;
  /** A call that a business rule refuses. */
  refused?(w: World): Promise<MethodInput<M>>;
  /** A store of its own: 'bare' (not set up yet) or 'own' (the call replaces the database). */
  world?: 'bare' | 'own';
  /** Why a forced failure of the audit write cannot be observed for this call. */
  noProbe?: string;
}

export type Samples = { [M in MutationName]: Sample<M> };

const PIN = '4321';
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.7\n% manual\n').toString('base64');

const lastMonth = () => {
  const [y, m] = shanghaiDay().split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
};

const beefLine = (qty = '2') => ({ itemId: '', qty, unit: 'kg', price: 80 * YUAN, priceUnit: 'kg' });

async function openReceipt(w: World) {
  return w.call('receipts.open', { areaId: w.fx.areas.cooler });
}

async function draftLine(w: World) {
  const r = await openReceipt(w);
  const l = await w.call('receipts.addLine', { receiptId: r.id, line: { ...beefLine(), itemId: w.fx.items.beef } });
  return { receiptId: r.id, lineId: l.id };
}

/** An approved order for 3 boxes of beef of which `boxes` arrived. */
async function orderReceived(w: World, boxes: number) {
  const po = await approvedPo(w.t, w.fx.supplier.id, [{ itemId: w.fx.items.beef, packs: '3' }]);
  await receive(w.t, po.id, w.fx.areas.cooler, [{ itemId: w.fx.items.beef, qty: String(boxes), unit: '箱' }]);
  return po;
}

/** An invoice for the 3 boxes: matched when all arrived, disputed when 2 did. */
async function invoice(w: World, boxes = 3) {
  const po = await orderReceived(w, boxes);
  return w.call('invoices.create', invoiceInput(w, po.id));
}

function invoiceInput(w: World, poId: string): MethodInput<'invoices.create'> {
  return {
    supplierId: w.fx.supplier.id,
    number: `INV-${w.next()}`,
    invoiceDay: shanghaiDay(),
    poId,
    lines: [line(w.fx.items.beef, '3', '箱', 400)],
  };
}

async function supplier(w: World) {
  const code = `S-${w.next()}`;
  return w.call('suppliers.create', { code, name: `${code} 供应商` });
}

async function workOrder(w: World) {
  return w.call('repairs.report', { equipment: w.equipment.id, faultCode: 'GEN-OTHER', down: false });
}

async function assigned(w: World, assignee: { userId: string } | { vendorId: string }) {
  const wo = await workOrder(w);
  await w.call('repairs.transition', { id: wo.id, action: 'assign', assignee });
  return wo;
}

/** A work order resolved `days` ago and left unconfirmed by the store (the clock set back in its rows). */
async function resolvedDaysAgo(w: World, days: number) {
  const wo = await assigned(w, { userId: w.users.technician });
  await w.call('repairs.transition', { id: wo.id, action: 'start' });
  await w.call('repairs.transition', {
    id: wo.id,
    action: 'resolve',
    resolution: { text: 'Replaced the door gasket', resolutionCode: 'replace_part', rootCauseCode: 'wear' },
  });
  w.t.backend.database.sqlite
    .prepare('UPDATE work_orders SET resolved_at = resolved_at - ? WHERE id = ?')
    .run(days * 86_400_000, wo.id);
  return wo.id;
}

/** An area of its own with stock in it, so counts never overlap. */
async function countArea(w: World) {
  const code = `CA-${w.next()}`;
  const area = await w.call('areas.create', { code, nameZh: code, nameEn: code });
  postStock(w.t, [{ itemId: w.fx.items.beef, areaId: area.id, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN }]);
  return area.id;
}

async function openCount(w: World) {
  const c = await w.call('counts.start', { areaIds: [await countArea(w)] });
  const detail = await w.call('counts.get', { id: c.id });
  return { id: c.id, lineId: detail.lines[0]!.id };
}

async function transferOut(w: World) {
  return w.call('ops.transferOut', {
    toStore: 'BJ-009',
    areaId: w.fx.areas.cooler,
    lines: [{ itemId: w.fx.items.beef, qty: '1', unit: 'kg' }],
  });
}

async function plan(w: World, startDay: string) {
  const name = `Plan ${w.next()}`;
  await w.call('pm.savePlan', {
    name,
    equipmentId: w.equipment.id,
    intervalKind: 'months',
    interval: 1,
    leadDays: 0,
    startDay,
    checklist: [{ key: 'seal', label: 'Door seal intact', kind: 'check' }],
  });
  return name;
}

/** Meter readings only go up, in time and in value. */
const reading = (w: World) => w.next() * 1_000_000;

async function storeInput(w: World, name: string): Promise<MethodInput<'store.update'>> {
  const { store, settings } = await w.call('store.get', {});
  const { id: _id, code: _code, ...rest } = store;
  return { store: { ...rest, name }, settings };
}

async function backupName(w: World) {
  return basename((await w.call('system.backupNow', {})).file);
}

/** One HQ (PGlite in memory) for the sync samples, started on first use; the test closes it. */
let sampleHq: Promise<TestHq> | undefined;
const hqOf = () => (sampleHq ??= startTestHq({ kind: 'pglite' }));
export async function closeSampleHq(): Promise<void> {
  if (sampleHq) await (await sampleHq).close();
}

/**
 * A fresh one-time code for this world's store: a new HQ store the first time,
 * then a new code for the same store (HQ took the store's id when it enrolled;
 * each attempt of the test consumes a code, the refused ones included).
 */
async function enrollmentInput(w: World): Promise<{ hqUrl: string; code: string }> {
  const hq = await hqOf();
  const { id } = w.t.backend.database.sqlite.prepare('SELECT id FROM store').get() as { id: string };
  const known = await hq.hq.ctx.db.select({ id: stores.id }).from(stores).where(eq(stores.id, id));
  const code = known.length
    ? (await hq.hq.ctx.db.transaction((tx) => issueEnrollmentCode(tx, id, Date.now()))).enrollmentCode
    : (await hq.createStore()).enrollmentCode;
  return { hqUrl: hq.url, code };
}

async function enrolled(w: World): Promise<void> {
  if ((await w.call('sync.status', {})).enrolled) return;
  const input = await enrollmentInput(w);
  const plan = await w.call('sync.enrollPreview', input);
  await w.call('sync.enrollConfirm', { ...input, planHash: plan.planHash });
}

export const SAMPLES: Samples = {
  'session.login': {
    session: async () => null,
    input: async (w) => {
      const username = `login-${w.next()}`;
      await w.call('users.create', { username, displayName: username, role: 'clerk', authKind: 'pin', secret: PIN });
      return { username, secret: PIN };
    },
    refused: async () => ({ username: 'clerk', secret: '0000' }),
  },
  'session.logout': { session: async (w) => (await w.newUser('clerk')).token, input: async () => ({}) },
  'session.setLocale': { input: async () => ({ locale: 'zh-CN' }) },
  'setup.initialize': {
    world: 'bare',
    session: async () => null,
    input: async () => ({
      store: STORE,
      admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
    }),
  },

  'users.create': {
    input: async (w) => ({
      username: `u-${w.next()}`,
      displayName: 'New clerk',
      role: 'clerk',
      authKind: 'pin',
      secret: PIN,
    }),
    refused: async () => ({ username: 'clerk', displayName: 'Twin', role: 'clerk', authKind: 'pin', secret: PIN }),
  },
  'users.update': { input: async (w) => ({ id: (await w.newUser('clerk')).id, displayName: 'Renamed' }) },
  'users.resetSecret': {
    input: async (w) => ({ id: (await w.newUser('clerk')).id, authKind: 'pin', secret: '5555' }),
  },
  'users.unlock': { input: async (w) => ({ id: (await w.newUser('clerk')).id }) },
  'users.changeOwnSecret': {
    session: async (w) => (await w.newUser('clerk')).token,
    input: async () => ({ current: PIN, authKind: 'pin', secret: '8765' }),
    refused: async () => ({ current: '0000', authKind: 'pin', secret: '8765' }),
  },
  'store.update': { input: (w) => storeInput(w, `测试门店 ${w.next()}`) },

  'system.backupNow': { input: async () => ({}) },
  'system.restoreUpload': {
    input: async () => ({
      uploadId: null,
      offset: 0,
      base64: Buffer.from('SQLite format 3\0').toString('base64'),
      last: false,
    }),
    refused: async () => ({ uploadId: null, offset: 5, base64: 'AAAA', last: false }),
  },
  'system.restoreCheck': {
    input: async (w) => ({ backup: await backupName(w) }),
    refused: async () => ({ backup: 'store-20260101-000000-000+0800-manual.sqlite' }),
  },
  'system.restore': {
    world: 'own',
    noProbe: 'its transaction runs in the restored database, a connection the probe trigger is not on',
    input: async (w) => {
      const check = await w.call('system.restoreCheck', { backup: await backupName(w) });
      return { stagingId: check.stagingId, confirm: 'SH-001' };
    },
  },
  'prefs.set': { input: async () => ({ key: 'grid.test', value: { columns: [] } }) },

  'stock.reverse': {
    input: async (w) => {
      const [move] = postStock(w.t, [
        { itemId: w.fx.items.beef, areaId: w.fx.areas.cooler, kind: 'receipt', qty: KG, value: 80 * YUAN },
      ]);
      return { seq: move!.seq, note: 'entered twice' };
    },
  },
  'periods.close': {
    as: 'manager',
    input: async () => ({ month: lastMonth() }),
    refused: async () => ({ month: shanghaiDay().slice(0, 7) }),
  },
  'periods.reopen': {
    input: async (w) => {
      await w.raw('periods.close', { month: lastMonth() }, w.tokens.admin);
      return { month: lastMonth(), reason: 'a late invoice' };
    },
  },

  'areas.create': {
    input: async (w) => ({ code: `AR-${w.next()}`, nameZh: '新库区', nameEn: 'New area' }),
    refused: async () => ({ code: 'COOL', nameZh: '冷库', nameEn: 'Cooler' }),
  },
  'areas.update': {
    input: async (w) => {
      const code = `AU-${w.next()}`;
      const a = await w.call('areas.create', { code, nameZh: '库区', nameEn: 'Area' });
      return { id: a.id, code, nameZh: '改名', nameEn: 'Renamed' };
    },
  },
  'categories.create': {
    input: async (w) => ({ code: `cat-${w.next()}`, nameZh: '新类', nameEn: 'New category' }),
  },
  'categories.update': {
    input: async (w) => {
      const code = `cu-${w.next()}`;
      const c = await w.call('categories.create', { code, nameZh: '类', nameEn: 'Category' });
      return { id: c.id, code, nameZh: '改名', nameEn: 'Renamed' };
    },
  },
  'items.create': {
    input: async (w) => ({
      code: `IT-${w.next()}`,
      nameZh: '新物品',
      nameEn: 'New item',
      category: 'test',
      baseUnit: 'g',
    }),
    refused: async () => ({ code: 'T-BEEF', nameZh: '肥牛卷', nameEn: 'Beef rolls', category: 'test', baseUnit: 'g' }),
  },
  'items.update': {
    input: async (w) => {
      const code = `IU-${w.next()}`;
      const item = await w.call('items.create', {
        code,
        nameZh: '物品',
        nameEn: 'Item',
        category: 'test',
        baseUnit: 'g',
      });
      return { id: item.id, code, nameZh: '改名', nameEn: 'Renamed', category: 'test', baseUnit: 'g' };
    },
  },
  'items.import': {
    input: async (w) => {
      await w.raw('categories.create', { code: 'imported', nameZh: '导入', nameEn: 'Imported' }, w.tokens.admin);
      const csv = `code,name_zh,name_en,category,base_unit\nIMP-${w.next()},导入物品,Imported item,imported,g`;
      return { fileName: 'items.csv', base64: Buffer.from(csv).toString('base64') };
    },
  },

  'counts.start': { input: async (w) => ({ areaIds: [await countArea(w)] }) },
  'counts.saveLine': {
    input: async (w) => {
      const c = await openCount(w);
      return { countId: c.id, lineId: c.lineId, entry: '9 kg' };
    },
  },
  'counts.post': {
    input: async (w) => {
      const c = await openCount(w);
      await w.call('counts.saveLine', { countId: c.id, lineId: c.lineId, entry: '9 kg' });
      return { id: c.id };
    },
  },
  'counts.cancel': { input: async (w) => ({ id: (await openCount(w)).id }) },

  'ops.issue': {
    as: 'clerk',
    input: async (w) => ({
      kind: 'issue',
      areaId: w.fx.areas.cooler,
      lines: [{ itemId: w.fx.items.beef, qty: '1', unit: 'kg' }],
    }),
    refused: async (w) => ({
      kind: 'issue',
      areaId: w.fx.areas.cooler,
      lines: [{ itemId: w.fx.items.beef, qty: '100000', unit: 'kg' }],
    }),
  },
  'ops.waste': {
    input: async (w) => ({
      areaId: w.fx.areas.cooler,
      lines: [{ itemId: w.fx.items.beef, qty: '0.5', unit: 'kg', reason: 'spoiled' }],
    }),
  },
  'ops.transferOut': {
    input: async (w) => ({
      toStore: 'BJ-009',
      areaId: w.fx.areas.cooler,
      lines: [{ itemId: w.fx.items.beef, qty: '1', unit: 'kg' }],
    }),
  },
  'ops.transferExport': { input: async (w) => ({ id: (await transferOut(w)).id }) },
  'ops.transferCancel': { input: async (w) => ({ id: (await transferOut(w)).id, note: 'not needed after all' }) },
  'ops.transferImport': { input: async (w) => ({ content: w.transfers[0]! }) },
  'ops.transferReceive': {
    input: async (w) => {
      const waiting = async () =>
        (await w.call('ops.transfers', { direction: 'in' })).find((x) => x.status === 'in_transit');
      if (!(await waiting())) await w.call('ops.transferImport', { content: w.transfers[1]! });
      const incoming = (await waiting())!;
      return {
        id: incoming.id,
        areaId: w.fx.areas.cooler,
        lines: incoming.lines.map((l) => ({ lineId: l.id, qtyReceived: l.qtySent })),
      };
    },
  },

  'devices.save': {
    input: async (w) => ({
      kind: 'printer',
      name: `Printer ${w.next()}`,
      protocol: 'tspl',
      connection: { kind: 'tcp', host: '127.0.0.1', port: 9 },
      isDefault: false,
      active: false,
      options: {},
    }),
  },
  'devices.remove': {
    input: async (w) => {
      const d = await w.call('devices.save', {
        kind: 'printer',
        name: `Old printer ${w.next()}`,
        protocol: 'tspl',
        connection: { kind: 'tcp', host: '127.0.0.1', port: 9 },
        isDefault: false,
        active: false,
        options: {},
      });
      return { id: d.id };
    },
  },
  'devices.scaleCommand': {
    as: 'clerk',
    input: async (w) => ({ id: w.devices.scale, command: 'tare' }),
    refused: async (w) => ({ id: w.devices.printer, command: 'tare' }),
  },
  'devices.testLabel': {
    input: async (w) => ({ id: w.devices.printer }),
    refused: async (w) => ({ id: w.devices.scale }),
  },
  'labels.saveTemplate': {
    input: async (w) => ({ name: `Label ${w.next()}`, definition: DEFAULT_RECEIVING_TEMPLATE, isDefault: false }),
  },
  'labels.printEquipment': { input: async (w) => ({ equipmentId: w.equipment.id }) },
  'labels.reprint': {
    input: async (w) => ({ id: (await w.call('labels.printEquipment', { equipmentId: w.equipment.id })).id }),
  },

  'receipts.open': { as: 'clerk', input: async (w) => ({ areaId: w.fx.areas.cooler }) },
  'receipts.addLine': {
    input: async (w) => ({ receiptId: (await openReceipt(w)).id, line: { ...beefLine(), itemId: w.fx.items.beef } }),
  },
  'receipts.updateLine': {
    input: async (w) => ({ lineId: (await draftLine(w)).lineId, line: { ...beefLine('3'), itemId: w.fx.items.beef } }),
  },
  'receipts.removeLine': { input: async (w) => ({ lineId: (await draftLine(w)).lineId }) },
  'receipts.postLine': { input: async (w) => ({ lineId: (await draftLine(w)).lineId }) },
  'receipts.postAll': { input: async (w) => ({ receiptId: (await draftLine(w)).receiptId }) },
  'receipts.finish': {
    input: async (w) => {
      const d = await draftLine(w);
      await w.call('receipts.postLine', { lineId: d.lineId });
      return { receiptId: d.receiptId };
    },
  },
  'receipts.cancelDraft': { input: async (w) => ({ receiptId: (await openReceipt(w)).id }) },
  'receiving.post': {
    as: 'clerk',
    input: async (w) => ({ receiptId: (await openReceipt(w)).id, line: { ...beefLine(), itemId: w.fx.items.beef } }),
    refused: async (w) => ({
      receiptId: (await openReceipt(w)).id,
      line: { ...beefLine('-1'), itemId: w.fx.items.beef },
    }),
  },

  'reasons.save': {
    input: async (w) => ({ kind: 'waste', code: `r${w.next()}`, nameZh: '烧焦', nameEn: 'Burnt' }),
  },
  'reasons.setActive': {
    input: async (w) => {
      const code = `off${w.next()}`;
      await w.call('reasons.save', { kind: 'waste', code, nameZh: '临时', nameEn: 'Temporary' });
      return { kind: 'waste', code, active: false };
    },
  },

  'suppliers.create': { input: async (w) => ({ code: `S-${w.next()}`, name: '新供应商' }) },
  'suppliers.update': {
    input: async (w) => {
      const s = await supplier(w);
      return { id: s.id, code: s.code, name: 'Renamed supplier' };
    },
  },
  'suppliers.saveItem': {
    input: async (w) => ({
      supplierId: (await supplier(w)).id,
      itemId: w.fx.items.beef,
      packUnit: '箱',
      packSize: { qty: '10', unit: 'kg' },
      price: 400 * YUAN,
    }),
  },
  'suppliers.removeItem': {
    input: async (w) => {
      const offer = await w.call('suppliers.saveItem', {
        supplierId: (await supplier(w)).id,
        itemId: w.fx.items.beef,
        packUnit: '箱',
        packSize: { qty: '10', unit: 'kg' },
        price: 400 * YUAN,
      });
      return { id: offer.id };
    },
  },
  'po.create': {
    as: 'clerk',
    input: async (w) => ({ supplierId: w.fx.supplier.id, lines: [{ itemId: w.fx.items.beef, packs: '1' }] }),
  },
  'po.update': {
    input: async (w) => {
      const po = await w.call('po.create', {
        supplierId: w.fx.supplier.id,
        lines: [{ itemId: w.fx.items.beef, packs: '1' }],
      });
      return { id: po.id, supplierId: w.fx.supplier.id, lines: [{ itemId: w.fx.items.beef, packs: '2' }] };
    },
  },
  'po.approve': {
    as: 'manager',
    input: async (w) => ({
      id: (
        await w.call('po.create', { supplierId: w.fx.supplier.id, lines: [{ itemId: w.fx.items.beef, packs: '1' }] })
      ).id,
    }),
  },
  'po.cancel': {
    input: async (w) => ({
      id: (
        await w.call('po.create', { supplierId: w.fx.supplier.id, lines: [{ itemId: w.fx.items.beef, packs: '1' }] })
      ).id,
      reason: 'ordered twice',
    }),
  },
  'po.closeShort': { input: async (w) => ({ id: (await orderReceived(w, 1)).id, reason: 'no more coming' }) },
  'po.fromReorder': {
    input: async (w) => {
      setLevels(w.t, w.fx.items.rice, 100 * KG, 200 * KG);
      return { itemIds: [w.fx.items.rice] };
    },
  },

  'invoices.create': { input: async (w) => invoiceInput(w, (await orderReceived(w, 3)).id) },
  'invoices.update': {
    input: async (w) => {
      const inv = await invoice(w);
      return { id: inv.id, ...invoiceInput(w, inv.poId!), note: 'corrected' };
    },
  },
  'invoices.remove': { input: async (w) => ({ id: (await invoice(w)).id }) },
  'invoices.import': {
    input: async (w) => {
      const po = await orderReceived(w, 3);
      const csv = 'item_code,qty,unit,unit_price,tax_rate\nT-BEEF,3,箱,400,9%';
      return {
        supplierId: w.fx.supplier.id,
        number: `IMP-${w.next()}`,
        invoiceDay: shanghaiDay(),
        poId: po.id,
        fileName: 'invoice.csv',
        base64: Buffer.from(csv).toString('base64'),
      };
    },
  },
  'invoices.match': { input: async (w) => ({ id: (await invoice(w)).id }) },
  'invoices.createClaim': {
    input: async (w) => {
      const inv = await invoice(w, 2);
      await w.call('invoices.match', { id: inv.id });
      return { invoiceId: inv.id };
    },
  },
  'invoices.approve': {
    input: async (w) => {
      const inv = await invoice(w, 3);
      await w.call('invoices.match', { id: inv.id });
      return { id: inv.id };
    },
  },
  'claims.setStatus': {
    input: async (w) => {
      const inv = await invoice(w, 2);
      await w.call('invoices.match', { id: inv.id });
      const claim = await w.call('invoices.createClaim', { invoiceId: inv.id });
      return { id: claim.id, status: 'sent' };
    },
  },

  'repairs.report': {
    as: 'clerk',
    input: async (w) => ({ equipment: w.equipment.id, faultCode: 'REF-COOL-WARM', down: true }),
    refused: async (w) => ({ equipment: w.equipment.id, faultCode: 'NO-SUCH-CODE', down: false }),
  },
  'repairs.transition': {
    // Its work order's store confirmation is past due: the step confirms it first, in the same call and entry.
    input: async (w) => ({ id: await resolvedDaysAgo(w, 4), action: 'close' }),
    refused: async (w) => ({ id: (await workOrder(w)).id, action: 'resolve' }),
  },
  'repairs.attach': {
    input: async (w) => ({ id: (await workOrder(w)).id, photos: [{ fileName: 'door.png', dataBase64: PNG_1PX }] }),
  },
  'repairs.useParts': {
    input: async (w) => ({
      id: (await workOrder(w)).id,
      areaId: w.fx.areas.dry,
      lines: [{ itemId: w.fx.items.cups, qty: '2', unit: 'pc' }],
    }),
  },
  'repairs.returnPart': {
    input: async (w) => {
      const used = await w.call('repairs.useParts', {
        id: (await workOrder(w)).id,
        areaId: w.fx.areas.dry,
        lines: [{ itemId: w.fx.items.cups, qty: '2', unit: 'pc' }],
      });
      return { partId: used.parts[0]!.id, note: 'wrong size' };
    },
  },
  'repairs.logLabour': {
    as: 'manager',
    input: async (w) => ({
      id: (await assigned(w, { userId: w.users.technician })).id,
      userId: w.users.technician,
      minutes: 30,
    }),
  },
  'repairs.voidLabour': {
    as: 'manager',
    input: async (w) => {
      const wo = await assigned(w, { userId: w.users.technician });
      const logged = await w.call(
        'repairs.logLabour',
        { id: wo.id, userId: w.users.technician, minutes: 30 },
        'manager',
      );
      return { labourId: logged.labour[0]!.id, note: 'logged twice' };
    },
  },
  'repairs.addInvoice': {
    input: async (w) => ({
      id: (await assigned(w, { vendorId: w.vendor })).id,
      vendorId: w.vendor,
      invoiceNo: `FP-${w.next()}`,
      day: shanghaiDay(),
      amount: 100 * YUAN,
    }),
  },
  'repairs.voidInvoice': {
    input: async (w) => {
      const wo = await assigned(w, { vendorId: w.vendor });
      const inv = await w.call('repairs.addInvoice', {
        id: wo.id,
        vendorId: w.vendor,
        invoiceNo: `FP-${w.next()}`,
        day: shanghaiDay(),
        amount: 100 * YUAN,
      });
      return { invoiceId: inv.invoices[0]!.id, note: 'wrong amount' };
    },
  },

  'pm.savePlan': {
    input: async (w) => ({
      name: `Plan ${w.next()}`,
      equipmentId: w.equipment.id,
      intervalKind: 'months',
      interval: 1,
      leadDays: 7,
      startDay: shanghaiDay(30),
    }),
  },
  'pm.generateDue': { as: 'technician', input: async () => ({}) },
  'pm.recordReading': {
    as: 'technician',
    input: async (w) => ({ equipmentId: w.equipment.id, value: reading(w) }),
  },
  'pm.importReadings': {
    input: async (w) => ({
      rows: [{ equipmentCode: w.equipment.code, value: reading(w), readAt: new Date().toISOString() }],
    }),
  },
  'pm.saveChecklist': {
    as: 'technician',
    input: async (w) => {
      const name = await plan(w, shanghaiDay());
      const due = (await w.call('pm.schedule', { equipmentId: w.equipment.id })).find((r) => r.planName === name)!;
      const wo = { id: due.workOrderId! };
      return { workOrderId: wo.id, results: [{ key: 'seal', passed: true }] };
    },
  },
  'equipment.save': {
    input: async (w) => ({
      code: `SH001-FRY-${w.next()}`,
      name: 'Fryer',
      category: 'cooking',
      criticality: 'medium',
    }),
  },
  'equipment.attach': {
    input: async (w) => ({ equipmentId: w.equipment.id, file: { fileName: 'manual.pdf', dataBase64: PDF } }),
  },
  'faultCodes.save': {
    input: async (w) => ({
      code: `GEN-T${w.next()}`,
      category: 'general',
      parentCode: 'GEN',
      nameZh: '测试故障',
      nameEn: 'Test fault',
    }),
  },
  'faultCodes.setActive': {
    input: async (w) => {
      const code = `GEN-X${w.next()}`;
      await w.call('faultCodes.save', { code, category: 'general', parentCode: 'GEN', nameZh: '临时', nameEn: 'Temp' });
      return { code, active: false };
    },
  },
  'vendors.save': { input: async (w) => ({ code: `V-${w.next()}`, name: 'Fix-it Co.' }) },
  'technicians.save': {
    input: async (w) => ({ userId: w.users.technician, categories: ['refrigeration'], hourlyRate: 100 * YUAN }),
  },

  // Each in a store of its own (its sync worker off, so nothing runs behind the test's back), enrolled at a test HQ.
  'sync.enrollPreview': { world: 'own', input: enrollmentInput },
  'sync.enrollConfirm': {
    world: 'own',
    input: async (w) => {
      const input = await enrollmentInput(w);
      return { ...input, planHash: (await w.call('sync.enrollPreview', input)).planHash };
    },
    refused: async (w) => ({ ...(await enrollmentInput(w)), code: 'WRONG-CODE-0000', planHash: 'none' }),
  },
  'sync.now': {
    world: 'own',
    as: 'manager',
    input: async (w) => {
      await enrolled(w);
      return {};
    },
    noProbe:
      "the run is the worker's, committed in its own transactions before the call's; the call's holds its audit entry alone",
  },
  'sync.setHqUrl': {
    world: 'own',
    input: async (w) => {
      await enrolled(w);
      return { hqUrl: (await hqOf()).url.replace('127.0.0.1', 'localhost') };
    },
  },
};
