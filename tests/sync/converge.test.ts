import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receipt, stockMove } from '../helpers/store-rows';
import { compareReplicas, describeDivergences } from './harness/converge';
import { inProcessHq, type HqUnderTest } from './harness/hq-under-test';
import { Rng } from './harness/random';
import { SimStore } from './harness/sim-store';

/**
 * The convergence check itself: silent when every replica agrees, and when
 * one does not, it names the store, the table, the direction and the rows.
 */
describe('convergence check', () => {
  let hq: HqUnderTest;
  const stores: SimStore[] = [];
  beforeAll(async () => {
    hq = await inProcessHq('pglite');
    for (const name of ['CV-A', 'CV-B']) {
      const s = new SimStore(name, hq.url);
      await s.enroll((await hq.createStore(name)).enrollmentCode);
      stores.push(s);
    }
    await hq.saveItem({ code: 'CV-1', nameZh: '鸡胸肉', nameEn: 'Chicken breast' });
    const rng = new Rng(3);
    for (const s of stores) {
      await s.writeRandom(rng, 60);
      await s.syncUntilDrained(30_000);
    }
  }, 60_000);
  afterAll(() => hq?.close());

  it('finds nothing when every replica matches, up and down', async () => {
    expect(describeDivergences(await compareReplicas(hq, stores))).toBe('');
    expect(stores[0]!.replica.table('items').size).toBe(1);
    // The random facts cover appended rows, changed and deleted rows, and work orders merged by clock at HQ.
    const orders = (await Promise.all(stores.map((s) => s.factRows('work_orders')))).flat();
    expect(orders.length).toBeGreaterThan(0);
  });

  it('names a row HQ lacks, a value that differs, and master data a store lacks', async () => {
    const [a, b] = stores as [SimStore, SimStore];
    const move = stockMove();
    a.write([{ table: 'stock_moves', op: 'upsert', row: move }]); // written, never pushed
    const r = receipt();
    b.write([{ table: 'receipts', op: 'upsert', row: r }]);
    await b.syncUntilDrained(10_000);
    await hq.read((q) => q.execute(sql`UPDATE mirror.receipts SET note = 'changed at HQ' WHERE id = ${r.id}`));
    await hq.saveItem({ code: 'CV-2', nameZh: '牛肉', nameEn: 'Beef' }); // nobody pulled it

    const found = await compareReplicas(hq, stores);
    const text = describeDivergences(found);
    expect(found.map((d) => [d.store, d.table, d.direction]).sort()).toEqual([
      ['CV-A', 'items', 'down'],
      ['CV-A', 'stock_moves', 'up'],
      ['CV-B', 'items', 'down'],
      ['CV-B', 'receipts', 'up'],
    ]);
    expect(text).toContain(`only at the store: ${move.id}`);
    expect(text).toContain(`${r.id} differs in note`);
    expect(found.find((d) => d.table === 'items')!.onlyAtHq).toHaveLength(1);
  });

  it('a store whose master data drifted finds it by the checksums and refetches the table', async () => {
    const c = new SimStore('CV-C', hq.url);
    await c.enroll((await hq.createStore('CV-C')).enrollmentCode);
    await c.syncUntilDrained(10_000);
    const items = c.replica.table('items');
    const [key, row] = [...items.entries()][0]!;
    items.set(key, { ...row, name_en: 'edited behind the sync' });
    items.set('stray', { ...row, id: 'stray', code: 'STRAY' });
    expect((await compareReplicas(hq, [c])).map((d) => d.table)).toEqual(['items']);
    const pass = await c.syncOnce();
    expect(pass.pulled).toBe(0); // nothing new in the log: only the checksums disagreed
    expect(c.stats.refetches).toBe(1);
    expect(await compareReplicas(hq, [c])).toEqual([]);
  });
});
