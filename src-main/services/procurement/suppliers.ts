import { and, asc, eq, getTableColumns, ne, sql as expr, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { SupplierContact, type SupplierDto, type SupplierInput } from '../../../src-shared/api/methods/procurement';
import { toIso } from '../../../src-shared/time';
import { suppliers } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import { AppError } from '../app-error';
import { diff } from '../audit/record';
import type { Ctx } from '../context';
import { refuseHqOwnedEdits, refuseHqOwnedRows } from '../hq-owned';
import { listCatalogue } from './catalogue';

type SupplierRow = typeof suppliers.$inferSelect & { items: number; openOrders: number };

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

function toDto({ createdAt: _c, ...r }: SupplierRow): SupplierDto {
  return {
    ...r,
    contacts: parseContacts(r.contacts),
    orderDays: [...r.orderDays].map(Number).filter((d) => d >= 1 && d <= 7),
    updatedAt: toIso(r.updatedAt)!,
  };
}

/**
 * Suppliers with how many items they list and how many of their orders are
 * still open. The counts name the outer row as "suppliers" by hand: drizzle
 * writes a one-table query's columns unqualified, which inside a subquery
 * would mean the subquery's own table.
 */
const withCounts = (ctx: Ctx, where: SQL | undefined): SupplierDto[] =>
  ctx.db
    .select({
      ...getTableColumns(suppliers),
      items: expr<number>`(SELECT count(*) FROM supplier_items si WHERE si.supplier_id = "suppliers"."id")`,
      openOrders: expr<number>`(SELECT count(*) FROM purchase_orders p
        WHERE p.supplier_id = "suppliers"."id" AND p.status IN ('draft', 'approved', 'partial'))`,
    })
    .from(suppliers)
    .where(where)
    .orderBy(asc(suppliers.code))
    .all()
    .map(toDto);

export function listSuppliers(ctx: Ctx): SupplierDto[] {
  return withCounts(ctx, undefined);
}

export function findSupplier(ctx: Ctx, id: string): SupplierDto | undefined {
  return withCounts(ctx, eq(suppliers.id, id))[0];
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
  const other = ctx.db
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(and(expr`${suppliers.code} = ${code} COLLATE NOCASE`, selfId ? ne(suppliers.id, selfId) : undefined))
    .get();
  if (other) {
    throw new AppError('CONFLICT', 'procurement.error.supplierCode', { code }, [
      { path: 'code', key: 'procurement.error.supplierCode', params: { code } },
    ]);
  }
}

/** The columns as stored: contacts as JSON, weekdays sorted and unique ('531' and '135' are the same days). */
function stored(i: SupplierInput) {
  return { ...i, contacts: JSON.stringify(i.contacts), orderDays: [...new Set(i.orderDays)].sort().join('') };
}

export function createSupplier(ctx: Ctx, input: SupplierInput): SupplierDto {
  refuseHqOwnedRows(ctx, 'suppliers', `${input.code} ${input.name}`);
  assertCodeFree(ctx, input.code, null);
  const id = uuidv7(ctx.now);
  const values = stored(input);
  ctx.db
    .insert(suppliers)
    .values({ ...values, id, createdAt: ctx.now, updatedAt: ctx.now })
    .run();
  ctx.changed({ table: 'suppliers', id, op: 'insert', values });
  return getSupplier(ctx, id);
}

export function updateSupplier(ctx: Ctx, input: SupplierInput & { id: string }): SupplierDto {
  const before = getSupplier(ctx, input.id);
  const { id, ...fields } = input;
  assertCodeFree(ctx, fields.code, id);
  refuseHqOwnedEdits(ctx, 'suppliers', before, fields, `${before.code} ${before.name}`);
  const values = stored(fields);
  ctx.db
    .update(suppliers)
    .set({ ...values, updatedAt: ctx.now })
    .where(eq(suppliers.id, id))
    .run();
  const { items: _i, openOrders: _o, updatedAt: _u, id: _id, ...old } = before;
  const change = diff(stored(old), values);
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
