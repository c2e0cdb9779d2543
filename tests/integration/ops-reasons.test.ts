import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';
import { KG, YUAN, count } from '../helpers/ops';
import { postStock, seedStockFixture, type StockFixture } from '../helpers/stock';

let t: TestBackend;
let fx: StockFixture;
afterEach(() => t?.close());

async function setUp() {
  t = await openSetUpBackend();
  fx = seedStockFixture(t);
  postStock(t, [{ itemId: fx.items.beef, areaId: fx.areas.cooler, kind: 'receipt', qty: 10 * KG, value: 800 * YUAN }]);
}

async function signInAs(role: 'manager' | 'clerk') {
  await t.call('users.create', {
    username: role,
    displayName: role,
    role,
    authKind: 'pin',
    secret: '2345',
  } as never);
  await t.call('session.logout', {} as never);
  await t.call('session.login', { username: role, secret: '2345' } as never);
}

const waste = (reason: string) =>
  t.call('ops.waste', {
    areaId: fx.areas.cooler,
    lines: [{ itemId: fx.items.beef, qty: '0.5', unit: 'kg', reason }],
  });

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('reason codes', () => {
  it('lists the fixed kinds and any other kind found, each code with how often it is used', async () => {
    await setUp();
    await waste('spoiled');
    await waste('spoiled');
    // Every kind with codes shows up: the fixed ones first, then the repairs' codes, seeded with the database.
    t.backend.database.sqlite
      .prepare(
        "INSERT INTO reason_codes (kind, code, name_zh, name_en, active) VALUES ('reject', 'warm', '温度超标', 'Too warm', 1)",
      )
      .run();
    const list = await t.call('reasons.list', {});
    expect(list.kinds).toEqual(['waste', 'adjustment', 'reject', 'repair_cause', 'repair_fix']);
    const waste6 = list.rows.filter((r) => r.kind === 'waste');
    expect(waste6.map((r) => r.code)).toEqual(['spoiled', 'expired', 'prep', 'damaged', 'return', 'other']);
    expect(waste6[0]).toEqual({
      kind: 'waste',
      code: 'spoiled',
      nameZh: '变质',
      nameEn: 'Spoiled',
      active: true,
      uses: 2,
    });
    expect(waste6[1]!.uses).toBe(0);
    expect(list.rows.find((r) => r.kind === 'reject' && r.code === 'warm')).toMatchObject({ uses: 0 });
  });

  it('gives waste and rejection the same built-in codes rule: written once, an edited or deactivated one kept', async () => {
    await setUp();
    const sqlite = t.backend.database.sqlite;
    const rejects = async () => (await t.call('receipts.settings', {})).rejectReasons;
    expect((await rejects()).map((r) => r.code)).toEqual([
      'damaged',
      'temperature',
      'expired',
      'short_dated',
      'quality',
      'wrong_item',
      'over_delivery',
      'other',
    ]);
    expect((await t.call('ops.pickers', {})).reasons).toHaveLength(6);
    // An admin renames one built-in code of each kind and retires another: reading the lists again brings neither back.
    for (const kind of ['waste', 'reject']) {
      sqlite.prepare("UPDATE reason_codes SET name_en = 'Mine' WHERE kind = ? AND code = 'damaged'").run(kind);
      sqlite.prepare("UPDATE reason_codes SET active = 0 WHERE kind = ? AND code = 'expired'").run(kind);
    }
    const wasteNow = (await t.call('ops.pickers', {})).reasons;
    expect(wasteNow.find((r) => r.code === 'damaged')?.nameEn).toBe('Mine');
    expect(wasteNow.map((r) => r.code)).not.toContain('expired');
    const rejectNow = await rejects();
    expect(rejectNow.find((r) => r.code === 'damaged')?.nameEn).toBe('Mine');
    expect(rejectNow.map((r) => r.code)).not.toContain('expired');
    const count = (kind: string) =>
      (sqlite.prepare('SELECT count(*) AS n FROM reason_codes WHERE kind = ?').get(kind) as { n: number }).n;
    expect([count('waste'), count('reject')]).toEqual([6, 8]);
  });

  it('adds a code that the waste screen offers at once, and renames it everywhere it shows', async () => {
    await setUp();
    const added = await t.call('reasons.save', { kind: 'waste', code: 'burnt', nameZh: '烧焦', nameEn: 'Burnt' });
    expect(added).toEqual({ kind: 'waste', code: 'burnt', nameZh: '烧焦', nameEn: 'Burnt', active: true, uses: 0 });
    expect((await t.call('ops.pickers', {})).reasons.map((r) => r.code)).toContain('burnt');

    const out = await waste('burnt');
    const renamed = await t.call('reasons.save', {
      kind: 'waste',
      code: 'burnt',
      originalCode: 'burnt',
      nameZh: '烤焦',
      nameEn: 'Scorched',
    });
    expect(renamed).toMatchObject({ nameZh: '烤焦', nameEn: 'Scorched', uses: 1 });
    const [row] = (await t.call('stock.moves', { docId: out.docId })).rows;
    expect(row).toMatchObject({ reason: 'burnt', reasonZh: '烤焦', reasonEn: 'Scorched' });
    const report = await t.call('reports.waste', { from: today(), to: today() });
    expect(report.byReason).toEqual([expect.objectContaining({ reason: 'burnt', nameZh: '烤焦', nameEn: 'Scorched' })]);

    // Both changes are in the audit log with before and after.
    const audit = (await t.call('audit.list', { method: 'reasons.save' })).rows;
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.detail).changes).toEqual([
      {
        table: 'reason_codes',
        id: 'waste/burnt',
        op: 'update',
        values: { nameZh: '烤焦', nameEn: 'Scorched' },
        before: { nameZh: '烧焦', nameEn: 'Burnt' },
      },
    ]);
  });

  it('refuses a bad code format, missing names, a duplicate code and an unknown kind, next to the field', async () => {
    await setUp();
    const format = await t.fail('reasons.save', { kind: 'waste', code: 'Burnt!', nameZh: '烧焦', nameEn: 'Burnt' });
    expect(format.code).toBe('VALIDATION');
    expect(format.fields).toEqual([
      { path: 'code', message: 'Use lowercase letters, digits, - and _ (for example spoiled).' },
    ]);

    const names = await t.fail(
      'reasons.save',
      { kind: 'waste', code: 'burnt', nameZh: ' ', nameEn: '' },
      { locale: 'zh-CN' },
    );
    expect(names.fields?.map((f) => f.path).sort()).toEqual(['nameEn', 'nameZh']);
    expect(names.fields?.[0]?.message).toBe('必填。');

    const dup = await t.fail('reasons.save', { kind: 'waste', code: 'spoiled', nameZh: '坏了', nameEn: 'Bad' });
    expect(dup).toMatchObject({ code: 'CONFLICT', message: 'Code spoiled already exists for this kind.' });
    expect(dup.fields?.[0]?.path).toBe('code');

    const kind = await t.fail('reasons.save', { kind: 'bogus', code: 'x', nameZh: '某', nameEn: 'X' });
    expect(kind.fields).toEqual([{ path: 'kind', message: 'Unknown kind of reason "bogus".' }]);

    // The same code in another kind is a different code.
    await t.call('reasons.save', { kind: 'adjustment', code: 'spoiled', nameZh: '变质调整', nameEn: 'Spoiled adj.' });
    expect(count(t, "SELECT count(*) AS n FROM reason_codes WHERE code = 'spoiled'")).toBe(2);
  });

  it('re-codes a code nothing uses, and refuses to re-code one that movements use', async () => {
    await setUp();
    await t.call('reasons.save', { kind: 'waste', code: 'burnt', nameZh: '烧焦', nameEn: 'Burnt' });
    const recoded = await t.call('reasons.save', {
      kind: 'waste',
      code: 'scorched',
      originalCode: 'burnt',
      nameZh: '烧焦',
      nameEn: 'Burnt',
    });
    expect(recoded.code).toBe('scorched');
    await waste('scorched');
    const used = await t.fail('reasons.save', {
      kind: 'waste',
      code: 'burned',
      originalCode: 'scorched',
      nameZh: '烧焦',
      nameEn: 'Burnt',
    });
    expect(used).toMatchObject({
      code: 'CONFLICT',
      message: 'Code scorched is used by 1 entries: rename or deactivate it instead.',
    });
    expect(used.fields?.[0]?.path).toBe('code');
    const taken = await t.fail('reasons.save', {
      kind: 'waste',
      code: 'prep',
      originalCode: 'other',
      nameZh: '其他',
      nameEn: 'Other',
    });
    expect(taken.message).toBe('Code prep already exists for this kind.');
  });

  it('deactivates: the code leaves the pick list and is refused for new waste, old entries keep its name', async () => {
    await setUp();
    const old = await waste('damaged');
    const off = await t.call('reasons.setActive', { kind: 'waste', code: 'damaged', active: false });
    expect(off).toMatchObject({ active: false, uses: 1 });
    expect((await t.call('ops.pickers', {})).reasons.map((r) => r.code)).not.toContain('damaged');
    const refused = await t.fail('ops.waste', {
      areaId: fx.areas.cooler,
      lines: [{ itemId: fx.items.beef, qty: '1', unit: 'kg', reason: 'damaged' }],
    });
    expect(refused.fields?.[0]?.path).toBe('lines.0.reason');
    const [row] = (await t.call('stock.moves', { docId: old.docId })).rows;
    expect(row).toMatchObject({ reasonZh: '破损', reasonEn: 'Damaged' });

    await t.call('reasons.setActive', { kind: 'waste', code: 'damaged', active: true });
    expect((await t.call('ops.pickers', {})).reasons.map((r) => r.code)).toContain('damaged');
  });

  it('keeps one active code per kind', async () => {
    await setUp();
    for (const code of ['spoiled', 'expired', 'prep', 'damaged', 'return']) {
      await t.call('reasons.setActive', { kind: 'waste', code, active: false });
    }
    const last = await t.fail('reasons.setActive', { kind: 'waste', code: 'other', active: false });
    expect(last).toMatchObject({
      code: 'CONFLICT',
      message: 'other is the last active code of its kind: add or reactivate another one first.',
    });
    expect((await t.call('ops.pickers', {})).reasons.map((r) => r.code)).toEqual(['other']);
  });

  it('lets a manager look but only an admin change, and keeps clerks out', async () => {
    await setUp();
    await signInAs('manager');
    expect((await t.call('reasons.list', {})).rows.length).toBeGreaterThan(0);
    const save = await t.fail('reasons.save', { kind: 'waste', code: 'burnt', nameZh: '烧焦', nameEn: 'Burnt' });
    expect(save.code).toBe('FORBIDDEN');
    const deactivate = await t.fail('reasons.setActive', { kind: 'waste', code: 'prep', active: false });
    expect(deactivate.code).toBe('FORBIDDEN');

    await t.call('session.logout', {} as never);
    await t.call('session.login', { username: 'boss', secret: '1234' } as never);
    await signInAs('clerk');
    expect((await t.fail('reasons.list', {})).code).toBe('FORBIDDEN');
  });
});
