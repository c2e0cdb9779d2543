import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqUserScopes, hqUserScopeStores } from '../../../src-hq/db/schema';
import { rows as hqRows } from '../../../src-hq/db/client';
import { createHqUser } from '../../../src-hq/services/auth/users';
import { masterChecksums } from '../../../src-hq/services/sync/checksums';
import { localChecksums } from '../../../src-main/sync/pull';
import { MASTER_TABLES } from '../../../src-shared/sync/tables';
import type { HqMethodOutput } from '../../../src-shared/hq-api';
import { openTestBackend, STORE, type TestBackend } from '../../helpers/backend';
import { DB_KINDS, stopTestPostgres } from '../../helpers/hq-db';
import { HqApiClient, startTestHq, type TestHq } from '../../helpers/hq';
import { KG, YUAN, count } from '../../helpers/ops';
import { postStock, seedStockFixture, type StockFixture } from '../../helpers/stock';
import { enroll, Line, openStore, QUIET, row } from './harness';

/**
 * Two real stores and a real HQ: a transfer out of A reaches B through HQ,
 * B receives it short, and A, B and HQ agree on the value in transit and
 * the variance to the cent; receiving it a second time (through HQ again or
 * by its file) is refused and posts nothing.
 */
afterAll(stopTestPostgres);

const PASSWORD = 'correct horse 9';

/** A second store (code BJ-002) with its own sync worker, signed in as its admin. */
async function openStoreB(line: Line): Promise<TestBackend> {
  const t = await openTestBackend({ sync: { transport: line.transport, timing: QUIET } });
  await t.call('setup.initialize', {
    store: { ...STORE, code: 'BJ-002', name: '北京店', address: '北京市' },
    admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
  });
  return t;
}

const moves = (t: TestBackend) => count(t, 'SELECT count(*) AS n FROM stock_moves');
const varianceAt = (t: TestBackend) =>
  (
    t.backend.database.sqlite
      .prepare("SELECT coalesce(sum(value), 0) AS v FROM stock_moves WHERE kind = 'transfer_variance'")
      .get() as { v: number }
  ).v;
const sentValue = (lines: { valueSent: number }[]) => lines.reduce((s, l) => s + l.valueSent, 0);

describe.each(DB_KINDS)('transfers between stores through HQ (HQ on %s)', (kind) => {
  let hq: TestHq;
  let api: HqApiClient;
  let a: TestBackend;
  let b: TestBackend;
  let fa: StockFixture;
  let fb: StockFixture;
  beforeAll(async () => {
    hq = await startTestHq({ kind });
    await createHqUser(
      hq.hq.ctx.db,
      { username: 'viewer', displayName: 'Viewer', role: 'viewer', password: PASSWORD },
      Date.now(),
    );
    api = new HqApiClient(hq.url);
    await api.call('session.login', { username: 'viewer', password: PASSWORD });
    a = await openStore(new Line());
    b = await openStoreB(new Line());
    fa = seedStockFixture(a);
    fb = seedStockFixture(b);
    postStock(a, [
      { itemId: fa.items.beef, areaId: fa.areas.cooler, kind: 'receipt', qty: 15 * KG, value: 1260 * YUAN },
      { itemId: fa.items.fish, areaId: fa.areas.cooler, kind: 'receipt', qty: 3 * KG, value: 180 * YUAN, lot: 'F-01' },
    ]);
    await enroll(a, hq, STORE.code);
    await enroll(b, hq, 'BJ-002');
  });
  afterAll(async () => {
    a?.close();
    b?.close();
    await hq?.close();
  });

  const chain = () => api.call<HqMethodOutput<'transfers.list'>>('transfers.list', {});
  const sendToB = (note: string) =>
    a.call('ops.transferOut', {
      toStore: 'bj-002',
      areaId: fa.areas.cooler,
      lines: [
        { itemId: fa.items.beef, qty: '3', unit: 'kg' },
        { itemId: fa.items.fish, qty: '1', unit: 'kg', lot: 'F-01' },
      ],
      note,
    });

  it('arrives at B after sync, is received short, and A, B and HQ agree on the value in transit and the variance', async () => {
    const out = await sendToB('支援北京店');
    await a.call('sync.now', {});
    await b.call('sync.now', {});

    // In transit: 3 kg beef at 84/kg + 1 kg fish at 60/kg = 312 yuan, the same at A, at B and at HQ.
    const [atA] = (await a.call('ops.transfers', { direction: 'out' })).filter((x) => x.id === out.id);
    const [arriving] = (await b.call('ops.transfers', { direction: 'in' })).filter((x) => x.number === out.number);
    expect(arriving).toMatchObject({
      id: out.id,
      status: 'in_transit',
      fromStore: 'SH-001',
      arrivingFrom: 'Store SH-001',
    });
    expect(sentValue(atA!.lines)).toBe(312 * YUAN);
    expect(atA!.leftForHq).toBe(true);
    expect(sentValue(arriving!.lines)).toBe(312 * YUAN);
    // What B holds of the routed table is exactly what HQ says it should hold (no refetch at every sync).
    const bId = String(row(b, 'SELECT store_id AS s FROM sync_state')!.s);
    const inbound = MASTER_TABLES.filter((m) => m.name === 'inbound_transfers');
    expect(localChecksums(b.backend.database.sqlite, inbound)).toEqual(
      await masterChecksums(hq.hq.ctx.db, bId, inbound),
    );
    expect(arriving!.lines.map((l) => [l.itemId, l.qtySent, l.lot])).toEqual([
      [fb.items.beef, 3 * KG, ''],
      [fb.items.fish, 1 * KG, 'F-01'],
    ]);
    const before = await chain();
    expect(before.rows.find((r) => r.id === out.id)).toMatchObject({
      status: 'in_transit',
      fromStore: 'SH-001',
      toName: 'Store BJ-002',
      valueSent: 312 * YUAN,
      valueReceived: null,
      variance: null,
    });
    expect(before.totals).toMatchObject({ inTransitCount: 1, inTransitValue: 312 * YUAN, receivedCount: 0 });
    // A user scoped to B sees the transfer reaching B; one whose scope holds neither store sees none of it.
    const scoped = async (name: string, storeIds: string[]) => {
      const u = await createHqUser(
        hq.hq.ctx.db,
        { username: name, displayName: name, role: 'viewer', password: PASSWORD },
        Date.now(),
      );
      await hq.hq.ctx.db.insert(hqUserScopes).values({ userId: u.id, kind: 'stores', updatedAt: Date.now() });
      if (storeIds.length) {
        await hq.hq.ctx.db.insert(hqUserScopeStores).values(storeIds.map((storeId) => ({ userId: u.id, storeId })));
      }
      const c = new HqApiClient(hq.url);
      await c.call('session.login', { username: name, password: PASSWORD });
      return c.call<HqMethodOutput<'transfers.list'>>('transfers.list', {});
    };
    expect((await scoped(`b-only-${kind}`, [bId])).rows.map((r) => r.id)).toContain(out.id);
    const none = await scoped(`no-store-${kind}`, []);
    expect(none.rows).toEqual([]);
    expect(none.totals).toMatchObject({ inTransitCount: 0, inTransitValue: 0 });

    // Half a kilo of beef is missing: 252 x 0.5 / 3 = 42 yuan posted as the transfer variance, as with the file.
    const [beef, fish] = arriving!.lines;
    const done = await b.call('ops.transferReceive', {
      id: out.id,
      areaId: fb.areas.cooler,
      lines: [
        { lineId: beef!.id, qtyReceived: 2.5 * KG, note: '少 0.5 kg' },
        { lineId: fish!.id, qtyReceived: 1 * KG },
      ],
    });
    expect(done).toEqual({ moves: 3, value: 270 * YUAN });
    expect(varianceAt(b)).toBe(-42 * YUAN);
    await b.call('sync.now', {});

    const after = await chain();
    expect(after.rows.find((r) => r.id === out.id)).toMatchObject({
      status: 'received',
      valueSent: 312 * YUAN,
      valueReceived: 270 * YUAN,
      variance: -42 * YUAN,
    });
    expect(after.totals).toMatchObject({
      inTransitCount: 0,
      inTransitValue: 0,
      receivedCount: 1,
      receivedSent: 312 * YUAN,
      receivedValue: 270 * YUAN,
      variance: -42 * YUAN,
    });
    const [received] = (await b.call('ops.transfers', { direction: 'in' })).filter((x) => x.id === out.id);
    expect(received).toMatchObject({ status: 'received' });
    expect(received!.arrivingFrom).toBeUndefined();

    // A second receipt, through HQ or by the file, posts nothing and says why.
    const n = moves(b);
    const twice = await b.fail('ops.transferReceive', {
      id: out.id,
      areaId: fb.areas.cooler,
      lines: [
        { lineId: beef!.id, qtyReceived: 3 * KG },
        { lineId: fish!.id, qtyReceived: 1 * KG },
      ],
    });
    expect(twice).toMatchObject({
      code: 'CONFLICT',
      message: `Transfer ${out.number} from SH-001 was already received at this store: nothing was posted again. Its receipt is in the transfers list.`,
    });
    const { content } = await a.call('ops.transferExport', { id: out.id });
    const byFile = await b.fail('ops.transferImport', { content });
    expect(byFile).toMatchObject({ code: 'CONFLICT', message: twice.message });
    expect(moves(b)).toBe(n);
    expect(varianceAt(b)).toBe(-42 * YUAN);
  });

  it('a transfer imported by file first is received once: the copy HQ routes is refused and not listed again', async () => {
    const out = await sendToB('文件先到');
    const { content } = await a.call('ops.transferExport', { id: out.id });
    const imported = await b.call('ops.transferImport', { content });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    expect(count(b, 'SELECT count(*) AS n FROM inbound_transfers WHERE id = ?', out.id)).toBe(1);
    const listed = (await b.call('ops.transfers', {})).filter((x) => x.number === out.number);
    expect(listed.map((x) => x.id)).toEqual([imported.id]);

    const n = moves(b);
    const lines = listed[0]!.lines.map((l) => ({ lineId: l.id, qtyReceived: l.qtySent }));
    const viaHq = await b.fail('ops.transferReceive', { id: out.id, areaId: fb.areas.cooler, lines });
    expect(viaHq).toMatchObject({
      code: 'CONFLICT',
      message: `Transfer ${out.number} from SH-001 was already imported.`,
    });
    expect(moves(b)).toBe(n);
    expect(count(b, 'SELECT count(*) AS n FROM transfers WHERE number = ?', out.number)).toBe(1);
    await b.call('ops.transferReceive', { id: imported.id, areaId: fb.areas.cooler, lines });
    expect(moves(b)).toBe(n + 2);
  });

  it('flags a transfer to a store code the chain does not have, and routes it once a store with that code joins', async () => {
    const out = await a.call('ops.transferOut', {
      toStore: 'ZZ-999',
      areaId: fa.areas.cooler,
      lines: [{ itemId: fa.items.beef, qty: '1', unit: 'kg' }],
    });
    await a.call('sync.now', {});
    const [flagged] = await hqRows<{ store_id: string | null; problem: string }>(
      hq.hq.ctx.db,
      sql`SELECT store_id, problem FROM inbound_transfers WHERE id = ${out.id}`,
    );
    expect(flagged).toEqual({ store_id: null, problem: 'unknownStore' });
    const listed = (await chain()).rows.find((r) => r.id === out.id);
    expect(listed).toMatchObject({ status: 'unrouted', problem: 'unknownStore', toStore: 'ZZ-999', toName: '' });
    await b.call('sync.now', {});
    expect(count(b, 'SELECT count(*) AS n FROM inbound_transfers WHERE id = ?', out.id)).toBe(0);

    // It has left with the sync, as a file leaves with its export: no cancelling it at A any more.
    const cancel = await a.fail('ops.transferCancel', { id: out.id, note: 'wrong store' });
    expect(cancel).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('can no longer be cancelled') });

    // The store with that code joins HQ: the transfer reaches it at its first sync.
    const c = await openTestBackend({ sync: { transport: new Line().transport, timing: QUIET } });
    try {
      await c.call('setup.initialize', {
        store: { ...STORE, code: 'ZZ-999', name: '新店', address: '深圳市' },
        admin: { username: 'boss', displayName: 'Boss', authKind: 'pin', secret: '1234' },
      });
      await enroll(c, hq, 'ZZ-999');
      await c.call('sync.now', {});
      const [arrived] = await c.call('ops.transfers', { direction: 'in' });
      expect(arrived).toMatchObject({ id: out.id, status: 'in_transit', arrivingFrom: 'Store SH-001' });
      expect((await chain()).rows.find((r) => r.id === out.id)).toMatchObject({ status: 'in_transit', problem: '' });
    } finally {
      c.close();
    }
  });

  it('a transfer cancelled before it left for HQ is never routed', async () => {
    const out = await sendToB('取消');
    const [waiting] = (await a.call('ops.transfers', { direction: 'out' })).filter((x) => x.id === out.id);
    expect(waiting!.leftForHq).toBe(false);
    await a.call('ops.transferCancel', { id: out.id, note: '发错了' });
    await a.call('sync.now', {});
    await b.call('sync.now', {});
    expect(count(b, 'SELECT count(*) AS n FROM inbound_transfers WHERE id = ?', out.id)).toBe(0);
    expect((await chain()).rows.find((r) => r.id === out.id)).toBeUndefined();
  });
});
