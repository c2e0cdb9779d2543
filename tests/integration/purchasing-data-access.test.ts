import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/import-graph';
import {
  approvedPo,
  createSupplier,
  offer,
  openProcurementStore,
  type ProcurementFixture,
} from '../helpers/procurement';

/**
 * Purchasing's one data-access style (issue 10, point 3): SQL only through
 * db/sql.ts's named statements or drizzle's query builder, rows typed from
 * the drizzle schema instead of cast to hand-written copies of it.
 */
const FOLDERS = ['src-main/services/procurement', 'src-main/services/invoices', 'src-main/services/supplier-documents'];
const sources = FOLDERS.flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `${d}/${f}`),
);
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

let fx: ProcurementFixture;
afterEach(() => fx?.t.close());

describe('purchasing’s data access', () => {
  it('prepares no statement by hand', () => {
    expect(sources.filter((f) => /\.prepare\(/.test(read(f)))).toEqual([]);
  });

  it('casts no query result: the only casts read back JSON the app wrote itself', () => {
    const casts = sources.flatMap((f) =>
      [...read(f).matchAll(/(\w+)\(([^()]*)\) as (?!const\b|unknown\b)(\w+|\{)/g)].map(
        ([, fn, arg, type]) => `${f.split('/').pop()}: ${fn}(${arg}) as ${type}`,
      ),
    );
    expect(casts).toEqual(['records.ts: parse(rec.matchResult) as RawMatch', 'records.ts: parse(json) as Pick']);
  });

  it('counts each supplier’s catalogue and open orders (subqueries on the listed supplier)', async () => {
    fx = await openProcurementStore();
    const { t, items } = fx;
    const a = await createSupplier(t, 'SUP-A');
    const b = await createSupplier(t, 'SUP-B');
    await offer(t, a.id, items.beef, '箱', ['10', 'kg'], 400);
    await offer(t, a.id, items.rice, '袋', ['25', 'kg'], 150);
    await offer(t, b.id, items.beef, '箱', ['10', 'kg'], 390);
    await approvedPo(t, a.id, [{ itemId: items.beef, packs: '1' }]);
    await t.call('po.create', { supplierId: a.id, lines: [{ itemId: items.rice, packs: '2' }] });
    const cancelled = await t.call('po.create', { supplierId: b.id, lines: [{ itemId: items.beef, packs: '1' }] });
    await t.call('po.cancel', { id: cancelled.id });
    const counts = (await t.call('suppliers.list', {})).map((s) => [s.code, s.items, s.openOrders]);
    expect(counts).toEqual([
      ['SUP-A', 2, 2],
      ['SUP-B', 1, 0],
    ]);
    expect(await t.call('suppliers.get', { id: b.id })).toMatchObject({ items: 1, openOrders: 0, active: true });
  });
});
