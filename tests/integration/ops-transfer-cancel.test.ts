import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, count, openSecondStore } from '../helpers/ops';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let a: TestBackend;
let b: TestBackend | undefined;
let fa: StockFixture;
afterEach(() => {
  a?.close();
  b?.close();
  b = undefined;
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function setUp() {
  a = await openSetUpBackend();
  fa = seedStockFixture(a);
  postStock(a, [
    { itemId: fa.items.beef, areaId: fa.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN },
    { itemId: fa.items.beef, areaId: fa.areas.cooler, kind: 'receipt', qty: 5 * KG, value: 460 * YUAN },
    {
      itemId: fa.items.fish,
      areaId: fa.areas.cooler,
      kind: 'receipt',
      qty: 3 * KG,
      value: 180 * YUAN,
      lot: 'F-01',
      expiry: '2099-12-31',
    },
  ]);
}

function sendOut() {
  return a.call('ops.transferOut', {
    toStore: 'BJ-002',
    areaId: fa.areas.cooler,
    lines: [
      { itemId: fa.items.beef, qty: '3', unit: 'kg' },
      { itemId: fa.items.fish, qty: '1', unit: 'kg', lot: 'F-01' },
    ],
  });
}

const onHand = async () => (await a.call('stock.onHand', {})).map((r) => [r.code, r.lot, r.qty, r.value] as const);
const transfer = async (id: string) => (await a.call('ops.transfers', { direction: 'out' })).find((x) => x.id === id)!;

describe('cancelling a transfer out', () => {
  it('brings the goods back into their area at the cost they left with, by reversing entries', async () => {
    await setUp();
    const before = await onHand();
    const out = await sendOut();
    expect(await onHand()).not.toEqual(before);

    const done = await a.call('ops.transferCancel', { id: out.id, note: '对方店不需要了' });
    // Beef left at 84/kg (1260 / 15 kg): 3 kg = 252; fish 1 kg = 60.
    expect(done).toEqual({ moves: 2, value: 312 * YUAN });
    expect(await onHand()).toEqual(before);
    expect(await transfer(out.id)).toMatchObject({ status: 'cancelled', exportedAt: null });

    // Nothing was edited: the two transfer_out rows stay, each with its opposite row.
    const sent = (await a.call('stock.moves', { docType: 'transfer', docId: out.id })).rows;
    expect(sent.map((r) => [r.kind, r.qty, r.reversed])).toEqual([
      ['transfer_out', -1 * KG, true],
      ['transfer_out', -3 * KG, true],
    ]);
    const back = (await a.call('stock.moves', { docType: 'reversal' })).rows;
    expect(back.map((r) => [r.kind, r.qty, r.value, r.areaCode, r.lot]).sort()).toEqual([
      ['transfer_out', 1 * KG, 60 * YUAN, 'COOL', 'F-01'],
      ['transfer_out', 3 * KG, 252 * YUAN, 'COOL', ''],
    ]);
    expect(back.every((r) => r.note === `${out.number}: 对方店不需要了`)).toBe(true);
    expect(new Set(back.map((r) => r.reversesSeq))).toEqual(new Set(sent.map((r) => r.seq)));

    // The period summary nets the transfer out to zero; the moving average is as before.
    const summary = await a.call('reports.summary', { from: today(), to: today() });
    const beef = summary.rows.find((r) => r.itemId === fa.items.beef)!;
    expect([beef.transferOutQty, beef.transferOutValue, beef.closingQty, beef.closingValue]).toEqual([
      0,
      0,
      15 * KG,
      1260 * YUAN,
    ]);

    // A cancelled transfer has no file, and cannot be cancelled twice.
    const file = await a.fail('ops.transferExport', { id: out.id });
    expect(file).toMatchObject({
      code: 'CONFLICT',
      message: `Transfer ${out.number} was cancelled: there is no file to send.`,
    });
    const again = await a.fail('ops.transferCancel', { id: out.id, note: 'again' });
    expect(again.message).toBe(`Transfer ${out.number} is no longer in transit and cannot be cancelled.`);

    const audit = (await a.call('audit.list', { method: 'ops.transferCancel' })).rows;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ input: { id: out.id, note: '对方店不需要了' } });
  });

  it('is refused once the file was exported: the other store may already have booked the goods', async () => {
    await setUp();
    const out = await sendOut();
    const file = await a.call('ops.transferExport', { id: out.id });
    const exported = await transfer(out.id);
    expect(exported.exportedAt).not.toBeNull();
    // The first export keeps a copy of exactly what was sent.
    const copy = a.backend.database.sqlite
      .prepare("SELECT data FROM attachments WHERE owner_type = 'transfer_file' AND owner_id = ?")
      .all(out.id) as { data: string }[];
    expect(copy.map((c) => Buffer.from(c.data, 'base64').toString('utf8'))).toEqual([file.content]);
    // Exporting again gives the same file and keeps the first export's time.
    expect((await a.call('ops.transferExport', { id: out.id })).content).toBe(file.content);
    expect((await transfer(out.id)).exportedAt).toBe(exported.exportedAt);

    const movesBefore = count(a, 'SELECT count(*) AS n FROM stock_moves');
    const err = await a.fail('ops.transferCancel', { id: out.id, note: 'changed our mind' }, { locale: 'zh-CN' });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('文件已导出');
    expect(count(a, 'SELECT count(*) AS n FROM stock_moves')).toBe(movesBefore);
    expect((await transfer(out.id)).status).toBe('in_transit');

    // The receiving store books it as usual.
    b = await openSecondStore('BJ-002');
    const fb = seedStockFixture(b);
    const imp = await b.call('ops.transferImport', { content: file.content });
    const [incoming] = await b.call('ops.transfers', { direction: 'in' });
    await b.call('ops.transferReceive', {
      id: imp.id,
      areaId: fb.areas.cooler,
      lines: incoming!.lines.map((l) => ({ lineId: l.id, qtyReceived: l.qtySent })),
    });
  });

  it('refuses to receive or re-import a transfer whose incoming record is cancelled, saying so', async () => {
    await setUp();
    const out = await sendOut();
    const { content } = await a.call('ops.transferExport', { id: out.id });
    b = await openSecondStore('BJ-002');
    seedStockFixture(b);
    const imp = await b.call('ops.transferImport', { content });
    // No screen cancels an incoming transfer today (support or HQ replication may): the store must not book it.
    b.backend.database.sqlite.prepare("UPDATE transfers SET status = 'cancelled' WHERE id = ?").run(imp.id);
    const [incoming] = await b.call('ops.transfers', { direction: 'in' });
    const receive = await b.fail('ops.transferReceive', {
      id: imp.id,
      areaId: incoming!.lines[0]!.itemId!, // any id: refused before the area is looked at
      lines: incoming!.lines.map((l) => ({ lineId: l.id, qtyReceived: l.qtySent })),
    });
    const message = `Transfer ${out.number} from SH-001 was cancelled by the sending store. Do not book it; ask SH-001 where the goods are.`;
    expect(receive).toMatchObject({ code: 'CONFLICT', message });
    expect((await b.fail('ops.transferImport', { content })).message).toBe(message);
    expect(count(b, 'SELECT count(*) AS n FROM stock_moves')).toBe(0);
  });

  it('skips lines already reversed one by one, and is for managers and admins only', async () => {
    await setUp();
    const out = await sendOut();
    const [fishOut] = (await a.call('stock.moves', { docType: 'transfer', docId: out.id, itemId: fa.items.fish })).rows;
    await a.call('stock.reverse', { seq: fishOut!.seq, note: 'fish stayed' });

    await a.call('users.create', {
      username: 'clerk',
      displayName: 'Clerk',
      role: 'clerk',
      authKind: 'pin',
      secret: '3456',
    } as never);
    const clerk = await a.fail('ops.transferCancel', { id: out.id, note: 'x' }, { token: null });
    expect(clerk.code).toBe('UNAUTHENTICATED');
    await a.call('session.logout', {} as never);
    await a.call('session.login', { username: 'clerk', secret: '3456' } as never);
    expect((await a.fail('ops.transferCancel', { id: out.id, note: 'x' })).code).toBe('FORBIDDEN');
    await a.call('session.logout', {} as never);
    await a.call('session.login', { username: 'boss', secret: '1234' } as never);

    const done = await a.call('ops.transferCancel', { id: out.id, note: 'beef too' });
    expect(done).toEqual({ moves: 1, value: 252 * YUAN });
    expect((await onHand()).map(([code, lot, qty]) => [code, lot, qty])).toEqual([
      ['T-BEEF', '', 15 * KG],
      ['T-FISH', 'F-01', 3 * KG],
    ]);
  });
});
