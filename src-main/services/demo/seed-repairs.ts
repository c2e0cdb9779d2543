import { addDays } from '../../../src-shared/time';
import type { Role } from '../../../src-shared/roles';
import { and, eq, isNull } from 'drizzle-orm';
import { equipment, serviceVendors, technicians } from '../../db/schema';
import { sql } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import type { Ctx, SessionUser } from '../context';
import { FAULT_GROUPS } from '../repairs/codes-data';
import { dayOf, storeId } from '../repairs/common';
import { DEMO_VENDORS, KIND_PROFILE } from './repairs-data';
import { RepairsHistory, type DemoEquipment, type DemoPeople } from './repairs-history';
import { equipmentPrefix } from '../repairs/equipment-code';
import { rowsIn } from './table-rows';
import type { DemoVariant } from './store-data';

const YUAN = 10_000;
const TABLES = [
  'work_orders',
  'work_order_events',
  'pm_plans',
  'service_vendors',
  'fault_codes',
  'meter_readings',
] as const;

const anyWorkOrder = sql<{ found: 1 }>('SELECT 1 AS found FROM work_orders LIMIT 1');
/** An active user of the role, the one with the demo's name for it first. */
const demoUser = sql<SessionUser, [role: Role, username: string]>(
  `SELECT id, username, display_name AS displayName, role FROM users
   WHERE disabled = 0 AND role = ? ORDER BY lower(username) = lower(?) DESC, created_at LIMIT 1`,
);
const demoEquipment = sql<Pick<typeof equipment.$inferSelect, 'id' | 'code' | 'category'>, [codePattern: string]>(
  'SELECT id, code, category FROM equipment WHERE active = 1 AND code LIKE ? ORDER BY code',
);

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
export function seedDemoRepairs(ctx: Ctx, storeCode: string, variant: DemoVariant): RepairsSeedCounts {
  const count = () => Object.fromEntries(TABLES.map((t) => [t, rowsIn(ctx, t)]));
  const moves = () => rowsIn(ctx, 'stock_moves');
  const before = count();
  const movesBefore = moves();
  const vendorIds = seedVendors(ctx);
  if (!anyWorkOrder.get(ctx.sqlite)) {
    const people = demoPeople(ctx);
    if (people) {
      const eqs = profileEquipment(ctx, storeCode, vendorIds);
      const history = new RepairsHistory(ctx, people, eqs, vendorIds, storeCode, variant);
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
  const today = dayOf(ctx, ctx.now);
  for (const v of DEMO_VENDORS) {
    ctx.db
      .insert(serviceVendors)
      .values({
        id: uuidv7(ctx.now),
        code: v.code,
        name: v.name,
        contact: v.contact,
        phone: v.phone,
        email: v.email,
        categories: JSON.stringify(v.categories),
        contractNo: v.contractNo,
        contractStart: addDays(today, -400),
        contractEnd: addDays(today, 330),
        contractTerms: v.terms,
        hourlyRate: v.rate * YUAN,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .run();
  }
  return new Map(
    ctx.db
      .select({ code: serviceVendors.code, id: serviceVendors.id })
      .from(serviceVendors)
      .all()
      .map((r) => [r.code, r.id]),
  );
}

/** The demo users by name, or any active user of the role they stand for; null when the store has no technician. */
function demoPeople(ctx: Ctx): DemoPeople | null {
  const pick = (username: string, role: Role): SessionUser | undefined => demoUser.get(ctx.sqlite, role, username);
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
  ctx.db
    .insert(technicians)
    .values({
      userId: people.tech.id,
      categories: JSON.stringify(Object.keys(FAULT_GROUPS).filter((c) => c !== 'general')),
      hourlyRate: 90 * YUAN,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .run();
  return people;
}

/** Criticality, install day, warranty and service vendor of the demo equipment (rows the repairs side never touched). */
function profileEquipment(ctx: Ctx, storeCode: string, vendors: Map<string, string>): DemoEquipment[] {
  const prefix = `${equipmentPrefix(storeCode)}-`;
  const store = storeId(ctx);
  const today = dayOf(ctx, ctx.now);
  const rows = demoEquipment.all(ctx.sqlite, `${prefix}%`);
  return rows.map((r, i) => {
    const kind = r.code.slice(prefix.length).replace(/-\d+$/, '');
    const p = KIND_PROFILE[kind] ?? { criticality: 'medium' as const };
    const installed = addDays(today, -(500 + ((i * 37) % 400)));
    ctx.db
      .update(equipment)
      .set({
        criticality: p.criticality,
        vendorId: p.vendor ? (vendors.get(p.vendor) ?? null) : null,
        installDay: installed,
        warrantyEnd: addDays(installed, 730),
        storeId: store,
        updatedAt: ctx.now,
      })
      .where(and(eq(equipment.id, r.id), isNull(equipment.storeId)))
      .run();
    const row = ctx.db
      .select({ criticality: equipment.criticality, vendorId: equipment.vendorId })
      .from(equipment)
      .where(eq(equipment.id, r.id))
      .get()!;
    return { id: r.id, code: r.code, kind, category: r.category, ...row };
  });
}
