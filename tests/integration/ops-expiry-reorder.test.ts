import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, addUnit, dayFromToday, setLevels } from '../helpers/ops';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

async function setUp() {
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
}

describe('ops.expiring', () => {
  it('lists lots expiring within the window and lots already expired, with value', async () => {
    await setUp();
    const lot = (name: string, days: number, kg: number) => ({
      itemId: fx.items.fish,
      areaId: fx.areas.cooler,
      kind: 'receipt' as const,
      qty: kg * KG,
      value: kg * 50 * YUAN,
      lot: name,
      expiry: dayFromToday(days),
    });
    postStock(t, [lot('OLD', -2, 1), lot('TODAY', 0, 1), lot('SOON', 3, 2), lot('LATER', 10, 1), lot('GONE', 1, 1)]);
    await t.call('ops.issue', {
      kind: 'issue',
      areaId: fx.areas.cooler,
      lines: [{ itemId: fx.items.fish, qty: '1', unit: 'kg', lot: 'GONE' }],
    });
    const def = await t.call('ops.expiring', {});
    expect(def.days).toBe(3);
    expect(def.expiring.map((r) => [r.lot, r.daysLeft, r.qty, r.value])).toEqual([
      ['TODAY', 0, 1 * KG, 50 * YUAN],
      ['SOON', 3, 2 * KG, 100 * YUAN],
    ]);
    expect(def.expired.map((r) => [r.lot, r.daysLeft, r.value])).toEqual([['OLD', -2, 50 * YUAN]]);
    const wide = await t.call('ops.expiring', { days: 30 });
    expect(wide.expiring.map((r) => r.lot)).toEqual(['TODAY', 'SOON', 'LATER']);
  });
});

describe('ops.reorder', () => {
  it('fills to par rounded up to whole purchase packs, base unit when there is no pack', async () => {
    await setUp();
    const { beef, rice, cups, fish } = fx.items;
    addUnit(t, beef, '箱', 10 * KG, true);
    addUnit(t, beef, 'kg盒', 1 * KG, false);
    setLevels(t, beef, 5 * KG, 30 * KG); // on hand 4 kg -> need 26 kg -> 3 箱
    setLevels(t, rice, 2 * KG, 10 * KG); // on hand 3 kg: above the reorder point
    setLevels(t, cups, 100_000, 250_500); // on hand 100 pc (at the point) -> need 150.5 -> 151 pc
    setLevels(t, fish, 1 * KG, null); // nothing on hand, no par: fill to the reorder point
    postStock(t, [
      { itemId: beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 3 * KG, value: 1 },
      { itemId: beef, areaId: fx.areas.dry, kind: 'receipt', qty: 1 * KG, value: 1 },
      { itemId: rice, areaId: fx.areas.dry, kind: 'receipt', qty: 3 * KG, value: 1 },
      { itemId: cups, areaId: fx.areas.dry, kind: 'receipt', qty: 100_000, value: 1 },
    ]);
    const rows = await t.call('ops.reorder', {});
    expect(rows.map((r) => [r.code, r.onHand, r.packUnit, r.packs, r.suggestedQty])).toEqual([
      ['T-BEEF', 4 * KG, '箱', 3, 30 * KG],
      ['T-CUP', 100_000, 'pc', 151, 151_000],
      ['T-FISH', 0, 'g', 1000, 1 * KG],
    ]);
  });
});
