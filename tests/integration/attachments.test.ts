import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN } from '../helpers/ops';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

async function setUp() {
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
  postStock(t, [{ itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN }]);
}

function waste(photo?: { fileName: string; bytes: Buffer }, lines = 1) {
  return t.call('ops.waste', {
    areaId: fx.areas.cooler,
    lines: Array.from({ length: lines }, () => ({ itemId: fx.items.beef, qty: '0.1', unit: 'kg', reason: 'spoiled' })),
    photo: photo && { fileName: photo.fileName, dataBase64: photo.bytes.toString('base64') },
  });
}

describe('waste photos', () => {
  it('marks every movement of a document with a photo in one history page, and serves the photo', async () => {
    await setUp();
    const withPng = await waste({ fileName: '牛肉.png', bytes: PNG }, 2);
    const without = await waste();
    const withJpeg = await waste({ fileName: 'spoiled.jpg', bytes: JPEG });

    const page = await t.call('stock.moves', { kind: 'waste' });
    const byDoc = (docId: string) => page.rows.filter((r) => r.docId === docId).map((r) => r.photoId);
    const [png1, png2] = byDoc(withPng.docId);
    expect(png1).toMatch(/^[0-9a-f-]{36}$/);
    expect(png2).toBe(png1);
    expect(byDoc(without.docId)).toEqual([null]);
    const [jpeg] = byDoc(withJpeg.docId);
    expect(jpeg).not.toBe(png1);
    // Receipts and other documents never have one.
    expect((await t.call('stock.moves', { kind: 'receipt' })).rows.map((r) => r.photoId)).toEqual([null]);

    const photo = await t.call('attachments.get', { id: png1! });
    expect(photo).toMatchObject({
      id: png1,
      ownerType: 'waste',
      ownerId: withPng.docId,
      fileName: '牛肉.png',
      mime: 'image/png',
      bytes: PNG.length,
    });
    expect(Buffer.from(photo.base64, 'base64').equals(PNG)).toBe(true);
    expect((await t.call('attachments.get', { id: jpeg! })).mime).toBe('image/jpeg');
  });

  it('is readable by any signed-in user, not by anyone signed out; an unknown id is not found', async () => {
    await setUp();
    const out = await waste({ fileName: 'a.png', bytes: PNG });
    const [row] = (await t.call('stock.moves', { docId: out.docId })).rows;
    await t.call('users.create', {
      username: 'tech',
      displayName: 'Tech',
      role: 'technician',
      authKind: 'pin',
      secret: '5678',
    } as never);
    expect((await t.fail('attachments.get', { id: row!.photoId! }, { token: null })).code).toBe('UNAUTHENTICATED');
    await t.call('session.logout', {} as never);
    await t.call('session.login', { username: 'tech', secret: '5678' } as never);
    expect((await t.call('attachments.get', { id: row!.photoId! })).fileName).toBe('a.png');
    const missing = await t.fail('attachments.get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: 'The file was not found.' });
  });

  it('does not show an exported transfer file as a photo of the transfer', async () => {
    await setUp();
    const out = await t.call('ops.transferOut', {
      toStore: 'BJ-002',
      areaId: fx.areas.cooler,
      lines: [{ itemId: fx.items.beef, qty: '1', unit: 'kg' }],
    });
    await t.call('ops.transferExport', { id: out.id });
    const rows = (await t.call('stock.moves', { docType: 'transfer', docId: out.id })).rows;
    expect(rows.map((r) => r.photoId)).toEqual([null]);
  });
});
