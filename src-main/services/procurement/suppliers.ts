import { z } from 'zod';
import { SupplierContact, type SupplierDto, type SupplierInput } from '../../../src-shared/api/methods/procurement';
import { toIso } from '../../../src-shared/time';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { refuseHqOwnedEdits } from '../hq-owned';
import { listCatalogue } from './catalogue';

const SELECT = `SELECT s.id, s.code, s.name, s.contact, s.phone, s.contacts, s.email, s.address,
  s.lead_time_days AS leadTimeDays, s.order_days AS orderDays, s.min_order_value AS minOrderValue, s.active, s.note,
  s.updated_at AS updatedAt,
  (SELECT count(*) FROM supplier_items si WHERE si.supplier_id = s.id) AS items,
  (SELECT count(*) FROM purchase_orders p WHERE p.supplier_id = s.id AND p.status IN ('draft', 'approved', 'partial')) AS openOrders
  FROM suppliers s`;

interface Row {
  id: string;
  code: string;
  name: string;
  contact: string;
  phone: string;
  contacts: string;
  email: string;
  address: string;
  leadTimeDays: number;
  orderDays: string;
  minOrderValue: number;
  active: number;
  note: string;
  updatedAt: number;
  items: number;
  openOrders: number;
}

const Contacts = z.array(SupplierContact);

/** Contacts are JSON in one column; a value that no longer parses shows as none rather than failing the list. */
function parseContacts(json: string): SupplierDto['contacts'] {
  try {
    const r = Contacts.safeParse(JSON.parse(json));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

function toDto(r: Row): SupplierDto {
  return {
    ...r,
    contacts: parseContacts(r.contacts),
    orderDays: [...r.orderDays].map(Number).filter((d) => d >= 1 && d <= 7),
    active: r.active === 1,
    updatedAt: toIso(r.updatedAt)!,
  };
}

export function listSuppliers(ctx: Ctx): SupplierDto[] {
  return (ctx.sqlite.prepare(`${SELECT} ORDER BY s.code`).all() as Row[]).map(toDto);
}

export function findSupplier(ctx: Ctx, id: string): SupplierDto | undefined {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
  return row && toDto(row);
}

export function getSupplier(ctx: Ctx, id: string): SupplierDto {
  const s = findSupplier(ctx, id);
  if (!s) throw new AppError('NOT_FOUND', 'procurement.error.supplierNotFound');
  return s;
}

export function getSupplierWithCatalogue(ctx: Ctx, i: { id: string }) {
  return { ...getSupplier(ctx, i.id), catalogue: listCatalogue(ctx, { supplierId: i.id }) };
}

/** Codes are unique ignoring case: 'sup-001' next to 'SUP-001' on two orders would only confuse. */
function assertCodeFree(ctx: Ctx, code: string, selfId: string | null): void {
  const other = ctx.sqlite
    .prepare('SELECT id FROM suppliers WHERE code = ? COLLATE NOCASE AND id IS NOT ?')
    .get(code, selfId) as { id: string } | undefined;
  if (other) {
    throw new AppError('CONFLICT', 'procurement.error.supplierCode', { code }, [
      { path: 'code', key: 'procurement.error.supplierCode', params: { code } },
    ]);
  }
}

/** The row's columns in write order, weekdays sorted and unique ('531' and '135' are the same days). */
function columns(i: SupplierInput) {
  const days = [...new Set(i.orderDays)].sort().join('');
  return [
    i.code,
    i.name,
    i.contact,
    i.phone,
    JSON.stringify(i.contacts),
    i.email,
    i.address,
    i.leadTimeDays,
    days,
    i.minOrderValue,
    i.active ? 1 : 0,
    i.note,
  ];
}

function auditView(i: SupplierInput): Record<string, unknown> {
  return { ...i, contacts: JSON.stringify(i.contacts), orderDays: [...new Set(i.orderDays)].sort().join('') };
}

export function createSupplier(ctx: Ctx, input: SupplierInput): SupplierDto {
  assertCodeFree(ctx, input.code, null);
  const id = uuidv7(ctx.now);
  ctx.sqlite
    .prepare(
      `INSERT INTO suppliers (code, name, contact, phone, contacts, email, address, lead_time_days, order_days,
         min_order_value, active, note, id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...columns(input), id, ctx.now, ctx.now);
  ctx.changed({ table: 'suppliers', id, op: 'insert', values: auditView(input) });
  return getSupplier(ctx, id);
}

export function updateSupplier(ctx: Ctx, input: SupplierInput & { id: string }): SupplierDto {
  const before = getSupplier(ctx, input.id);
  const { id, ...fields } = input;
  assertCodeFree(ctx, fields.code, id);
  refuseHqOwnedEdits(ctx, 'suppliers', before, fields, `${before.code} ${before.name}`);
  ctx.sqlite
    .prepare(
      `UPDATE suppliers SET code = ?, name = ?, contact = ?, phone = ?, contacts = ?, email = ?, address = ?,
         lead_time_days = ?, order_days = ?, min_order_value = ?, active = ?, note = ?, updated_at = ? WHERE id = ?`,
    )
    .run(...columns(fields), ctx.now, id);
  const { items: _i, openOrders: _o, updatedAt: _u, id: _id, ...old } = before;
  const change = diff(auditView(old), auditView(fields));
  if (Object.keys(change.values).length) ctx.changed({ table: 'suppliers', id, op: 'update', ...change });
  return getSupplier(ctx, id);
}

/** A supplier orders and receipts may name: exists and is active. */
export function requireActiveSupplier(ctx: Ctx, id: string, path: string): SupplierDto {
  const s = findSupplier(ctx, id);
  if (!s || !s.active) {
    throw new AppError('VALIDATION', 'procurement.error.supplierInactive', undefined, [
      { path, key: 'procurement.error.supplierInactive' },
    ]);
  }
  return s;
}
