import { afterEach, describe, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

/** A well-formed id of nothing: validation must fail before any lookup. */
const SOME_ID = '01890000-0000-7000-8000-000000000000';

async function fieldsOf(method: string, input: unknown, locale: 'en' | 'zh-CN' = 'en') {
  const err = await t.fail(method, input, { locale });
  expect([method, err.code]).toEqual([method, 'VALIDATION']);
  return err.fields!;
}

describe('bad input is a validation error naming the field, never a 500', () => {
  it('refuses dates that match the pattern but are not days of the calendar', async () => {
    t = await openSetUpBackend();
    for (const bad of ['2026-13-01', '9999-99-99', '2026-00-00', '2026-02-30', '0001-01-01']) {
      expect(await fieldsOf('stock.moves', { from: bad })).toEqual([
        { path: 'from', message: 'Not a day of the calendar: use YYYY-MM-DD, years 2000 to 2100 (e.g. 2026-11-27).' },
      ]);
      expect((await fieldsOf('reports.valuation', { day: bad })).map((f) => f.path)).toEqual(['day']);
      expect((await fieldsOf('reports.summary', { from: bad, to: '2026-01-31' })).map((f) => f.path)).toEqual(['from']);
      expect((await fieldsOf('repairReports.costs', { from: '2026-01-01', to: bad })).map((f) => f.path)).toEqual([
        'to',
      ]);
    }
    expect((await fieldsOf('reports.valuation', { day: '2026-13-01' }, 'zh-CN'))[0]!.message).toContain(
      '不是有效的日期',
    );
    // real days still pass, leap years included
    await t.call('reports.valuation', { day: '2024-02-29' });
  });

  it('refuses times that are not instants with a zone ("1" is not the year 2001)', async () => {
    t = await openSetUpBackend();
    for (const bad of ['garbage', '1', '2026-11-27', '2026-11-27T09:30:00', '2026-11-27T25:00:00Z', '20261127T0930Z']) {
      const fields = await fieldsOf('pm.recordReading', { equipmentId: SOME_ID, value: 1000, readAt: bad });
      expect([bad, fields.map((f) => f.path)]).toEqual([bad, ['readAt']]);
    }
    const rows = await fieldsOf('pm.importReadings', { rows: [{ equipmentCode: 'E1', value: 1, readAt: '1' }] });
    expect(rows.map((f) => f.path)).toEqual(['rows.0.readAt']);
  });

  it('bounds a preference by size and depth', async () => {
    t = await openSetUpBackend();
    expect(await fieldsOf('prefs.set', { key: 'grid.items', value: 'x'.repeat(64 * 1024) })).toEqual([
      { path: 'value', message: 'This setting is too large (more than 64 KB). Reset the columns and try again.' },
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    expect(await fieldsOf('prefs.set', { key: 'grid.items', value: deep })).toEqual([
      { path: 'value', message: 'This setting is nested too deeply (more than 16 levels).' },
    ]);
    const columns = [{ colId: 'code', width: 120, sort: 'asc', hide: false }];
    await t.call('prefs.set', { key: 'grid.items', value: { columns } });
    expect(await t.call('prefs.get', { key: 'grid.items' })).toEqual({ value: { columns } });
  });
});
