import { afterEach, describe, expect, it } from 'vitest';
import { addUnit } from '../helpers/ops';
import {
  KG,
  YUAN,
  asAdmin,
  createSupplier,
  offer,
  openProcurementStore,
  signInAs,
  snapshot,
  supplierInput,
  type ProcurementFixture,
} from '../helpers/procurement';

let fx: ProcurementFixture;
afterEach(() => fx?.t.close());

describe('suppliers', () => {
  it('creates, lists and updates a supplier with contacts, lead time, order days and minimum order', async () => {
    fx = await openProcurementStore();
    const { t } = fx;
    const s = await createSupplier(t, 'SUP-A', {
      email: 'orders@xianda.example.cn',
      address: '上海市嘉定区',
      leadTimeDays: 2,
      orderDays: [5, 1, 3, 3],
      minOrderValue: 500 * YUAN,
      contacts: [{ name: '李会计', role: '财务', phone: '139-0000-0000' }],
      note: '周日不送货',
    });
    expect(s).toMatchObject({
      code: 'SUP-A',
      leadTimeDays: 2,
      orderDays: [1, 3, 5],
      minOrderValue: 500 * YUAN,
      active: true,
      items: 0,
      openOrders: 0,
      contacts: [{ name: '李会计', role: '财务', phone: '139-0000-0000' }],
    });
    const updated = await t.call('suppliers.update', { ...supplierInput('SUP-A'), id: s.id, active: false });
    expect(updated).toMatchObject({ active: false, orderDays: [], leadTimeDays: 1, email: '' });
    const list = await t.call('suppliers.list', {});
    expect(list.map((x) => [x.code, x.active])).toEqual([['SUP-A', false]]);
    const audit = await t.call('audit.list', { limit: 5, method: 'suppliers.update' });
    expect(audit.rows[0]!.detail).toContain('"active":false');
  });

  it('refuses a duplicate code (any case), a bad email and a negative minimum, naming the field; nothing written', async () => {
    fx = await openProcurementStore();
    const { t } = fx;
    await createSupplier(t, 'SUP-A');
    const before = snapshot(t);
    const dup = await t.fail('suppliers.create', supplierInput('sup-a'));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.fields).toEqual([{ path: 'code', message: 'Supplier code sup-a is already in use.' }]);
    const bad = await t.fail('suppliers.create', supplierInput('SUP-B', { email: 'not-mail', minOrderValue: -1 }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fields?.map((f) => f.path).sort()).toEqual(['email', 'minOrderValue']);
    expect(bad.fields?.find((f) => f.path === 'email')?.message).toBe('Not an email address.');
    const zh = await t.fail('suppliers.create', supplierInput('SUP-A'), { locale: 'zh-CN' });
    expect(zh.fields?.[0]?.message).toBe('供应商编码 SUP-A 已被使用。');
    expect(snapshot(t)).toEqual(before);
  });

  it('lets every role read suppliers, but only managers and admins edit them', async () => {
    fx = await openProcurementStore();
    const { t } = fx;
    const s = await createSupplier(t, 'SUP-A');
    await signInAs(t, 'clerk');
    expect((await t.call('suppliers.list', {})).length).toBe(1);
    expect((await t.fail('suppliers.create', supplierInput('SUP-B'))).code).toBe('FORBIDDEN');
    expect((await t.fail('suppliers.saveItem', {})).code).toBe('FORBIDDEN');
    await signInAs(t, 'manager');
    await t.call('suppliers.update', { ...supplierInput('SUP-A'), id: s.id, leadTimeDays: 3 });
  });
});

describe('supplier catalogue', () => {
  it('keeps pack, exact pack size and agreed price per item; one preferred supplier per item', async () => {
    fx = await openProcurementStore();
    const { t, items } = fx;
    addUnit(t, items.beef, '箱', 10 * KG, true);
    const a = await createSupplier(t, 'SUP-A');
    const b = await createSupplier(t, 'SUP-B');
    const e1 = await offer(t, a.id, items.beef, '箱', ['12.5', 'kg'], 450, { supplierCode: 'XD-001', preferred: true });
    expect(e1).toMatchObject({
      packUnit: '箱',
      packQty: 12.5 * KG,
      price: 450 * YUAN,
      preferred: true,
      itemCode: 'T-BEEF',
    });
    // The supplier's 箱 may hold more than the item's own 箱; the pack size can be typed in the item's 箱 too.
    const e2 = await offer(t, b.id, items.beef, 'case', ['1', '箱'], 380, { preferred: true });
    expect(e2.packQty).toBe(10 * KG);
    const all = await t.call('suppliers.catalogue', { itemId: items.beef });
    expect(all.map((r) => [r.supplierId === a.id ? 'A' : 'B', r.preferred])).toEqual(
      expect.arrayContaining([
        ['A', false],
        ['B', true],
      ]),
    );
    // Saving again replaces the entry.
    await offer(t, a.id, items.beef, '箱', ['10', 'kg'], 400);
    const mine = await t.call('suppliers.get', { id: a.id });
    expect(mine.items).toBe(1);
    expect(mine.catalogue).toEqual([
      expect.objectContaining({ packQty: 10 * KG, price: 400 * YUAN, supplierCode: '' }),
    ]);
    await t.call('suppliers.removeItem', { id: mine.catalogue[0]!.id });
    expect(await t.call('suppliers.catalogue', { supplierId: a.id })).toEqual([]);
  });

  it('names the bad field: unknown item, unit the item does not have, inexact size, negative price', async () => {
    fx = await openProcurementStore();
    const { t, items } = fx;
    const a = await createSupplier(t, 'SUP-A');
    const before = snapshot(t);
    const unknown = await t.fail('suppliers.saveItem', {
      supplierId: a.id,
      itemId: '01900000-0000-7000-8000-000000000000',
      packUnit: '箱',
      packSize: { qty: '1', unit: 'kg' },
      price: 1,
    });
    expect(unknown.fields?.[0]?.path).toBe('itemId');
    const unit = await t.fail('suppliers.saveItem', {
      supplierId: a.id,
      itemId: items.cups,
      packUnit: '箱',
      packSize: { qty: '1', unit: 'kg' },
      price: 1,
    });
    expect(unit.fields?.[0]).toMatchObject({ path: 'packSize.unit' });
    const exact = await t.fail('suppliers.saveItem', {
      supplierId: a.id,
      itemId: items.cups,
      packUnit: '条',
      packSize: { qty: '0.0001', unit: 'pc' },
      price: 1,
    });
    expect(exact.fields?.[0]?.path).toBe('packSize.qty');
    const price = await t.fail('suppliers.saveItem', {
      supplierId: a.id,
      itemId: items.cups,
      packUnit: '条',
      packSize: { qty: '50', unit: 'pc' },
      price: -5,
    });
    expect(price.fields).toEqual([{ path: 'price', message: 'A price cannot be below zero.' }]);
    expect(snapshot(t)).toEqual(before);
    await asAdmin(t);
  });
});
