import { afterEach, describe, expect, it } from 'vitest';
import { api, isMethodName, type MethodInput, type MethodName, type MethodOutput } from '../../src-shared/api';
import { STOCK_QUERIES } from '../../src-shared/api/methods/stock';
import type { ServerEvent } from '../../src-shared/events';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, openSecondStore } from '../helpers/ops';
import { postStock, seedStockFixture } from '../helpers/stock';

/**
 * Every mutation that can post or reverse ledger rows. The screens that show
 * stock (on hand, movement history with its "new movements" banner, FEFO,
 * expiry, reorder) refresh only from the invalidation events these announce.
 */
const POSTING = [
  'stock.reverse',
  'ops.issue',
  'ops.waste',
  'ops.transferOut',
  'ops.transferReceive',
  'ops.transferCancel',
  'counts.post',
  'receipts.postLine',
  'receipts.postAll',
] as const;

let opened: TestBackend[] = [];
afterEach(() => {
  for (const t of opened) t.close();
  opened = [];
});

describe('stock invalidation', () => {
  it('every mutation that posts movements invalidates stock on hand, the history and the stock hints', () => {
    for (const name of POSTING) {
      expect(isMethodName(name), name).toBe(true);
      const c = api[name as MethodName];
      expect(c.kind, name).toBe('mutation');
      expect(c.invalidates ?? [], name).toEqual(expect.arrayContaining([...STOCK_QUERIES]));
    }
  });

  it('each call that wrote ledger rows announced it, and only the mutations listed above wrote any', async () => {
    const a = await openSetUpBackend();
    const b = await openSecondStore('BJ-002');
    opened = [a, b];
    const fa = seedStockFixture(a);
    const fb = seedStockFixture(b);
    const seen: { method: string; posted: boolean; invalidated: string[] }[] = [];

    /** Calls a method and notes whether the ledger grew and what the call announced. */
    async function watched<M extends MethodName>(
      t: TestBackend,
      method: M,
      input: MethodInput<M>,
    ): Promise<MethodOutput<M>> {
      const maxSeq = () =>
        (t.backend.database.sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM stock_moves').get() as { n: number })
          .n;
      const events: ServerEvent[] = [];
      const off = t.backend.events.subscribe((e) => events.push(e));
      const before = maxSeq();
      try {
        return await t.call(method, input);
      } finally {
        off();
        seen.push({
          method,
          posted: maxSeq() > before,
          invalidated: events.flatMap((e) => (e.type === 'invalidate' ? e.methods : [])),
        });
      }
    }

    // Stock arrives as a real user brings it in: a receipt without an order at the receiving desk.
    const receipt = await a.call('receipts.open', { areaId: fa.areas.cooler });
    await a.call('receipts.addLine', {
      receiptId: receipt.id,
      line: { itemId: fa.items.beef, qty: '10', unit: 'kg', price: 80 * YUAN, priceUnit: 'kg' },
    });
    await watched(a, 'receipts.postAll', { receiptId: receipt.id, confirm: true });
    await watched(a, 'ops.issue', {
      kind: 'issue',
      areaId: fa.areas.cooler,
      lines: [{ itemId: fa.items.beef, qty: '1', unit: 'kg' }],
    });
    await watched(a, 'ops.issue', {
      kind: 'area_move',
      areaId: fa.areas.cooler,
      toAreaId: fa.areas.dry,
      lines: [{ itemId: fa.items.beef, qty: '1', unit: 'kg' }],
    });
    await watched(a, 'ops.waste', {
      areaId: fa.areas.cooler,
      lines: [{ itemId: fa.items.beef, qty: '0.5', unit: 'kg', reason: 'spoiled' }],
    });
    const [issued] = (await a.call('stock.moves', { kind: 'issue' })).rows;
    await watched(a, 'stock.reverse', { seq: issued!.seq, note: 'wrong item' });
    const kept = await watched(a, 'ops.transferOut', {
      toStore: 'BJ-002',
      areaId: fa.areas.cooler,
      lines: [{ itemId: fa.items.beef, qty: '1', unit: 'kg' }],
    });
    const cancelled = await watched(a, 'ops.transferOut', {
      toStore: 'BJ-002',
      areaId: fa.areas.cooler,
      lines: [{ itemId: fa.items.beef, qty: '1', unit: 'kg' }],
    });
    await watched(a, 'ops.transferCancel', { id: cancelled.id, note: 'not needed' });
    const file = await watched(a, 'ops.transferExport', { id: kept.id });
    const imp = await watched(b, 'ops.transferImport', { content: file.content });
    const [incoming] = await b.call('ops.transfers', { direction: 'in' });
    await watched(b, 'ops.transferReceive', {
      id: imp.id,
      areaId: fb.areas.cooler,
      lines: incoming!.lines.map((l) => ({ lineId: l.id, qtyReceived: l.qtySent })),
    });
    const count = await watched(a, 'counts.start', { areaIds: [fa.areas.cooler] });
    await watched(a, 'counts.saveLine', {
      countId: count.id,
      itemId: fa.items.beef,
      areaId: fa.areas.cooler,
      entry: '5 kg',
    });
    await watched(a, 'counts.post', { id: count.id });
    await watched(a, 'reasons.save', { kind: 'waste', code: 'burnt', nameZh: '烧焦', nameEn: 'Burnt' });

    const posted = seen.filter((s) => s.posted);
    expect(new Set(posted.map((s) => s.method))).toEqual(
      new Set([
        'receipts.postAll',
        'ops.issue',
        'ops.waste',
        'stock.reverse',
        'ops.transferOut',
        'ops.transferCancel',
        'ops.transferReceive',
        'counts.post',
      ]),
    );
    for (const s of posted) {
      expect(POSTING as readonly string[], s.method).toContain(s.method);
      expect(s.invalidated, s.method).toEqual(expect.arrayContaining([...STOCK_QUERIES]));
    }
    // The transfer list follows its own changes, the export included (it locks the cancel button).
    for (const m of ['ops.transferOut', 'ops.transferCancel', 'ops.transferExport', 'ops.transferImport']) {
      expect(seen.find((s) => s.method === m)?.invalidated, m).toContain('ops.transfers');
    }
  });

  it('answers the history screen\'s "new movements" check: rows posted since a seq, within its filters', async () => {
    const t = await openSetUpBackend();
    opened = [t];
    const fx = seedStockFixture(t);
    const receipt = (itemId: string, kg: number) => ({
      itemId,
      areaId: fx.areas.cooler,
      kind: 'receipt' as const,
      qty: kg * KG,
      value: kg * 10 * YUAN,
    });
    postStock(t, [receipt(fx.items.beef, 1), receipt(fx.items.rice, 1)]);
    const first = await t.call('stock.moves', { itemId: fx.items.beef });
    expect(first.rows).toHaveLength(1);
    const seen = first.latestSeq;
    expect(seen).toBe(2); // over the whole ledger, not only the filtered rows

    expect((await t.call('stock.moves', { itemId: fx.items.beef, sinceSeq: seen })).rows).toEqual([]);
    // A back-dated beef receipt, today's beef and rice: two are new for the beef filter, newest first.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    postStock(t, [
      { ...receipt(fx.items.beef, 2), occurredAt: yesterday },
      receipt(fx.items.beef, 3),
      receipt(fx.items.rice, 4),
    ]);
    const fresh = await t.call('stock.moves', { itemId: fx.items.beef, sinceSeq: seen });
    expect(fresh.rows.map((r) => r.qty)).toEqual([3 * KG, 2 * KG]);
    expect(fresh.latestSeq).toBe(5);
    expect((await t.call('stock.moves', { sinceSeq: seen, limit: 2 })).next).not.toBeNull();
  });
});
