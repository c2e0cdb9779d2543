import { uuidv7 } from '../../lib/ids';
import { eq } from 'drizzle-orm';
import { serviceVendors, type equipment, type technicians, type users } from '../../db/schema';
import { selectList } from '../../db/schema-sql';
import { sql, type SqlRow } from '../../db/sql';
import type { Ctx } from '../context';
import { refuseHqOwnedRows } from '../hq-owned';
import { fieldError, isoOf, notFound, parseList, today } from './common';
import { loadWo } from './wo-store';

/** Service vendors and technicians (skills, availability, load) and who to suggest for a work order. */

type RawVendor = Omit<SqlRow<typeof serviceVendors.$inferSelect>, 'createdAt'> & { openWorkOrders: number };

const VENDOR_SQL = `SELECT ${selectList(serviceVendors, {
  alias: 'v',
  only: [
    'id',
    'code',
    'name',
    'contact',
    'phone',
    'email',
    'categories',
    'contractNo',
    'contractStart',
    'contractEnd',
    'contractTerms',
    'hourlyRate',
    'active',
    'note',
    'updatedAt',
  ],
})},
  (SELECT count(*) FROM work_orders w WHERE w.vendor_id = v.id
     AND w.status NOT IN ('closed', 'cancelled') AND w.status NOT IN ('resolved', 'confirmed')) AS openWorkOrders
FROM service_vendors v`;

const vendorsByCode = sql<RawVendor, [number]>(`${VENDOR_SQL} WHERE (? = 1 OR v.active = 1) ORDER BY v.code`);
const vendorById = sql<RawVendor, [string]>(`${VENDOR_SQL} WHERE v.id = ?`);
const vendorIdByCode = sql<{ id: string }, [string]>('SELECT id FROM service_vendors WHERE code = ? COLLATE NOCASE');
const vendorExists = sql<1, [string]>('SELECT 1 FROM service_vendors WHERE id = ?');

const contractActive = (v: { contractStart: string | null; contractEnd: string | null }, day: string) =>
  (v.contractStart === null || v.contractStart <= day) && (v.contractEnd === null || v.contractEnd >= day);

function vendorDto(v: RawVendor, day: string) {
  return {
    ...v,
    categories: parseList(v.categories),
    contractActive: contractActive(v, day),
    active: !!v.active,
    updatedAt: isoOf(v.updatedAt),
  };
}

export function listVendors(ctx: Ctx, i: { includeInactive?: boolean }) {
  const day = today(ctx);
  return vendorsByCode.all(ctx.sqlite, i.includeInactive ? 1 : 0).map((v) => vendorDto(v, day));
}

export function saveVendor(
  ctx: Ctx,
  i: {
    id?: string | null;
    code: string;
    name: string;
    contact: string;
    phone: string;
    email: string;
    categories: string[];
    contractNo: string;
    contractStart?: string | null;
    contractEnd?: string | null;
    contractTerms: string;
    hourlyRate: number;
    active: boolean;
    note: string;
  },
) {
  refuseHqOwnedRows(ctx, 'service_vendors', `${i.code} ${i.name}`);
  if (i.contractStart && i.contractEnd && i.contractEnd < i.contractStart) {
    fieldError('VALIDATION', 'error.repairs.contractDates', 'contractEnd');
  }
  const values = {
    code: i.code,
    name: i.name,
    contact: i.contact,
    phone: i.phone,
    email: i.email,
    categories: JSON.stringify([...new Set(i.categories)]),
    contractNo: i.contractNo,
    contractStart: i.contractStart ?? null,
    contractEnd: i.contractEnd ?? null,
    contractTerms: i.contractTerms,
    hourlyRate: i.hourlyRate,
    active: i.active,
    note: i.note,
    updatedAt: ctx.now,
  };
  const taken = vendorIdByCode.get(ctx.sqlite, i.code);
  if (taken && taken.id !== i.id) fieldError('CONFLICT', 'error.repairs.vendorCodeTaken', 'code', { code: i.code });
  let id = i.id ?? null;
  if (id) {
    if (!vendorExists.get(ctx.sqlite, id)) notFound('error.repairs.vendorNotFound');
    ctx.db.update(serviceVendors).set(values).where(eq(serviceVendors.id, id)).run();
    ctx.changed({ table: 'service_vendors', id, op: 'update', values: { ...i } });
  } else {
    id = uuidv7(ctx.now);
    ctx.db
      .insert(serviceVendors)
      .values({ ...values, id, createdAt: ctx.now })
      .run();
    ctx.changed({ table: 'service_vendors', id, op: 'insert', values: { ...i } });
  }
  return vendorDto(vendorById.get(ctx.sqlite, id)!, today(ctx));
}

type Tech = typeof technicians.$inferSelect;
/** A user with the technician profile they may not have yet (its columns null then). */
type RawTech = { userId: string } & Pick<SqlRow<typeof users.$inferSelect>, 'username' | 'displayName' | 'disabled'> & {
    [K in 'categories' | 'awayUntil' | 'hourlyRate' | 'note']: Tech[K] | null;
  } & { openLoad: number };

const TECH_SQL = `SELECT u.id AS userId, u.username, u.display_name AS displayName, u.disabled,
  t.categories, t.away_until AS awayUntil, t.hourly_rate AS hourlyRate, t.note,
  (SELECT count(*) FROM work_orders w WHERE w.assignee_user_id = u.id
     AND w.status IN ('submitted', 'triaged', 'assigned', 'in_progress', 'waiting')) AS openLoad
FROM users u LEFT JOIN technicians t ON t.user_id = u.id`;

const techniciansByName = sql<RawTech>(`${TECH_SQL} WHERE u.role = 'technician' ORDER BY u.display_name`);
const technicianById = sql<RawTech, [string]>(`${TECH_SQL} WHERE u.id = ?`);
const userRole = sql<Pick<typeof users.$inferSelect, 'role'>, [string]>('SELECT role FROM users WHERE id = ?');
const saveProfile = sql<never, [Tech]>(
  `INSERT INTO technicians (user_id, categories, away_until, hourly_rate, note, updated_at)
     VALUES (@userId, @categories, @awayUntil, @hourlyRate, @note, @updatedAt)
     ON CONFLICT (user_id) DO UPDATE SET categories = excluded.categories, away_until = excluded.away_until,
       hourly_rate = excluded.hourly_rate, note = excluded.note, updated_at = excluded.updated_at`,
);
const categoryAndVendor = sql<Pick<typeof equipment.$inferSelect, 'category' | 'vendorId'>, [string]>(
  'SELECT category, vendor_id AS vendorId FROM equipment WHERE id = ?',
);

function techDto(t: RawTech, day: string) {
  return {
    userId: t.userId,
    username: t.username,
    displayName: t.displayName,
    disabled: !!t.disabled,
    categories: parseList(t.categories ?? '[]'),
    awayUntil: t.awayUntil,
    available: !t.disabled && (t.awayUntil === null || t.awayUntil < day),
    hourlyRate: t.hourlyRate ?? 0,
    note: t.note ?? '',
    openLoad: t.openLoad,
  };
}

export function listTechnicians(ctx: Ctx) {
  const day = today(ctx);
  return techniciansByName.all(ctx.sqlite).map((t) => techDto(t, day));
}

export function saveTechnician(
  ctx: Ctx,
  i: { userId: string; categories: string[]; awayUntil?: string | null; hourlyRate: number; note: string },
) {
  const u = userRole.get(ctx.sqlite, i.userId);
  if (!u || u.role !== 'technician') fieldError('VALIDATION', 'error.repairs.notTechnician', 'userId');
  saveProfile.run(ctx.sqlite, {
    userId: i.userId,
    categories: JSON.stringify([...new Set(i.categories)]),
    awayUntil: i.awayUntil ?? null,
    hourlyRate: i.hourlyRate,
    note: i.note,
    updatedAt: ctx.now,
  });
  ctx.changed({ table: 'technicians', id: i.userId, op: 'update', values: { ...i } });
  return techDto(technicianById.get(ctx.sqlite, i.userId)!, today(ctx));
}

/**
 * Technicians ranked: skilled in the equipment's category (+100), available
 * today (+50), minus 10 per open work order already on them. Vendors that
 * cover the category or service this equipment, the equipment's own vendor
 * first, then running contracts.
 */
export function suggestAssignees(ctx: Ctx, i: { id: string }) {
  const wo = loadWo(ctx, i.id);
  const eq = categoryAndVendor.get(ctx.sqlite, wo.equipmentId)!;
  const technicians = listTechnicians(ctx)
    .filter((t) => !t.disabled)
    .map((t) => {
      const skilled = t.categories.includes(eq.category);
      return {
        userId: t.userId,
        displayName: t.displayName,
        skilled,
        available: t.available,
        awayUntil: t.awayUntil,
        openLoad: t.openLoad,
        score: (skilled ? 100 : 0) + (t.available ? 50 : 0) - 10 * t.openLoad,
      };
    })
    .sort((a, b) => b.score - a.score || a.displayName.localeCompare(b.displayName));
  const vendors = listVendors(ctx, {})
    .map((v) => ({
      id: v.id,
      code: v.code,
      name: v.name,
      contact: v.contact,
      phone: v.phone,
      email: v.email,
      contractNo: v.contractNo,
      contractEnd: v.contractEnd,
      contractActive: v.contractActive,
      contractTerms: v.contractTerms,
      covers: v.categories.includes(eq.category),
      servicesEquipment: v.id === eq.vendorId,
      openWorkOrders: v.openWorkOrders,
    }))
    .filter((v) => v.covers || v.servicesEquipment)
    .sort(
      (a, b) =>
        Number(b.servicesEquipment) - Number(a.servicesEquipment) ||
        Number(b.contractActive) - Number(a.contractActive) ||
        a.openWorkOrders - b.openWorkOrders ||
        a.code.localeCompare(b.code),
    );
  return { technicians, vendors };
}
