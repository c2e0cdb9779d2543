import type { MessageKey } from '../../../src-shared/i18n';

/** The label of a master column in the history, from the field labels the edit forms use. */
const LABELS: Record<string, MessageKey> = {
  code: 'hqm.f.code',
  name_zh: 'hqm.f.nameZh',
  name_en: 'hqm.f.nameEn',
  name: 'hqm.f.name',
  sort_order: 'hqm.f.sortOrder',
  active: 'hqm.f.active',
  equipment_category: 'hqm.f.category',
  parent_code: 'hqm.f.parentCode',
  contact: 'hqm.f.contact',
  phone: 'hqm.f.phone',
  email: 'hqm.f.email',
  categories: 'hqm.f.categories',
  note: 'hqm.f.note',
  category: 'items.f.category',
  make: 'hqm.f.make',
  model: 'hqm.f.model',
  serial_no: 'hqm.f.serialNo',
  store_id: 'hqm.f.store',
  vendor_id: 'hqm.f.vendor',
  install_day: 'hqm.f.installDay',
  warranty_end: 'hqm.f.warrantyEnd',
  criticality: 'hqm.f.criticality',
  item_id: 'hqm.f.item',
  unit: 'hqm.f.unit',
  purchase: 'hqm.f.purchase',
  count: 'hqm.f.count',
  definition: 'hqm.f.definition',
  base_unit: 'items.f.baseUnit',
  shelf_life_days: 'items.f.shelfLife',
  lot_tracked: 'items.f.lotTracked',
  supplier_code: 'catalogue.f.supplierCode',
  pack_unit: 'catalogue.f.packUnit',
};

export function columnLabel(t: (k: MessageKey, p?: Record<string, string | number>) => string, column: string): string {
  const key = LABELS[column];
  return key ? t(key, { currency: '', base: '' }) : column;
}
