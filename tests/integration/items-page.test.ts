import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackItemRow } from '../../src-shared/api/methods/items';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
const KG = 1_000_000;

beforeAll(async () => {
  t = await openSetUpBackend();
  const freezer = await t.call('areas.create', { code: 'FRZ', nameZh: '冻库', nameEn: 'Freezer', sortOrder: 1 });
  await t.call('categories.create', { code: 'meat', nameZh: '肉类', nameEn: 'Meat' });
  await t.call('categories.create', { code: 'veg', nameZh: '蔬菜', nameEn: 'Vegetables' });
  for (let i = 0; i < 25; i++) {
    await t.call('items.create', {
      code: `IT-${String(i).padStart(3, '0')}`,
      nameZh: `物料${i}`,
      nameEn: `Item ${i}`,
      category: i % 2 ? 'meat' : 'veg',
      baseUnit: 'g',
      units: i === 3 ? [{ unit: '箱', factor: 10 * KG, purchase: true, count: false }] : [],
      barcodes: i === 4 ? [{ barcode: 'ZZ-777' }] : [],
      storageAreaId: i < 5 ? freezer.id : null,
      parLevel: i * KG,
      active: i !== 7,
    });
  }
});
afterAll(() => t?.close());

const page = async (input: Parameters<typeof t.call<'items.page'>>[1]) => {
  const r = await t.call('items.page', input);
  return { total: r.total, codes: r.rows.map((x) => unpackItemRow(x).code) };
};

describe('items.page: the item grid sorted, filtered and paged in SQL', () => {
  it('pages in code order with the total of matching rows', async () => {
    const first = await page({ startRow: 0, endRow: 10 });
    expect(first.total).toBe(25);
    expect(first.codes).toEqual(Array.from({ length: 10 }, (_, i) => `IT-${String(i).padStart(3, '0')}`));
    expect((await page({ startRow: 20, endRow: 30 })).codes).toEqual([
      'IT-020',
      'IT-021',
      'IT-022',
      'IT-023',
      'IT-024',
    ]);
  });

  it('sorts by a column, descending, and filters by what the screen shows (category and area names)', async () => {
    const bySort = await page({ startRow: 0, endRow: 3, sort: [{ colId: 'parLevel', sort: 'desc' }] });
    expect(bySort.codes).toEqual(['IT-024', 'IT-023', 'IT-022']);
    const meat = await page({
      startRow: 0,
      endRow: 100,
      filters: { category: { filterType: 'text', type: 'contains', filter: '肉类' } },
    });
    expect(meat.total).toBe(12);
    const frozen = await page({
      startRow: 0,
      endRow: 100,
      filters: { area: { filterType: 'text', type: 'contains', filter: 'freezer' } },
    });
    expect(frozen.codes).toEqual(['IT-000', 'IT-001', 'IT-002', 'IT-003', 'IT-004']);
    const cases = await page({
      startRow: 0,
      endRow: 100,
      filters: { purchaseUnit: { filterType: 'text', type: 'equals', filter: '箱' } },
    });
    expect(cases.codes).toEqual(['IT-003']);
    const barcode = await page({
      startRow: 0,
      endRow: 100,
      filters: { barcodes: { filterType: 'text', type: 'contains', filter: '777' } },
    });
    expect(barcode.codes).toEqual(['IT-004']);
  });

  it('filters quantities as typed in the base unit, and by status', async () => {
    const par = await page({
      startRow: 0,
      endRow: 100,
      filters: { parLevel: { filterType: 'number', type: 'inRange', filter: 20_000, filterTo: 22_000 } },
    });
    expect(par.codes).toEqual(['IT-020', 'IT-021', 'IT-022']);
    expect((await page({ startRow: 0, endRow: 100, status: 'inactive' })).codes).toEqual(['IT-007']);
    expect((await page({ startRow: 0, endRow: 100, status: 'active' })).total).toBe(24);
  });

  it('refuses an unknown column or a block over 1,000 rows with a clear error', async () => {
    const e = await t.fail('items.page', { startRow: 0, endRow: 10, sort: [{ colId: 'secret', sort: 'asc' }] });
    expect(e.message).toContain('"secret"');
    const big = await t.fail('items.page', { startRow: 0, endRow: 5000 });
    expect(big.code).toBe('VALIDATION');
  });
});
