import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src-main/services/context';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, dayFromToday, setNegativeStock } from '../helpers/ops';
import { failStock, postStock, seedStockFixture, type StockFixture, type TestMove } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

const DAY = 86_400_000;
/** Noon of a store day (Asia/Shanghai) `n` days from today. */
const noon = (n: number) => Date.parse(`${dayFromToday(n)}T12:00:00+08:00`);

async function setUp(opts: { now?: () => number } = {}) {
  t = await openSetUpBackend(opts);
  fx = seedStockFixture(t);
}

async function addUser(username: string, role: SessionUser['role'], secret: string): Promise<SessionUser> {
  await t.call('users.create', { username, displayName: username, role, authKind: 'pin', secret } as never);
  const row = t.backend.database.sqlite
    .prepare('SELECT id, username, display_name AS displayName, role FROM users WHERE username = ?')
    .get(username) as SessionUser;
  return row;
}

/** Signs in afresh (a clock jump has expired the session the store was set up with). */
async function signIn(username: string, secret: string) {
  t.token = null;
  await t.call('session.login', { username, secret } as never);
}

describe('no method posts arbitrary movements', () => {
  it('stock.post is not an API method any more, for any role', async () => {
    await setUp();
    const move = { itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: KG, value: 1 };
    const err = await t.fail('stock.post', { moves: [{ ...move, occurredAt: '0001-01-01T00:00:00.000Z' }] });
    expect(err.code).toBe('UNKNOWN_METHOD');
    expect((await t.call('stock.moves', {})).rows).toHaveLength(0);
  });
});

describe('how far back a movement may be dated', () => {
  it('a clerk records today only, a manager within the store setting, the system freely', async () => {
    await setUp();
    const clerk = await addUser('clerk', 'clerk', '3456');
    const manager = await addUser('manager', 'manager', '2345');
    const beef = (occurredAt: number, qty = KG): TestMove => ({
      itemId: fx.items.beef,
      areaId: fx.areas.cooler,
      kind: 'receipt',
      qty,
      value: 80 * YUAN,
      occurredAt,
    });

    const yesterday = failStock(t, [beef(noon(-1))], { user: clerk });
    expect(yesterday.code).toBe('VALIDATION');
    expect(yesterday.fields).toEqual([
      {
        path: 'moves.0.occurredAt',
        message: `You can record movements for today only (${dayFromToday(0)}): T-BEEF is dated ${dayFromToday(-1)}. Ask a manager to record earlier ones.`,
      },
    ]);
    expect(failStock(t, [beef(noon(-1))], { user: clerk, locale: 'zh-CN' }).message).toBe(
      `您只能记录今天（${dayFromToday(0)}）的流水，T-BEEF 不能记到 ${dayFromToday(-1)}。更早的流水请由店长记录。`,
    );
    // Today in the store's time zone: from its midnight on.
    postStock(t, [beef(Date.parse(`${dayFromToday(0)}T00:00:00+08:00`))], { user: clerk });

    postStock(t, [beef(noon(-7))], { user: manager });
    expect(failStock(t, [beef(noon(-8))], { user: manager }).fields?.[0]?.message).toBe(
      `Movements can be dated at most 7 days back (from ${dayFromToday(-7)}): T-BEEF is dated ${dayFromToday(-8)}. Ask an admin, or change the limit in the store settings.`,
    );

    // The admin sets the store's own limits on the settings screen.
    const { store, settings } = await t.call('store.get', {});
    expect(settings.backdateDays).toEqual({ clerk: 0, technician: 0, manager: 7, admin: 31 });
    const { code: _code, id: _id, ...storeInput } = store;
    await t.call('store.update', {
      store: storeInput,
      settings: { ...settings, backdateDays: { clerk: 1, technician: 0, manager: 2, admin: 31 } },
    });
    postStock(t, [beef(noon(-1))], { user: clerk });
    expect(failStock(t, [beef(noon(-3))], { user: manager }).code).toBe('VALIDATION');

    // The system (demo year, generator, benchmarks) builds history.
    postStock(t, [beef(noon(-400))]);
    expect((await t.call('stock.moves', { itemId: fx.items.beef })).rows).toHaveLength(4);
  });

  it('a count posted long after its lines were counted needs someone allowed to date that far back', async () => {
    const clock = { now: Date.now() - 10 * DAY };
    await setUp({ now: () => clock.now });
    postStock(
      t,
      [{ itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN }],
      {
        now: clock.now - 60_000,
      },
    );
    await t.call('users.create', {
      username: 'manager',
      displayName: 'Manager',
      role: 'manager',
      authKind: 'pin',
      secret: '2345',
    } as never);
    const c = await t.call('counts.start', { areaIds: [fx.areas.cooler] });
    const [line] = (await t.call('counts.get', { id: c.id })).lines;
    await t.call('counts.saveLine', { countId: c.id, lineId: line!.id, entry: '9.5 kg' });

    clock.now = Date.now();
    await signIn('manager', '2345');
    const err = await t.fail('counts.post', { id: c.id });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain('at most 7 days back');
    expect((await t.call('stock.moves', { docType: 'count' })).rows).toHaveLength(0);

    await signIn('boss', '1234'); // the admin: 31 days
    await t.call('counts.post', { id: c.id });
    expect((await t.call('stock.onHand', { itemId: fx.items.beef }))[0]!.qty).toBe(9.5 * KG);
  });
});

describe('magnitudes', () => {
  it('refuses a value beyond a billion, or a cost per base unit beyond a million, naming the field', async () => {
    await setUp();
    const base = { itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt' as const };
    const big = failStock(t, [{ ...base, qty: 100_000 * KG, value: 1_000_000_001 * YUAN }]);
    expect(big.fields).toEqual([
      {
        path: 'moves.0.value',
        message:
          'The value of this T-BEEF movement is beyond what a store books on one line (at most 1000000000.00). Check the price and the quantity.',
      },
    ]);
    // 1 mg at ¥10,000: ¥10 million a gram would make every later issue of beef nonsense.
    const tiny = failStock(t, [{ ...base, qty: 1, value: 10_000 * YUAN }]);
    expect(tiny.fields?.[0]).toEqual({
      path: 'moves.0.value',
      message: 'At that value T-BEEF would cost more than 1000000.00 per g. Check the price and its unit.',
    });
    expect((await t.call('stock.moves', {})).rows).toHaveLength(0);
  });

  it('refuses a receipt at an absurd price at the receiving desk, naming the line', async () => {
    await setUp();
    const r = await t.call('receipts.open', { areaId: fx.areas.cooler });
    // 10 t of beef at a million a kilo: ten billion on one line.
    await t.call('receipts.addLine', {
      receiptId: r.id,
      line: { itemId: fx.items.beef, qty: '10000', unit: 'kg', price: 1_000_000 * YUAN, priceUnit: 'kg' },
    });
    const err = await t.fail('receipts.postAll', { receiptId: r.id, confirm: true }, { locale: 'zh-CN' });
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.[0]?.path).toBe('lines.0.value');
    expect(err.fields?.[0]?.message).toBe('T-BEEF 这一笔的金额超出单笔上限（最多 1000000000.00）。请检查单价和数量。');
    expect((await t.call('stock.moves', {})).rows).toHaveLength(0);
  });
});

describe('stock never below zero, at any moment, when the store refuses negative stock', () => {
  it('refuses a back-dated outbound that takes from stock later movements already used, though today is fine', async () => {
    await setUp();
    const rice = { itemId: fx.items.rice, areaId: fx.areas.dry };
    postStock(t, [
      { ...rice, kind: 'receipt', qty: 1 * KG, value: 5 * YUAN, occurredAt: noon(-10) },
      { ...rice, kind: 'issue', qty: 0.8 * KG, occurredAt: noon(-2) },
      { ...rice, kind: 'receipt', qty: 1 * KG, value: 5 * YUAN },
    ]);
    // Today 1.2 kg are there; but on day -5 taking 0.5 kg leaves 0.5, and day -2 then takes 0.8.
    const err = failStock(t, [{ ...rice, kind: 'issue', qty: 0.5 * KG, occurredAt: noon(-5) }]);
    expect(err.code).toBe('CONFLICT');
    expect(err.fields).toEqual([
      {
        path: 'moves.0.qty',
        message: `Not enough T-RICE on ${dayFromToday(-2)}: this movement would leave -300 g in stock then, because later movements already used it. Date it later, or record the missing receipt first.`,
      },
    ]);
    const summary = await t.call('reports.summary', { from: dayFromToday(-2), to: dayFromToday(0) });
    expect(summary.rows.find((r) => r.itemId === fx.items.rice)?.openingQty).toBe(1 * KG);
    // Where the store allows negative stock, it is recorded (and flagged) as before.
    setNegativeStock(t, 'allow');
    postStock(t, [{ ...rice, kind: 'issue', qty: 0.5 * KG, occurredAt: noon(-5) }]);
  });

  it('holds for any mix of dated receipts, issues, counts and reversals (property-based)', async () => {
    await setUp();
    const items = [fx.items.beef, fx.items.rice];
    const sqlite = t.backend.database.sqlite;
    const op = fc.record({
      kind: fc.constantFrom(
        'receipt' as const,
        'issue' as const,
        'waste' as const,
        'count_adjust' as const,
        'rev' as const,
      ),
      item: fc.nat(1),
      qty: fc.integer({ min: 1, max: 9000 }),
      day: fc.integer({ min: -30, max: 0 }),
      sign: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
        for (const o of ops) {
          try {
            if (o.kind === 'rev') {
              const seqs = sqlite
                .prepare(
                  'SELECT seq FROM stock_moves m WHERE reverses_seq IS NULL AND NOT EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses_seq = m.seq)',
                )
                .all() as { seq: number }[];
              const seq = seqs[o.qty % Math.max(seqs.length, 1)]?.seq;
              if (seq) await t.call('stock.reverse', { seq, note: 'x' }).catch(() => undefined);
              continue;
            }
            const at = noon(o.day) - (o.qty % 3600) * 1000;
            const m = { itemId: items[o.item]!, areaId: fx.areas.dry, occurredAt: at };
            postStock(t, [
              o.kind === 'receipt'
                ? { ...m, kind: 'receipt', qty: o.qty, value: o.qty * 3 }
                : o.kind === 'count_adjust'
                  ? { ...m, kind: 'count_adjust', qty: o.sign ? o.qty : -o.qty }
                  : { ...m, kind: o.kind, qty: o.qty },
            ]);
          } catch {
            // Refused: the ledger must be as before, which the check below covers.
          }
        }
        const below = sqlite
          .prepare(
            `SELECT count(*) AS n FROM (SELECT sum(qty) OVER (PARTITION BY item_id, area_id, lot ORDER BY occurred_at, seq) AS run
             FROM stock_moves) WHERE run < 0`,
          )
          .get() as { n: number };
        expect(below.n).toBe(0);
      }),
      { numRuns: 40, seed: 9 },
    );
  });
});
