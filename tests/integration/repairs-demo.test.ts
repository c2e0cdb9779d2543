import { afterEach, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../src-main/services/demo/run';
import { openTestBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const DAY = 86_400_000;

describe('the demo store maintenance year', () => {
  it('has a year of tickets and preventive history made through the real services, once', async () => {
    t = await openTestBackend({ demo: true });
    const db = t.backend.database.sqlite;
    const one = <T>(sql: string) => db.prepare(sql).get() as T;
    const span = one<{ first: number; last: number; n: number; pm: number }>(
      "SELECT min(reported_at) AS first, max(reported_at) AS last, count(*) AS n, sum(kind = 'preventive') AS pm FROM work_orders",
    );
    expect(span.n).toBeGreaterThan(150);
    expect(span.pm).toBeGreaterThan(50);
    expect(span.last - span.first).toBeGreaterThan(330 * DAY);
    expect(t.backend.demo!.inserted).toMatchObject({ work_orders: span.n, service_vendors: 4, pm_plans: 6 });
    // Every ticket has its report event; events, parts, labour, invoices and checklist answers are all there.
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM work_orders w WHERE NOT EXISTS (SELECT 1 FROM work_order_events e WHERE e.work_order_id = w.id)',
      ).n,
    ).toBe(0);
    for (const table of [
      'work_order_parts',
      'work_order_labour',
      'vendor_invoices',
      'checklist_results',
      'meter_readings',
    ]) {
      expect(one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n, table).toBeGreaterThan(10);
    }
    // Parts hit the ledger as maintenance movements linked to their work orders.
    const ledger = one<{ n: number; v: number }>(
      "SELECT count(*) AS n, sum(value) AS v FROM stock_moves WHERE kind = 'maintenance' AND doc_type = 'work_order'",
    );
    expect(ledger.n).toBeGreaterThan(10);
    expect(ledger.v).toBeLessThan(0);

    await t.call('session.login', { username: 'manager', secret: '2345' });
    const open = await t.call('repairs.list', { scope: 'open' });
    expect(open.rows.length).toBeGreaterThan(0);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const yearAgo = new Date(Date.now() + 8 * 3_600_000 - 364 * DAY).toISOString().slice(0, 10);
    const rel = await t.call('repairReports.reliability', { from: yearAgo, to: today });
    expect(rel.total.failures).toBeGreaterThan(100);
    expect(rel.total.mttrMinutes).toBeGreaterThan(0);
    expect(rel.total.availabilityBp).toBeGreaterThan(9_000);
    const costs = await t.call('repairReports.costs', { from: yearAgo, to: today });
    expect(costs.total.vendor).toBeGreaterThan(0);
    expect(costs.total.labour).toBeGreaterThan(0);
    const schedule = await t.call('pm.schedule', {});
    expect(schedule.length).toBeGreaterThanOrEqual(7);
    expect(schedule.every((s) => s.lastDoneDay !== null)).toBe(true);
    const sla = await t.call('repairReports.sla', { from: yearAgo, to: today });
    expect(sla.byPriority.reduce((s, b) => s + b.workOrders, 0)).toBeGreaterThan(100);

    // Seeding again adds nothing.
    const again = seedDemoStore(t.backend.database, t.backend.host, t.backend.log);
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
    await t.call('session.login', { username: 'admin', secret: '1234' });
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
