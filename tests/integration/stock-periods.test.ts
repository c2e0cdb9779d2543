import { afterEach, describe, expect, it } from 'vitest';
import { MOVE_KINDS, type MoveKind } from '../../src-shared/stock-kinds';
import { applyMove, emptyCost, moveValue } from '../../src-main/services/stock/costing';
import { addMonths } from '../../src-shared/time';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, dayFromToday } from '../helpers/ops';
import { failStock, postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

const thisMonth = () => dayFromToday(0).slice(0, 7);
/** A time on day `d` of the month `n` months before this one (Asia/Shanghai). */
const inMonth = (n: number, d: number) =>
  Date.parse(`${addMonths(thisMonth(), -n)}-${String(d).padStart(2, '0')}T10:00:00+08:00`);

async function setUp(opts: { now?: () => number } = {}) {
  t = await openSetUpBackend(opts);
  fx = seedStockFixture(t);
  for (const [username, role, secret] of [
    ['clerk', 'clerk', '3456'],
    ['manager', 'manager', '2345'],
  ] as const) {
    await t.call('users.create', {
      username,
      displayName: username.toUpperCase(),
      role,
      authKind: 'pin',
      secret,
    } as never);
  }
  const beef = { itemId: fx.items.beef, areaId: fx.areas.cooler };
  // Two months ago 10 kg came in at ¥80/kg; last month 2 kg were issued.
  postStock(t, [
    { ...beef, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN, occurredAt: inMonth(2, 15) },
    { ...beef, kind: 'issue', qty: 2 * KG, occurredAt: inMonth(1, 10) },
  ]);
}

async function as(username: string, secret: string) {
  t.token = null;
  await t.call('session.login', { username, secret } as never);
}

const monthly = (month: string) =>
  t.backend.database.sqlite
    .prepare('SELECT kind, qty, value, moves FROM stock_monthly WHERE month = ? ORDER BY kind')
    .all(month);

describe('month-end closing', () => {
  it('a manager closes past months in order; nothing can then be dated in them, by anyone', async () => {
    await setUp();
    const [m0, m1, m2] = [thisMonth(), addMonths(thisMonth(), -1), addMonths(thisMonth(), -2)];
    await as('clerk', '3456');
    expect((await t.fail('periods.list', {})).code).toBe('FORBIDDEN');
    expect((await t.fail('periods.close', { month: m1 })).code).toBe('FORBIDDEN');

    await as('manager', '2345');
    const before = await t.call('periods.list', {});
    expect(before.map((p) => [p.month, p.state, p.moves, p.canClose, p.canReopen])).toEqual([
      [m0, 'current', 0, false, false],
      [m1, 'open', 1, true, false],
      [m2, 'open', 1, true, false],
    ]);
    const current = await t.fail('periods.close', { month: m0 });
    expect(current.fields?.[0]).toEqual({
      path: 'month',
      message: `Only a month that has ended can be closed (${m0} is not before ${m0}).`,
    });
    expect((await t.fail('periods.close', { month: '2026-13' })).fields?.[0]?.path).toBe('month');

    // Closing last month closes the one before it first.
    const after = await t.call('periods.close', { month: m1 });
    expect(after.map((p) => [p.month, p.state, p.closedBy, p.canReopen])).toEqual([
      [m0, 'current', null, false],
      [m1, 'closed', 'MANAGER', true],
      [m2, 'closed', 'MANAGER', false],
    ]);
    expect((await t.fail('periods.close', { month: m2 })).code).toBe('CONFLICT');
    const audit = (await t.call('audit.list', { method: 'periods.close' })).rows;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      input: { month: m1 },
      changes: [
        { table: 'stock_periods', id: m2, op: 'insert' },
        { table: 'stock_periods', id: m1, op: 'insert' },
      ],
    });

    // Not even the system may date a movement in a closed month.
    const late = failStock(t, [
      {
        itemId: fx.items.rice,
        areaId: fx.areas.dry,
        kind: 'receipt',
        qty: KG,
        value: 5 * YUAN,
        occurredAt: inMonth(1, 28),
      },
    ]);
    expect(late).toMatchObject({ code: 'CONFLICT' });
    expect(late.fields?.[0]).toEqual({
      path: 'moves.0.occurredAt',
      message: `${m1} is closed: T-RICE cannot be dated ${m1}-28. Record it with today’s date, or ask an admin to reopen ${m1}.`,
    });

    // A movement of a closed month is corrected today, by a compensating entry; the closed month stays as it was.
    const closedTotals = monthly(m1);
    const [issue] = (await t.call('stock.moves', { kind: 'issue' })).rows;
    const back = await t.call('stock.reverse', { seq: issue!.seq, note: 'not used after all' });
    expect(back).toMatchObject({ qty: 2 * KG, value: 160 * YUAN });
    expect((await t.call('stock.moves', { docType: 'reversal', from: dayFromToday(0) })).rows).toHaveLength(1);
    expect(monthly(m1)).toEqual(closedTotals);
    expect((await t.call('stock.onHand', { itemId: fx.items.beef }))[0]).toMatchObject({
      qty: 10 * KG,
      value: 800 * YUAN,
    });
  });

  it('only an admin reopens, only the latest closed month, with a reason, and it is audited', async () => {
    await setUp();
    const [m1, m2] = [addMonths(thisMonth(), -1), addMonths(thisMonth(), -2)];
    await as('manager', '2345');
    await t.call('periods.close', { month: m1 });
    expect((await t.fail('periods.reopen', { month: m1, reason: 'late invoice' })).code).toBe('FORBIDDEN');

    await as('boss', '1234');
    expect((await t.fail('periods.reopen', { month: m1, reason: ' ' })).fields?.[0]?.path).toBe('reason');
    const older = await t.fail('periods.reopen', { month: m2, reason: 'late invoice' });
    expect(older).toMatchObject({ code: 'CONFLICT' });
    expect(older.fields?.[0]?.message).toBe(
      `Only the latest closed month (${m1}) can be reopened. Reopen the later months first.`,
    );
    const list = await t.call('periods.reopen', { month: m1, reason: '供应商发票晚到，补录入库' });
    const row = list.find((p) => p.month === m1)!;
    expect(row).toMatchObject({
      state: 'open',
      reopenedBy: 'Boss',
      reopenReason: '供应商发票晚到，补录入库',
      canClose: true,
    });
    expect(list.find((p) => p.month === m2)).toMatchObject({ state: 'closed', canReopen: true });
    const audit = (await t.call('audit.list', { method: 'periods.reopen' })).rows;
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      input: { month: m1, reason: '供应商发票晚到，补录入库' },
      changes: [{ table: 'stock_periods', id: m1, op: 'update', values: { status: 'reopened' } }],
    });

    // The reopened month takes movements again; the older one does not.
    const rice = { itemId: fx.items.rice, areaId: fx.areas.dry, kind: 'receipt' as const, qty: KG, value: 5 * YUAN };
    postStock(t, [{ ...rice, occurredAt: inMonth(1, 20) }]);
    expect(failStock(t, [{ ...rice, occurredAt: inMonth(2, 20) }]).code).toBe('CONFLICT');
    // Closed again later, by a manager.
    await as('manager', '2345');
    const again = await t.call('periods.close', { month: m1 });
    expect(again.find((p) => p.month === m1)).toMatchObject({
      state: 'closed',
      reopenReason: '供应商发票晚到，补录入库',
    });
  });

  it('waits for an open stocktake counted in the month, and refuses a month whose totals do not match its ledger', async () => {
    const clock = { now: inMonth(1, 12) };
    await setUp({ now: () => clock.now });
    const m1 = addMonths(thisMonth(), -1);
    const c = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    const [line] = (await t.call('counts.get', { id: c.id })).lines;
    await t.call('counts.saveLine', { countId: c.id, lineId: line!.id, entry: '8 kg' });
    clock.now = Date.now();
    await as('manager', '2345');
    const open = await t.fail('periods.close', { month: m1 });
    expect(open).toMatchObject({
      code: 'CONFLICT',
      message: `Stocktake ${c.number} is still open and has lines counted in ${m1} or earlier: post or cancel it before closing ${m1}.`,
    });
    await t.call('counts.cancel', { id: c.id });

    // A total changed behind the app's back: closing would freeze it.
    t.backend.database.sqlite
      .prepare("UPDATE stock_monthly SET value = value + 1 WHERE month = ? AND kind = 'receipt'")
      .run(addMonths(m1, -1));
    const bad = await t.fail('periods.close', { month: m1 });
    expect(bad.message).toContain(`The totals of ${addMonths(m1, -1)} do not add up to its movements`);
    expect((await t.call('periods.list', {})).filter((p) => p.state === 'closed')).toEqual([]);
  });

  it('a back-dated movement after closing replays costs from the closed month’s end, equal to a full recomputation', async () => {
    await setUp();
    const cups = { itemId: fx.items.cups, areaId: fx.areas.dry };
    // The cups run out two months ago (the average before then is needed to value what follows).
    postStock(t, [
      { ...cups, kind: 'receipt', qty: 10_000, value: 100 * YUAN, occurredAt: inMonth(2, 3) },
      { ...cups, kind: 'issue', qty: 10_000, occurredAt: inMonth(2, 4) },
      { ...cups, kind: 'receipt', qty: 5_000, value: 60 * YUAN, occurredAt: inMonth(1, 10) },
      { ...cups, kind: 'issue', qty: 5_000, occurredAt: inMonth(1, 20) },
    ]);
    await as('manager', '2345');
    await t.call('periods.close', { month: addMonths(thisMonth(), -2) });
    // The closed month keeps each item's cost state at its end: no cups left, last at ¥10 a cup.
    expect(
      t.backend.database.sqlite
        .prepare(
          'SELECT qty, value, last_qty AS lastQty, last_value AS lastValue FROM stock_period_costs WHERE item_id = ?',
        )
        .all(fx.items.cups),
    ).toEqual([{ qty: 0, value: 0, lastQty: 10_000, lastValue: 100 * YUAN }]);
    const frozen = t.backend.database.sqlite
      .prepare('SELECT seq, value FROM stock_moves WHERE occurred_at < ? ORDER BY seq')
      .all(inMonth(1, 1));

    // Forgotten: 5 more cups at ¥8 each on the 5th of last month. The issue of the 20th now leaves at ¥10 a cup.
    postStock(t, [{ ...cups, kind: 'receipt', qty: 5_000, value: 40 * YUAN, occurredAt: inMonth(1, 5) }]);
    const rows = t.backend.database.sqlite
      .prepare(
        'SELECT seq, kind, qty, value, reverses_seq AS rev, occurred_at AS at FROM stock_moves WHERE item_id = ? ORDER BY occurred_at, seq',
      )
      .all(fx.items.cups) as {
      seq: number;
      kind: MoveKind;
      qty: number;
      value: number;
      rev: number | null;
      at: number;
    }[];
    expect(rows.at(-1)).toMatchObject({ kind: 'issue', value: -50 * YUAN });
    const s = emptyCost();
    for (const r of rows) {
      const fixedValue = r.qty > 0 && MOVE_KINDS[r.kind].valued === 'input';
      expect(r.value, `seq ${r.seq}`).toBe(moveValue(s, { kind: r.kind, qty: r.qty, value: r.value, fixedValue }));
      applyMove(s, r.qty, r.value);
    }
    const cost = t.backend.database.sqlite
      .prepare('SELECT qty, value FROM item_costs WHERE item_id = ?')
      .get(fx.items.cups);
    expect(cost).toEqual({ qty: s.qty, value: s.value });
    expect(
      t.backend.database.sqlite
        .prepare('SELECT seq, value FROM stock_moves WHERE occurred_at < ? ORDER BY seq')
        .all(inMonth(1, 1)),
    ).toEqual(frozen);
  });
});
