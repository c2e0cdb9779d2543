import { addDays } from '../../../src-shared/time';
import type { Role } from '../../../src-shared/roles';
import { uuidv7 } from '../../lib/ids';
import type { Ctx, SessionUser } from '../context';
import { ensureRepairCodes } from '../repairs/codes';
import { FAULT_GROUPS } from '../repairs/codes-data';
import { dayOf, storeId } from '../repairs/common';
import { DEMO_VENDORS, KIND_PROFILE } from './repairs-data';
import { RepairsHistory, type DemoEquipment, type DemoPeople } from './repairs-history';
import { equipmentPrefix } from '../repairs/equipment-code';

const YUAN = 10_000;
const TABLES = [
  'work_orders',
  'work_order_events',
  'pm_plans',
  'service_vendors',
  'fault_codes',
  'meter_readings',
] as const;

export type RepairsSeedCounts = Record<(typeof TABLES)[number], number> & { stockMoves: number };

/**
 * A year of the demo store's maintenance: vendors, technician skills,
 * equipment criticality, preventive plans with their history (checklists,
 * readings, consumables from stock), and realistic repair tickets that went
 * through the real services with the real clock of each step (so events, SLA
 * clocks, costs and ledger movements are exactly what use would make). Steps
 * that would lie in the future are not taken, which leaves the last days'
 * tickets open in every state. Runs in the caller's transaction; the history
 * is skipped when the store already has work orders, so it is safe on every
 * `--demo` start. Returns the rows added per table (and stock movements).
 */
export function seedDemoRepairs(ctx: Ctx, storeCode: string): RepairsSeedCounts {
  const count = () =>
    Object.fromEntries(
      TABLES.map((t) => [t, (ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    );
  const moves = () => (ctx.sqlite.prepare('SELECT count(*) AS n FROM stock_moves').get() as { n: number }).n;
  const before = count();
  const movesBefore = moves();
  ensureRepairCodes(ctx);
  const vendorIds = seedVendors(ctx);
  if (!ctx.sqlite.prepare('SELECT 1 FROM work_orders LIMIT 1').get()) {
    const people = demoPeople(ctx);
    if (people) {
      const eqs = profileEquipment(ctx, storeCode, vendorIds);
      const history = new RepairsHistory(ctx, people, eqs, vendorIds, storeCode);
      history.run();
    }
  }
  const after = count();
  return {
    ...(Object.fromEntries(TABLES.map((t) => [t, after[t]! - before[t]!])) as Record<(typeof TABLES)[number], number>),
    stockMoves: moves() - movesBefore,
  };
}

function seedVendors(ctx: Ctx): Map<string, string> {
  const ins = ctx.sqlite.prepare(
    `INSERT OR IGNORE INTO service_vendors (id, code, name, contact, phone, email, categories, contract_no, contract_start,
       contract_end, contract_terms, hourly_rate, active, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '', ?, ?)`,
  );
  const today = dayOf(ctx, ctx.now);
  for (const v of DEMO_VENDORS) {
    ins.run(
      uuidv7(ctx.now),
      v.code,
      v.name,
      v.contact,
      v.phone,
      v.email,
      JSON.stringify(v.categories),
      v.contractNo,
      addDays(today, -400),
      addDays(today, 330),
      v.terms,
      v.rate * YUAN,
      ctx.now,
      ctx.now,
    );
  }
  return new Map(
    (ctx.sqlite.prepare('SELECT code, id FROM service_vendors').all() as { code: string; id: string }[]).map((r) => [
      r.code,
      r.id,
    ]),
  );
}

/** The demo users by name, or any active user of the role they stand for; null when the store has no technician. */
function demoPeople(ctx: Ctx): DemoPeople | null {
  const pick = (username: string, role: Role): SessionUser | undefined =>
    (ctx.sqlite
      .prepare(
        `SELECT id, username, display_name AS displayName, role FROM users
         WHERE disabled = 0 AND role = ? ORDER BY lower(username) = lower(?) DESC, created_at LIMIT 1`,
      )
      .get(role, username) as SessionUser | undefined) ?? undefined;
  const p = {
    admin: pick('admin', 'admin'),
    manager: pick('manager', 'manager') ?? pick('admin', 'admin'),
    clerk1: pick('clerk1', 'clerk'),
    clerk2: pick('clerk2', 'clerk'),
    tech: pick('tech', 'technician'),
  };
  if (!p.admin || !p.manager || !p.tech) return null;
  const clerk = p.clerk1 ?? p.manager;
  const people = { ...p, clerk1: clerk, clerk2: p.clerk2 ?? clerk } as DemoPeople;
  ctx.sqlite
    .prepare(
      'INSERT OR IGNORE INTO technicians (user_id, categories, away_until, hourly_rate, note, updated_at) VALUES (?, ?, NULL, ?, ?, ?)',
    )
    .run(
      people.tech.id,
      JSON.stringify(Object.keys(FAULT_GROUPS).filter((c) => c !== 'general')),
      90 * YUAN,
      '',
      ctx.now,
    );
  return people;
}

/** Criticality, install day, warranty and service vendor of the demo equipment (rows the repairs side never touched). */
function profileEquipment(ctx: Ctx, storeCode: string, vendors: Map<string, string>): DemoEquipment[] {
  const prefix = `${equipmentPrefix(storeCode)}-`;
  const store = storeId(ctx);
  const today = dayOf(ctx, ctx.now);
  const rows = ctx.sqlite
    .prepare('SELECT id, code, category FROM equipment WHERE active = 1 AND code LIKE ? ORDER BY code')
    .all(`${prefix}%`) as { id: string; code: string; category: string }[];
  const upd = ctx.sqlite.prepare(
    `UPDATE equipment SET criticality = ?, vendor_id = ?, install_day = ?, warranty_end = ?, store_id = ?, updated_at = ?
     WHERE id = ? AND store_id IS NULL`,
  );
  return rows.map((r, i) => {
    const kind = r.code.slice(prefix.length).replace(/-\d+$/, '');
    const p = KIND_PROFILE[kind] ?? { criticality: 'medium' as const };
    const installed = addDays(today, -(500 + ((i * 37) % 400)));
    upd.run(
      p.criticality,
      p.vendor ? (vendors.get(p.vendor) ?? null) : null,
      installed,
      addDays(installed, 730),
      store,
      ctx.now,
      r.id,
    );
    const row = ctx.sqlite
      .prepare('SELECT criticality, vendor_id AS vendorId FROM equipment WHERE id = ?')
      .get(r.id) as {
      criticality: string;
      vendorId: string | null;
    };
    return { id: r.id, code: r.code, kind, category: r.category, ...row };
  });
}
