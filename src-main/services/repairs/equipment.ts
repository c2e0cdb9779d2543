import type { EquipmentRow } from '../../../src-shared/api/methods/repairs-dto';
import { reliability } from '../../../src-shared/repairs/reliability';
import { suggestPriority, type Criticality } from '../../../src-shared/repairs/settings';
import { addDays } from '../../../src-shared/time';
import { asc } from 'drizzle-orm';
import { equipment } from '../../db/schema';
import { uuidv7 } from '../../lib/ids';
import type { Ctx } from '../context';
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
  prep,
} from './common';
import { equipmentCosts } from './costs-read';
import { attachmentsOf, checkDocument, saveFile } from './files';
import { listPlans } from './pm-plans';
import { rowsWhere } from './wo-rows';

export interface EquipmentRecord {
  id: string;
  code: string;
  name: string;
  category: string;
  location: string;
  make: string;
  model: string;
  serialNo: string;
  supplierId: string | null;
  vendorId: string | null;
  installDay: string | null;
  warrantyEnd: string | null;
  criticality: Criticality;
  active: number;
  note: string;
  storeId: string | null;
  createdAt: number;
  updatedAt: number;
}

const EQ_COLS = `e.id, e.code, e.name, e.category, e.location, e.make, e.model, e.serial_no AS serialNo,
  e.supplier_id AS supplierId, e.vendor_id AS vendorId, e.install_day AS installDay, e.warranty_end AS warrantyEnd,
  e.criticality, e.active, e.note, e.store_id AS storeId, e.created_at AS createdAt, e.updated_at AS updatedAt`;

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
  return prep(ctx, `SELECT ${EQ_COLS} FROM equipment e WHERE e.id = ?`).get(id) as EquipmentRecord | undefined;
}

/**
 * The equipment a screen names: its id, its code (any case), or a scanned
 * label payload `EQ:<code>`. Inactive equipment is refused (it left the store).
 */
export function resolveEquipmentRef(ctx: Ctx, ref: string, path: string): EquipmentRecord {
  const text = ref.trim();
  const code = /^EQ:/i.test(text) ? text.slice(3).trim() : text;
  const row =
    findEquipment(ctx, text) ??
    (prep(ctx, `SELECT ${EQ_COLS} FROM equipment e WHERE e.code = ?`).get(code) as EquipmentRecord | undefined) ??
    (prep(ctx, `SELECT ${EQ_COLS} FROM equipment e WHERE e.code = ? COLLATE NOCASE`).get(code) as
      EquipmentRecord | undefined);
  if (!row) fieldError('NOT_FOUND', 'error.repairs.equipmentNotFound', path, { ref: code.slice(0, 40) });
  if (!row.active) fieldError('VALIDATION', 'error.repairs.equipmentInactive', path, { code: row.code });
  return row;
}

export function equipmentRow(ctx: Ctx, id: string): EquipmentRow {
  const r = prep(ctx, `${ROW_SQL} WHERE e.id = ?`).get(id) as RawEquipment | undefined;
  if (!r) notFound('error.repairs.equipmentNotFound', { ref: id });
  return toRow(r, today(ctx));
}

export function equipmentRegistry(ctx: Ctx, i: { category?: string | null; includeInactive?: boolean }) {
  const day = today(ctx);
  return (
    prep(ctx, `${ROW_SQL} WHERE (? IS NULL OR e.category = ?) AND (? = 1 OR e.active = 1) ORDER BY e.code`).all(
      i.category ?? null,
      i.category ?? null,
      i.includeInactive ? 1 : 0,
    ) as RawEquipment[]
  ).map((r) => toRow(r, day));
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
  const reading = prep(
    ctx,
    'SELECT value, read_at AS readAt FROM meter_readings WHERE equipment_id = ? ORDER BY read_at DESC, id DESC LIMIT 1',
  ).get(i.id) as { value: number; readAt: number } | undefined;
  // Reliability over the last 365 days (definitions in src-shared/repairs/reliability.ts).
  const from = startOfDay(ctx, addDays(today(ctx), -365));
  const eq = findEquipment(ctx, i.id)!;
  const failures = prep(
    ctx,
    `SELECT equipment_id AS equipmentId, reported_at AS reportedAt, down, down_start AS downStart, up_at AS upAt
       FROM work_orders WHERE equipment_id = ? AND kind = 'corrective' AND status <> 'cancelled'
         AND (reported_at >= ? OR (down = 1 AND (up_at IS NULL OR up_at > ?)))`,
  ).all(i.id, from, from) as {
    equipmentId: string;
    reportedAt: number;
    down: number;
    downStart: number | null;
    upAt: number | null;
  }[];
  const rel = reliability(
    [{ id: i.id, category: eq.category, inServiceFrom: eq.installDay ? startOfDay(ctx, eq.installDay) : null }],
    failures.map((f) => ({ ...f, down: f.down === 1 })),
    from,
    ctx.now + 1,
    ctx.now,
  ).perEquipment.get(i.id)!;
  return {
    ...row,
    files: attachmentsOf(ctx, 'equipment', i.id, name),
    lastReading: reading ? { value: reading.value, readAt: isoOf(reading.readAt) } : null,
    plans: listPlans(ctx, { equipmentId: i.id, includeInactive: false }),
    workOrders: rowsWhere(ctx, 'w.equipment_id = ?', [i.id], 20),
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
  if (i.supplierId && !prep(ctx, 'SELECT 1 FROM suppliers WHERE id = ?').get(i.supplierId)) {
    fieldError('VALIDATION', 'error.repairs.supplierNotFound', 'supplierId');
  }
  if (i.vendorId && !prep(ctx, 'SELECT 1 FROM service_vendors WHERE id = ?').get(i.vendorId)) {
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
    serial_no: i.serialNo,
    supplier_id: i.supplierId ?? null,
    vendor_id: i.vendorId ?? null,
    install_day: i.installDay ?? null,
    warranty_end: i.warrantyEnd ?? null,
    criticality: i.criticality,
    active: i.active ? 1 : 0,
    note: i.note,
  };
  const cols = Object.keys(values);
  if (i.id) {
    const before = findEquipment(ctx, i.id) ?? notFound('error.repairs.equipmentNotFound', { ref: i.code });
    if (before.code !== i.code) fieldError('VALIDATION', 'error.repairs.codeFixed', 'code', { code: before.code });
    prep(ctx, `UPDATE equipment SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(
      ...Object.values(values),
      ctx.now,
      i.id,
    );
    ctx.changed({ table: 'equipment', id: i.id, op: 'update', values: { ...i } });
    return equipmentRow(ctx, i.id);
  }
  // Codes are unique across the chain: a store registers only codes under its own prefix.
  const prefix = `${equipmentPrefix(storeCode(ctx))}-`;
  if (!i.code.toUpperCase().startsWith(prefix)) {
    fieldError('VALIDATION', 'error.repairs.codePrefix', 'code', { prefix });
  }
  const code = i.code.toUpperCase();
  if (prep(ctx, 'SELECT 1 FROM equipment WHERE code = ? COLLATE NOCASE').get(code)) {
    fieldError('CONFLICT', 'error.repairs.codeTaken', 'code', { code });
  }
  const id = uuidv7(ctx.now);
  prep(
    ctx,
    `INSERT INTO equipment (id, code, store_id, ${cols.join(', ')}, created_at, updated_at)
       VALUES (?, ?, ?, ${cols.map(() => '?').join(', ')}, ?, ?)`,
  ).run(id, code, storeId(ctx), ...Object.values(values), ctx.now, ctx.now);
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
    openWorkOrders: rowsWhere(ctx, "w.equipment_id = ? AND w.status NOT IN ('closed', 'cancelled')", [e.id], 50),
    suggestedPriority: { running: suggestPriority(criticality, false), down: suggestPriority(criticality, true) },
  };
}
