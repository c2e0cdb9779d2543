import { equipmentPrefix } from '../repairs/equipment-code';
import { EQUIPMENT_ENTRIES } from './equipment-data';
import { ITEM_GROUPS, type BaseUnit } from './items-data';
import { SUPPLIER_DETAILS } from './procurement-data';
import { SUPPLIER_ENTRIES } from './suppliers-data';

/**
 * Expands the compact demo tables into rows (without ids and timestamps).
 * Codes come from positions in the tables, so they are the same on every run:
 * that is what makes seeding idempotent.
 */

export interface ItemSeed {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  baseUnit: BaseUnit;
}

export interface SupplierSeed {
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
  note: string;
}

export interface EquipmentSeed {
  code: string;
  name: string;
  category: string;
  location: string;
  make: string;
  model: string;
  serialNo: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function itemSeeds(): ItemSeed[] {
  return ITEM_GROUPS.flatMap((g) =>
    g.items.map(([nameZh, nameEn, unit], i) => ({
      code: `${g.prefix}-${pad(i + 1, 3)}`,
      nameZh,
      nameEn,
      category: g.category,
      baseUnit: unit ?? g.unit,
    })),
  );
}

/** Suppliers with their purchasing details (procurement-data.ts): lead time, order days, minimum order. */
export function supplierSeeds(): SupplierSeed[] {
  return SUPPLIER_ENTRIES.map(([name, contact, phone], i) => {
    const code = `SUP-${pad(i + 1, 3)}`;
    const d = SUPPLIER_DETAILS[code];
    return {
      code,
      name,
      contact,
      phone,
      contacts: JSON.stringify(d?.contacts ?? []),
      email: d?.email ?? '',
      address: d?.address ?? '',
      leadTimeDays: d?.leadTimeDays ?? 1,
      orderDays: (d?.orderDays ?? []).join(''),
      minOrderValue: (d?.minOrderYuan ?? 0) * 10_000,
      note: d?.note ?? '',
    };
  });
}

/** Adds `k` to the trailing number of a serial, keeping its width (units bought in one batch). */
export function bumpSerial(serial: string, k: number): string {
  const m = /^(.*?)(\d+)$/.exec(serial);
  if (!m || k === 0) return serial;
  const digits = m[2]!;
  return m[1]! + pad(Number(digits) + k, digits.length);
}

export function equipmentSeeds(storeCode: string): EquipmentSeed[] {
  const prefix = equipmentPrefix(storeCode);
  const perKind = new Map<string, number>();
  const out: EquipmentSeed[] = [];
  for (const e of EQUIPMENT_ENTRIES) {
    for (let unit = 0; unit < (e.count ?? 1); unit++) {
      const n = (perKind.get(e.kind) ?? 0) + 1;
      perKind.set(e.kind, n);
      out.push({
        code: `${prefix}-${e.kind}-${pad(n, 2)}`,
        name: e.name,
        category: e.category,
        location: e.location.replace('{n}', pad(unit + 1, 2)),
        make: e.make,
        model: e.model,
        serialNo: bumpSerial(e.serial, unit),
      });
    }
  }
  return out;
}
