import type { EquipmentRow } from '../../../src-shared/api/methods/repairs-dto';
import { reliability } from '../../../src-shared/repairs/reliability';
import { suggestPriority, type Criticality } from '../../../src-shared/repairs/settings';
import { addDays } from '../../../src-shared/time';
import { asc, eq } from 'drizzle-orm';
import { equipment } from '../../db/schema';
import { selectList } from '../../db/schema-sql';
import { sql, type SqlRow } from '../../db/sql';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
import { refuseHqOwnedEdits, refuseHqOwnedRows } from '../hq-owned';
import { equipmentPrefix } from './equipment-code';
import { listFaultCodes } from './codes';
import {
  fieldError,
  iso,
  isoOf,
  notFound,
  storeCode,
  qrPayload,
  startOfDay,
  storeId,
  today,
  userNames,
} from './common';
import { equipmentCosts } from './costs-read';
import { attachmentsOf, checkDocument, saveFile } from './files';
import { lastReading } from './meters';
import { listPlans } from './pm-plans';
import { equipmentFailures } from './reports';
import { equipmentWoRows } from './wo-rows';

export type EquipmentRecord = SqlRow<typeof equipment.$inferSelect>;

const EQ_COLS = selectList(equipment, { alias: 'e' });

const ROW_SQL = `SELECT ${EQ_COLS}, s.name AS supplierName, v.name AS vendorName,
  (SELECT count(*) FROM work_orders w WHERE w.equipment_id = e.id AND w.status NOT IN ('closed', 'cancelled')) AS openWorkOrders,
  (SELECT max(w.reported_at) FROM work_orders w WHERE w.equipment_id = e.id AND w.kind = 'corrective' AND w.status <> 'cancelled') AS lastFailureAt,
  (SELECT count(*) FROM attachments a WHERE a.owner_type = 'equipment' AND a.owner_id = e.id) AS attachments
FROM equipment e LEFT JOIN suppliers s ON s.id = e.supplier_id LEFT JOIN service_vendors v ON v.id = e.vendor_id`;

type RawEquipment = EquipmentRecord & {
  supplierName: string | null;
  vendorName: string | null;
  openWorkOrders: number;
  lastFailureAt: number | null;
  attachments: number;
};

const equipmentById = sql<EquipmentRecord, [string]>(`SELECT ${EQ_COLS} FROM equipment e WHERE e.id = ?`);
const equipmentByCode = sql<EquipmentRecord, [string]>(`SELECT ${EQ_COLS} FROM equipment e WHERE e.code = ?`);
const equipmentByCodeAnyCase = sql<EquipmentRecord, [string]>(
  `SELECT ${EQ_COLS} FROM equipment e WHERE e.code = ? COLLATE NOCASE`,
);
const rowById = sql<RawEquipment, [string]>(`${ROW_SQL} WHERE e.id = ?`);
/** The registry: one category or all, active only unless asked. */
const registryRows = sql<RawEquipment, [string | null, string | null, number]>(
  `${ROW_SQL} WHERE (? IS NULL OR e.category = ?) AND (? = 1 OR e.active = 1) ORDER BY e.code`,
);
const supplierExists = sql<1, [string]>('SELECT 1 FROM suppliers WHERE id = ?');
const vendorExists = sql<1, [string]>('SELECT 1 FROM service_vendors WHERE id = ?');
const codeTaken = sql<1, [string]>('SELECT 1 FROM equipment WHERE code = ? COLLATE NOCASE');

function toRow(r: RawEquipment, day: string): EquipmentRow {
  const { storeId: _s, createdAt: _c, ...rest } = r;
  return {
    ...rest,
    qrPayload: qrPayload(r.code),
    underWarranty: r.warrantyEnd !== null && r.warrantyEnd >= day,
    active: !!r.active,
    lastFailureAt: iso(r.lastFailureAt),
    updatedAt: isoOf(r.updatedAt),
  };
}

export function findEquipment(ctx: Ctx, id: string): EquipmentRecord | undefined {
  return equipmentById.get(ctx.sqlite, id);
}

/**
 * The equipment a screen names: its id, its code (any case), or a scanned
 * label payload `EQ:<code>`. Inactive equipment is refused (it left the store).
 */
export function resolveEquipmentRef(ctx: Ctx, ref: string, path: string): EquipmentRecord {
  const text = ref.trim();
  const code = /^EQ:/i.test(text) ? text.slice(3).trim() : text;
  const row =
    findEquipment(ctx, text) ?? equipmentByCode.get(ctx.sqlite, code) ?? equipmentByCodeAnyCase.get(ctx.sqlite, code);
  if (!row) fieldError('NOT_FOUND', 'error.repairs.equipmentNotFound', path, { ref: code.slice(0, 40) });
  if (!row.active) fieldError('VALIDATION', 'error.repairs.equipmentInactive', path, { code: row.code });
  return row;
}

export function equipmentRow(ctx: Ctx, id: string): EquipmentRow {
  const r = rowById.get(ctx.sqlite, id);
  if (!r) notFound('error.repairs.equipmentNotFound', { ref: id });
  return toRow(r, today(ctx));
}

export function equipmentRegistry(ctx: Ctx, i: { category?: string | null; includeInactive?: boolean }) {
  const day = today(ctx);
  return registryRows
    .all(ctx.sqlite, i.category ?? null, i.category ?? null, i.includeInactive ? 1 : 0)
    .map((r) => toRow(r, day));
}

/** Every piece of equipment by code, active or not, with what a picker shows. */
export function listEquipment(ctx: Ctx) {
  return ctx.db
    .select({
      id: equipment.id,
      code: equipment.code,
      name: equipment.name,
      category: equipment.category,
      location: equipment.location,
      make: equipment.make,
      model: equipment.model,
    })
    .from(equipment)
    .orderBy(asc(equipment.code))
    .all();
}

export function getEquipment(ctx: Ctx, i: { id: string }) {
  const row = equipmentRow(ctx, i.id);
  const name = userNames(ctx);
  const reading = lastReading(ctx, i.id);
  // Reliability over the last 365 days (definitions in src-shared/repairs/reliability.ts).
  const from = startOfDay(ctx, addDays(today(ctx), -365));
  const eq = findEquipment(ctx, i.id)!;
  const rel = reliability(
    [{ id: i.id, category: eq.category, inServiceFrom: eq.installDay ? startOfDay(ctx, eq.installDay) : null }],
    equipmentFailures(ctx, i.id, from),
    from,
    ctx.now + 1,
    ctx.now,
  ).perEquipment.get(i.id)!;
  return {
    ...row,
    files: attachmentsOf(ctx, 'equipment', i.id, name),
    lastReading: reading ? { value: reading.value, readAt: isoOf(reading.readAt) } : null,
    plans: listPlans(ctx, { equipmentId: i.id, includeInactive: false }),
    workOrders: equipmentWoRows(ctx, i.id, { openOnly: false, limit: 20 }),
    costs: equipmentCosts(ctx, i.id),
    reliability: {
      failures: rel.failures,
      downtimeMinutes: rel.downtimeMinutes,
      mttrMinutes: rel.mttrMinutes,
      mtbfMinutes: rel.mtbfMinutes,
    },
  };
}

export interface EquipmentInput {
  id?: string | null;
  code: string;
  name: string;
  category: string;
  location: string;
  make: string;
  model: string;
  serialNo: string;
  supplierId?: string | null;
  vendorId?: string | null;
  installDay?: string | null;
  warrantyEnd?: string | null;
  criticality: Criticality;
  active: boolean;
  note: string;
}

export function saveEquipment(ctx: Ctx, i: EquipmentInput): EquipmentRow {
  if (i.supplierId && !supplierExists.get(ctx.sqlite, i.supplierId)) {
    fieldError('VALIDATION', 'error.repairs.supplierNotFound', 'supplierId');
  }
  if (i.vendorId && !vendorExists.get(ctx.sqlite, i.vendorId)) {
    fieldError('VALIDATION', 'error.repairs.vendorNotFound', 'vendorId');
  }
  if (i.installDay && i.warrantyEnd && i.warrantyEnd < i.installDay) {
    fieldError('VALIDATION', 'error.repairs.warrantyBeforeInstall', 'warrantyEnd');
  }
  const values = {
    name: i.name,
    category: i.category,
    location: i.location,
    make: i.make,
    model: i.model,
    serialNo: i.serialNo,
    supplierId: i.supplierId ?? null,
    vendorId: i.vendorId ?? null,
    installDay: i.installDay ?? null,
    warrantyEnd: i.warrantyEnd ?? null,
    criticality: i.criticality,
    active: i.active,
    note: i.note,
    updatedAt: ctx.now,
  };
  if (i.id) {
    const before = findEquipment(ctx, i.id) ?? notFound('error.repairs.equipmentNotFound', { ref: i.code });
    if (before.code !== i.code) fieldError('VALIDATION', 'error.repairs.codeFixed', 'code', { code: before.code });
    // Where it stands and the store's notes stay the store's own once HQ keeps the registry.
    refuseHqOwnedEdits(ctx, 'equipment', before, { ...i }, `${before.code} ${before.name}`);
    ctx.db.update(equipment).set(values).where(eq(equipment.id, i.id)).run();
    ctx.changed({ table: 'equipment', id: i.id, op: 'update', values: { ...i } });
    return equipmentRow(ctx, i.id);
  }
  refuseHqOwnedRows(ctx, 'equipment', `${i.code} ${i.name}`);
  // Codes are unique across the chain: a store registers only codes under its own prefix.
  const prefix = `${equipmentPrefix(storeCode(ctx))}-`;
  if (!i.code.toUpperCase().startsWith(prefix)) {
    fieldError('VALIDATION', 'error.repairs.codePrefix', 'code', { prefix });
  }
  const code = i.code.toUpperCase();
  if (codeTaken.get(ctx.sqlite, code)) fieldError('CONFLICT', 'error.repairs.codeTaken', 'code', { code });
  const id = uuidv7(ctx.now);
  ctx.db
    .insert(equipment)
    .values({ ...values, id, code, storeId: storeId(ctx), createdAt: ctx.now })
    .run();
  ctx.changed({ table: 'equipment', id, op: 'insert', values: { ...i, code } });
  return equipmentRow(ctx, id);
}

export function attachToEquipment(
  ctx: Ctx,
  i: { equipmentId: string; file: { fileName: string; dataBase64: string } },
) {
  if (!findEquipment(ctx, i.equipmentId)) notFound('error.repairs.equipmentNotFound', { ref: i.equipmentId });
  const f = checkDocument(i.file, 'file');
  const id = saveFile(ctx, 'equipment', i.equipmentId, f);
  return attachmentsOf(ctx, 'equipment', i.equipmentId, userNames(ctx)).find((a) => a.id === id)!;
}

export function equipmentQr(ctx: Ctx, i: { id: string }) {
  const e = findEquipment(ctx, i.id) ?? notFound('error.repairs.equipmentNotFound', { ref: i.id });
  return {
    code: e.code,
    payload: qrPayload(e.code),
    name: e.name,
    location: e.location,
    storeCode: storeCode(ctx),
  };
}

export function resolveQr(ctx: Ctx, i: { payload: string }) {
  const e = resolveEquipmentRef(ctx, i.payload, 'payload');
  const criticality = e.criticality;
  return {
    equipment: equipmentRow(ctx, e.id),
    faultCodes: listFaultCodes(ctx, { category: e.category }),
    openWorkOrders: equipmentWoRows(ctx, e.id, { openOnly: true, limit: 50 }),
    suggestedPriority: { running: suggestPriority(criticality, false), down: suggestPriority(criticality, true) },
  };
}
