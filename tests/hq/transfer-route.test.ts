import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src-hq/db/client';
import { uuidv7 } from '../../src-main/lib/ids';
import type { PullResponse, PushResponse, Refusal } from '../../src-shared/sync/protocol';
import { DB_KINDS, stopTestPostgres } from '../helpers/hq-db';
import { startTestHq, type TestHq, type TestStore } from '../helpers/hq';
import { del, stockMove, upsert } from '../helpers/store-rows';

afterAll(stopTestPostgres);

/** HQ's code of the receiving store (what the sender types, in any case). */
const B_CODE = `RB-${uuidv7().slice(-6)}`;

const ok = <T extends PushResponse | PullResponse>(a: { body: T | Refusal }): T => {
  if (!a.body.ok) throw new Error(`refused: ${a.body.code} ${a.body.message}`);
  return a.body;
};

function transferOut(to: string, o: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    number: `DB-A-20261202-${String(Math.floor(Math.random() * 90) + 10)}`,
    direction: 'out',
    from_store: 'A',
    to_store: to,
    status: 'in_transit',
    sent_at: Date.parse('2026-12-02T08:00:00Z'),
    received_at: null,
    created_by: null,
    received_by: null,
    note: '',
    ...o,
  };
}

const line = (transferId: string, code: string, qty: number, value: number) => ({
  id: uuidv7(),
  transfer_id: transferId,
  item_code: code,
  item_id: null,
  lot: '',
  expiry: null,
  qty_sent: qty,
  value_sent: value,
  qty_received: null,
  note: '',
});

const out = (transferId: string, qty: number, value: number) =>
  stockMove({ kind: 'transfer_out', qty: -qty, value: -value, doc_type: 'transfer', doc_id: transferId });

describe.each(DB_KINDS)('HQ routes transfers between stores (HQ on %s)', (kind) => {
  let hq: TestHq;
  let a: TestStore;
  let b: TestStore;
  beforeAll(async () => {
    hq = await startTestHq({ kind });
    a = await hq.enrolledStore();
    b = await hq.enrolledStore({ code: B_CODE });
  });
  afterAll(() => hq?.close());

  const inbound = async (s: TestStore) => {
    const page = ok(await s.pull(0));
    return page.changes.filter((c) => c.table === 'inbound_transfers');
  };

  it('routes a transfer only once all its lines arrived, to its store alone, and takes a cancelled one back', async () => {
    const t = transferOut(B_CODE.toLowerCase());
    const l1 = line(t.id, 'T-BEEF', 3000, 2_520_000);
    const l2 = line(t.id, 'T-FISH', 1000, 600_000);
    // The store writes the transfer, its movements, then its lines; this batch ends between the lines.
    ok(
      await a.push([
        upsert('transfers', t),
        upsert('stock_moves', out(t.id, 3000, 2_520_000)),
        upsert('stock_moves', out(t.id, 1000, 600_000)),
        upsert('transfer_lines', l1),
      ]),
    );
    expect(await inbound(b)).toEqual([]);

    ok(await a.push([upsert('transfer_lines', l2)]));
    const [routed, ...more] = await inbound(b);
    expect(more).toEqual([]);
    expect(routed).toMatchObject({
      op: 'upsert',
      row: { id: t.id, store_id: b.storeId, number: t.number, from_store: 'A', to_store: t.to_store },
    });
    expect(JSON.parse(String(routed!.row.lines))).toEqual([
      { id: l1.id, itemCode: 'T-BEEF', lot: '', expiry: null, qty: 3000, value: 2_520_000 },
      { id: l2.id, itemCode: 'T-FISH', lot: '', expiry: null, qty: 1000, value: 600_000 },
    ]);
    // Only its destination pulls it.
    expect(await inbound(a)).toEqual([]);

    // Sent again (a line edited, the transfer resent): routed once, no second change for the store.
    ok(await a.push([upsert('transfers', { ...t, note: 'resent' })]));
    expect((await inbound(b)).filter((c) => c.row.id === t.id)).toHaveLength(1);

    // Cancelled at A before B received it: B is told it is gone.
    ok(await a.push([upsert('transfers', { ...t, status: 'cancelled' })]));
    const changes = (await inbound(b)).filter((c) => c.row.id === t.id);
    expect(changes.map((c) => c.op)).toEqual(['upsert', 'delete']);
  });

  it('keeps a transfer to a code no store has unrouted, with the reason, and a deleted line changes nothing', async () => {
    const t = transferOut('NOPE-1');
    ok(
      await a.push([
        upsert('transfers', t),
        upsert('stock_moves', out(t.id, 500, 42_000)),
        upsert('transfer_lines', line(t.id, 'T-BEEF', 500, 42_000)),
        del('transfer_lines', { id: uuidv7() }),
      ]),
    );
    const found = await rows(hq.hq.ctx.db, sql`SELECT store_id, problem FROM inbound_transfers WHERE id = ${t.id}`);
    expect(found).toEqual([{ store_id: null, problem: 'unknownStore' }]);
    expect((await inbound(b)).filter((c) => c.row.id === t.id)).toEqual([]);
  });
});
