import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../lib/catalog';
import { rowsOfView, totalsOfView, viewColumns } from './equipment-views';

// Whether a category has a text is answered from the loaded language's texts, as in the app (main.tsx loads them first).
beforeAll(() => loadCatalog('zh-CN'));

const t = (key: string) => (key === 'repairs.category.refrigeration' ? '冷柜' : key);
const data = {
  perEquipment: [{ equipmentId: 'e1', code: 'SH1-F01', name: 'Fridge 1', category: 'refrigeration', total: 5 }],
  perCategory: [{ category: 'refrigeration', equipment: 1, total: 5 }],
};

describe('the equipment or category view of a repairs report', () => {
  it('gives equipment rows their id and category rows empty equipment fields, in one shape', () => {
    expect(rowsOfView(data, 'equipment')).toEqual([{ ...data.perEquipment[0], id: 'e1' }]);
    expect(rowsOfView(data, 'category')).toEqual([
      { category: 'refrigeration', equipment: 1, total: 5, id: 'refrigeration', equipmentId: null, code: '', name: '' },
    ]);
  });

  it("labels the totals row in the view's first column", () => {
    expect(totalsOfView({ total: 5 }, 'equipment', 'Total')).toMatchObject({ code: 'Total', category: '' });
    expect(totalsOfView({ total: 5 }, 'category', 'Total')).toMatchObject({ code: '', category: 'Total' });
  });

  it('shows code, name and category per equipment, the pinned category alone per category', () => {
    const byEquipment = viewColumns(t as never, 'equipment');
    expect(byEquipment.map((c) => [c.key, c.pinned])).toEqual([
      ['code', 'left'],
      ['name', undefined],
      ['category', undefined],
    ]);
    const [category] = viewColumns(t as never, 'category');
    expect(category).toMatchObject({ key: 'category', pinned: 'left' });
    const row = { id: 'refrigeration', equipmentId: null, code: '', name: '', category: 'refrigeration' };
    expect(category!.get!(row)).toBe('冷柜');
    // The totals row's label is shown as it is, not looked up as a category.
    expect(category!.get!({ ...row, id: '__total', category: 'Total' })).toBe('Total');
  });
});
