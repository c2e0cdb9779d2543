import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { fieldError, isoOf, notFound, parseList, today, prep } from './common';
import { loadWo } from './wo-store';

/** Service vendors and technicians (skills, availability, load) and who to suggest for a work order. */

interface RawVendor {
  id: string;
  code: string;
  name: string;
  contact: string;
  phone: string;
  email: string;
  categories: string;
  contractNo: string;
  contractStart: string | null;
  contractEnd: string | null;
  contractTerms: string;
  hourlyRate: number;
  active: number;
  note: string;
  updatedAt: number;
  openWorkOrders: number;
}

const VENDOR_SQL = `SELECT v.id, v.code, v.name, v.contact, v.phone, v.email, v.categories, v.contract_no AS contractNo,
  v.contract_start AS contractStart, v.contract_end AS contractEnd, v.contract_terms AS contractTerms,
  v.hourly_rate AS hourlyRate, v.active, v.note, v.updated_at AS updatedAt,
  (SELECT count(*) FROM work_orders w WHERE w.vendor_id = v.id
     AND w.status NOT IN ('closed', 'cancelled') AND w.status NOT IN ('resolved', 'confirmed')) AS openWorkOrders
FROM service_vendors v`;

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
  return (
    prep(ctx, `${VENDOR_SQL} WHERE (? = 1 OR v.active = 1) ORDER BY v.code`).all(
      i.includeInactive ? 1 : 0,
    ) as RawVendor[]
  ).map((v) => vendorDto(v, day));
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
  if (i.contractStart && i.contractEnd && i.contractEnd < i.contractStart) {
    fieldError('VALIDATION', 'error.repairs.contractDates', 'contractEnd');
  }
  const values = [
    i.code,
    i.name,
    i.contact,
    i.phone,
    i.email,
    JSON.stringify([...new Set(i.categories)]),
    i.contractNo,
    i.contractStart ?? null,
    i.contractEnd ?? null,
    i.contractTerms,
    i.hourlyRate,
    i.active ? 1 : 0,
    i.note,
  ];
  const taken = prep(ctx, 'SELECT id FROM service_vendors WHERE code = ? COLLATE NOCASE').get(i.code) as
    { id: string } | undefined;
  if (taken && taken.id !== i.id) fieldError('CONFLICT', 'error.repairs.vendorCodeTaken', 'code', { code: i.code });
  let id = i.id ?? null;
  if (id) {
    if (!prep(ctx, 'SELECT 1 FROM service_vendors WHERE id = ?').get(id)) notFound('error.repairs.vendorNotFound');
    prep(
      ctx,
      `UPDATE service_vendors SET code = ?, name = ?, contact = ?, phone = ?, email = ?, categories = ?, contract_no = ?,
           contract_start = ?, contract_end = ?, contract_terms = ?, hourly_rate = ?, active = ?, note = ?, updated_at = ?
         WHERE id = ?`,
    ).run(...values, ctx.now, id);
    ctx.changed({ table: 'service_vendors', id, op: 'update', values: { ...i } });
  } else {
    id = uuidv7(ctx.now);
    prep(
      ctx,
      `INSERT INTO service_vendors (code, name, contact, phone, email, categories, contract_no, contract_start, contract_end,
           contract_terms, hourly_rate, active, note, id, created_at, updated_at)
         VALUES (${values.map(() => '?').join(', ')}, ?, ?, ?)`,
    ).run(...values, id, ctx.now, ctx.now);
    ctx.changed({ table: 'service_vendors', id, op: 'insert', values: { ...i } });
  }
  return vendorDto(prep(ctx, `${VENDOR_SQL} WHERE v.id = ?`).get(id) as RawVendor, today(ctx));
}

interface RawTech {
  userId: string;
  username: string;
  displayName: string;
  disabled: number;
  categories: string | null;
  awayUntil: string | null;
  hourlyRate: number | null;
  note: string | null;
  openLoad: number;
}

const TECH_SQL = `SELECT u.id AS userId, u.username, u.display_name AS displayName, u.disabled,
  t.categories, t.away_until AS awayUntil, t.hourly_rate AS hourlyRate, t.note,
  (SELECT count(*) FROM work_orders w WHERE w.assignee_user_id = u.id
     AND w.status IN ('submitted', 'triaged', 'assigned', 'in_progress', 'waiting')) AS openLoad
FROM users u LEFT JOIN technicians t ON t.user_id = u.id`;

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
  return (prep(ctx, `${TECH_SQL} WHERE u.role = 'technician' ORDER BY u.display_name`).all() as RawTech[]).map((t) =>
    techDto(t, day),
  );
}

export function saveTechnician(
  ctx: Ctx,
  i: { userId: string; categories: string[]; awayUntil?: string | null; hourlyRate: number; note: string },
) {
  const u = prep(ctx, 'SELECT role FROM users WHERE id = ?').get(i.userId) as { role: string } | undefined;
  if (!u || u.role !== 'technician') fieldError('VALIDATION', 'error.repairs.notTechnician', 'userId');
  prep(
    ctx,
    `INSERT INTO technicians (user_id, categories, away_until, hourly_rate, note, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET categories = excluded.categories, away_until = excluded.away_until,
         hourly_rate = excluded.hourly_rate, note = excluded.note, updated_at = excluded.updated_at`,
  ).run(i.userId, JSON.stringify([...new Set(i.categories)]), i.awayUntil ?? null, i.hourlyRate, i.note, ctx.now);
  ctx.changed({ table: 'technicians', id: i.userId, op: 'update', values: { ...i } });
  return techDto(prep(ctx, `${TECH_SQL} WHERE u.id = ?`).get(i.userId) as RawTech, today(ctx));
}

/**
 * Technicians ranked: skilled in the equipment's category (+100), available
 * today (+50), minus 10 per open work order already on them. Vendors that
 * cover the category or service this equipment, the equipment's own vendor
 * first, then running contracts.
 */
export function suggestAssignees(ctx: Ctx, i: { id: string }) {
  const wo = loadWo(ctx, i.id);
  const eq = prep(ctx, 'SELECT category, vendor_id AS vendorId FROM equipment WHERE id = ?').get(wo.equipmentId) as {
    category: string;
    vendorId: string | null;
  };
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
