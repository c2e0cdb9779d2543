import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src-main/lib/ids';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

const KG = 1_000_000;
const YUAN = 10_000;

/** The fixture plus what counting needs: a count unit for beef, home areas, a category, an item with no stock. */
async function setUp() {
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
  const db = t.backend.database.sqlite;
  db.prepare("INSERT INTO item_units (item_id, unit, factor, purchase, count) VALUES (?, '箱', ?, 1, 1)").run(
    fx.items.beef,
    5 * KG,
  );
  db.prepare("UPDATE items SET category = 'dry', storage_area_id = ? WHERE id IN (?, ?)").run(
    fx.areas.dry,
    fx.items.rice,
    fx.items.cups,
  );
  const now = Date.now();
  const salt = uuidv7();
  db.prepare(
    `INSERT INTO items (id, code, name_zh, name_en, category, base_unit, active, lot_tracked, shelf_order, storage_area_id, created_at, updated_at)
     VALUES (?, 'T-SALT', '盐', 'Salt', 'dry', 'g', 1, 0, 0, ?, ?, ?)`,
  ).run(salt, fx.areas.dry, now, now);
  postStock(t, [
    { itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN },
    { itemId: fx.items.rice, areaId: fx.areas.dry, kind: 'receipt', qty: 20 * KG, value: 100 * YUAN },
    { itemId: fx.items.cups, areaId: fx.areas.dry, kind: 'receipt', qty: 500_000, value: 50 * YUAN },
  ]);
  return { salt };
}

const lineOf = async (countId: string, itemId: string) =>
  (await t.call('counts.get', { id: countId })).lines.find((l) => l.itemId === itemId)!;

describe('stocktake', () => {
  it('counts one area with the book frozen at start, and accounts for movements during the count', async () => {
    await setUp();
    const c = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    expect(c.number).toMatch(/^PD-\d{8}-01$/);
    expect(c.lines).toBe(1);

    // Used during the count, before the shelf is counted: expected follows, the book stays frozen.
    postStock(t, [{ itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'issue', qty: 2 * KG }]);
    let beef = await lineOf(c.id, fx.items.beef);
    expect(beef).toMatchObject({ bookQty: 10 * KG, expectedQty: 8 * KG, countedQty: null, areaCode: 'COOL' });

    const saved = await t.call('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '1 箱 + 2.5 kg' });
    expect(saved).toMatchObject({
      countedQty: 7.5 * KG,
      entry: '1 箱 + 2.5 kg',
      expectedQty: 8 * KG,
      varianceQty: -0.5 * KG,
      varianceValue: -40 * YUAN,
      countedBy: 'Boss',
      recount: false,
    });

    // Used after the shelf was counted: not part of what the counter saw.
    postStock(t, [{ itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'issue', qty: 1 * KG }]);
    beef = await lineOf(c.id, fx.items.beef);
    expect(beef).toMatchObject({ expectedQty: 8 * KG, varianceQty: -0.5 * KG });

    const totals = await t.call('counts.post', { id: c.id });
    expect(totals).toMatchObject({ lines: 1, counted: 1, adjustments: 1, varianceValue: -40 * YUAN });
    const moves = (await t.call('stock.moves', { docType: 'count', docId: c.id })).rows;
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ kind: 'count_adjust', qty: -0.5 * KG, value: -40 * YUAN });
    expect(moves[0]!.occurredAt).toBe(saved.countedAt);
    // 10 received, 2 + 1 used, 0.5 short at the count.
    expect((await t.call('stock.onHand', { itemId: fx.items.beef }))[0]!.qty).toBe(6.5 * KG);
  });

  it('a full count covers every area, adds home items with no stock at book 0, and blocks an overlapping count', async () => {
    const { salt } = await setUp();
    const full = await t.call('counts.start', { blind: true });
    const { lines, count } = await t.call('counts.get', { id: full.id });
    expect(count).toMatchObject({ status: 'open', blind: true, lines: 4, counted: 0 });
    expect(lines.map((l) => l.code).sort()).toEqual(['T-BEEF', 'T-CUP', 'T-RICE', 'T-SALT']);
    // Blind: the counter sees no book quantity.
    expect(lines.every((l) => l.bookQty === null && l.expectedQty === null)).toBe(true);

    const err = await t.fail('counts.start', { areaIds: [fx.areas.dry] });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(
      `Count ${full.number} is still open for area DRY. Post or cancel it before starting another count there.`,
    );

    // Found on the shelf although the book has none.
    const found = await t.call('counts.saveLine', {
      countId: full.id,
      itemId: salt,
      areaId: fx.areas.dry,
      entry: '2斤',
    });
    expect(found).toMatchObject({ countedQty: 1 * KG, bookQty: null, recount: true });

    await t.call('counts.post', { id: full.id });
    const after = await lineOf(full.id, salt);
    expect(after).toMatchObject({ bookQty: 0, varianceQty: 1 * KG });
    expect((await t.call('stock.onHand', { itemId: salt }))[0]!.qty).toBe(1 * KG);
    // Posted: the area is free again.
    expect((await t.call('counts.start', { areaIds: [fx.areas.dry] })).number).toMatch(/-02$/);
  });

  it('partial by category, and two areas can be counted at the same time', async () => {
    await setUp();
    const dry = await t.call('counts.start', { categories: ['dry'], areaIds: [fx.areas.dry] });
    const cool = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    expect(dry.lines).toBe(3);
    expect(cool.lines).toBe(1);
    const bad = await t.fail('counts.start', { categories: ['nope'], areaIds: [] });
    expect(bad.fields?.[0]).toMatchObject({ path: 'categories.0', message: 'Unknown category "nope".' });
  });

  it('flags lines over the recount limits and a recount simply saves the line again', async () => {
    await setUp();
    const c = await t.call('counts.start', { areaIds: [fx.areas.dry] });
    const rice = await lineOf(c.id, fx.items.rice);
    // 20 kg booked at ¥5/kg: 15 kg is 25% short (over 10%).
    expect((await t.call('counts.saveLine', { countId: c.id, lineId: rice.id, entry: '15kg' })).recount).toBe(true);
    // 19.5 kg is 2.5% and ¥2.50: within both limits.
    const again = await t.call('counts.saveLine', { countId: c.id, lineId: rice.id, entry: '19.5 kg' });
    expect(again).toMatchObject({ recount: false, varianceQty: -0.5 * KG, varianceValue: -2.5 * YUAN });
    expect((await t.call('counts.preview', { id: c.id })).recount).toBe(0);
  });

  it('refuses bad entries and lines not in the count with a clear message, writing nothing', async () => {
    await setUp();
    const c = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    const beef = await lineOf(c.id, fx.items.beef);

    const unit = await t.fail('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '3 kgs' });
    expect(unit.code).toBe('VALIDATION');
    expect(unit.message).toMatch(/^Unknown unit "kgs"\. Use one of: 箱 g 克 kg/);
    expect(unit.fields?.[0]?.path).toBe('entry');
    expect((await t.fail('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '-2 kg' })).message).toBe(
      'A count cannot be negative. Enter what is on the shelf (0 if nothing).',
    );
    expect((await t.fail('counts.saveLine', { countId: c.id, lineId: beef.id, entry: 'lots' })).code).toBe(
      'VALIDATION',
    );

    const missing = await t.fail('counts.saveLine', {
      countId: c.id,
      itemId: fx.items.rice,
      areaId: fx.areas.dry,
      entry: '1 kg',
    });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe(
      `T-RICE in area DRY (lot -) is not in count ${c.number}. Count it in its own area, or start a count that covers it.`,
    );
    const zh = await t.fail('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '3 桶' }, { locale: 'zh-CN' });
    expect(zh.message).toMatch(/^不认识的单位“桶”/);

    expect(await lineOf(c.id, fx.items.beef)).toMatchObject({ countedQty: null, entry: '' });
  });

  it('posts all adjustments in one transaction: a failing line leaves the count open and nothing written', async () => {
    await setUp();
    const c = await t.call('counts.start', {});
    const { lines } = await t.call('counts.get', { id: c.id });
    const beef = lines.find((l) => l.itemId === fx.items.beef)!;
    await t.call('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '9kg' });
    // The dry store is closed after the count started: its zeroed lines cannot be posted.
    t.backend.database.sqlite.prepare('UPDATE storage_areas SET active = 0 WHERE id = ?').run(fx.areas.dry);

    const preview = await t.call('counts.preview', { id: c.id, uncounted: 'zero' });
    expect(preview).toMatchObject({ lines: 4, counted: 1, uncounted: 3, adjustments: 3 });
    const err = await t.fail('counts.post', { id: c.id, uncounted: 'zero' });
    expect(err.code).toBe('VALIDATION');
    expect((await t.call('counts.get', { id: c.id })).count.status).toBe('open');
    expect((await t.call('stock.moves', { docType: 'count', docId: c.id })).rows).toHaveLength(0);
    expect((await lineOf(c.id, fx.items.rice)).countedQty).toBeNull();
    expect((await t.call('stock.onHand', { itemId: fx.items.beef }))[0]!.qty).toBe(10 * KG);

    // Skipping the uncounted lines posts the one counted line.
    expect(await t.call('counts.post', { id: c.id })).toMatchObject({ adjustments: 1, uncounted: 3 });
    expect((await t.call('stock.onHand', { itemId: fx.items.beef }))[0]!.qty).toBe(9 * KG);
  });

  it('a posted count cannot be posted, cancelled or changed again; a cancelled one posts nothing', async () => {
    await setUp();
    const c = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    const beef = await lineOf(c.id, fx.items.beef);
    await t.call('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '2箱' });
    await t.call('counts.post', { id: c.id });
    const twice = await t.fail('counts.post', { id: c.id });
    expect(twice).toMatchObject({
      code: 'CONFLICT',
      message: `Count ${c.number} is already posted and can no longer be changed.`,
    });
    expect((await t.fail('counts.cancel', { id: c.id })).code).toBe('CONFLICT');
    expect((await t.fail('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '1 kg' })).code).toBe('CONFLICT');
    // 2 箱 = 10 kg is exactly the book: no variance, no adjustment row.
    expect((await t.call('stock.moves', { docType: 'count', docId: c.id })).rows).toHaveLength(0);

    const c2 = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    await t.call('counts.cancel', { id: c2.id });
    expect((await t.fail('counts.post', { id: c2.id })).message).toBe(
      `Count ${c2.number} was cancelled and can no longer be changed.`,
    );
    expect((await t.call('counts.list', { status: 'cancelled' })).map((x) => x.number)).toEqual([c2.number]);
  });

  it('clerks enter counts but cannot start or post', async () => {
    await setUp();
    const c = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    await t.call('users.create', {
      username: 'clerk9',
      displayName: 'Clerk Nine',
      role: 'clerk',
      authKind: 'pin',
      secret: '9999',
    });
    await t.call('session.login', { username: 'clerk9', secret: '9999' });
    const beef = await lineOf(c.id, fx.items.beef);
    expect((await t.call('counts.saveLine', { countId: c.id, lineId: beef.id, entry: '10kg' })).countedBy).toBe(
      'Clerk Nine',
    );
    expect((await t.fail('counts.post', { id: c.id })).code).toBe('FORBIDDEN');
    expect((await t.fail('counts.start', {})).code).toBe('FORBIDDEN');
  });
});
