/**
 * Purchasing details of the demo suppliers (SUP-001 ... in suppliers-data.ts
 * order) and who sells which demo items. Minimum orders are in whole yuan;
 * order days are ISO weekdays (1 = Monday).
 */
export interface SupplierDetail {
  email: string;
  address: string;
  leadTimeDays: number;
  orderDays: number[];
  minOrderYuan: number;
  note?: string;
  contacts?: { name: string; role: string; phone: string }[];
}

export const SUPPLIER_DETAILS: Record<string, SupplierDetail> = {
  'SUP-001': {
    email: 'order@xianda-meat.example.cn',
    address: '上海市闵行区七宝镇沪松公路 1288 号',
    leadTimeDays: 1,
    orderDays: [1, 3, 5],
    minOrderYuan: 800,
    note: '冷链车配送，上午 10 点前到货',
    contacts: [{ name: '张丽', role: '财务', phone: '021-56781235' }],
  },
  'SUP-002': {
    email: 'sales@haiwang-aquatic.example.cn',
    address: '上海市普陀区铜川路 700 号水产市场 B 区 12 号',
    leadTimeDays: 1,
    orderDays: [1, 2, 3, 4, 5, 6],
    minOrderYuan: 500,
  },
  'SUP-003': {
    email: 'jq-veg@example.cn',
    address: '上海市嘉定区江桥镇曹安公路 5001 号',
    leadTimeDays: 1,
    orderDays: [1, 2, 3, 4, 5, 6, 7],
    minOrderYuan: 200,
    note: '每日早 7 点前送达',
  },
  'SUP-004': {
    email: 'douxiangyuan@example.cn',
    address: '上海市松江区九亭镇涞寅路 88 号',
    leadTimeDays: 1,
    orderDays: [1, 2, 3, 4, 5, 6],
    minOrderYuan: 150,
  },
  'SUP-005': {
    email: 'sh@shuwei-seasoning.example.cn',
    address: '上海市徐汇区漕宝路 33 号 5 楼',
    leadTimeDays: 3,
    orderDays: [2, 4],
    minOrderYuan: 1000,
  },
  'SUP-006': {
    email: 'fenggu@example.cn',
    address: '上海市宝山区长江西路 2301 号',
    leadTimeDays: 2,
    orderDays: [1, 4],
    minOrderYuan: 600,
  },
  'SUP-007': {
    email: 'changyin-bev@example.cn',
    address: '上海市浦东新区张杨路 1500 号',
    leadTimeDays: 2,
    orderDays: [2, 5],
    minOrderYuan: 1500,
    contacts: [{ name: '钱晓东', role: '配送', phone: '186-2180-3357' }],
  },
  'SUP-008': {
    email: 'yuanfeng-frozen@example.cn',
    address: '上海市青浦区华新镇华志路 1588 号冷库',
    leadTimeDays: 2,
    orderDays: [1, 3, 5],
    minOrderYuan: 1000,
    note: '肉类与水产的第二供应商',
  },
  'SUP-009': {
    email: 'hefeng-eggs@example.cn',
    address: '上海市奉贤区南桥镇环城北路 66 号',
    leadTimeDays: 1,
    orderDays: [1, 3, 5],
    minOrderYuan: 100,
  },
  'SUP-010': {
    email: 'lvhe-pack@example.cn',
    address: '上海市金山区亭林镇亭卫公路 6001 号',
    leadTimeDays: 5,
    orderDays: [3],
    minOrderYuan: 500,
  },
  'SUP-011': {
    email: 'jiemei@example.cn',
    address: '上海市长宁区天山路 900 号',
    leadTimeDays: 3,
    orderDays: [2],
    minOrderYuan: 300,
  },
  'SUP-012': {
    email: 'service@chuda-repair.example.cn',
    address: '上海市静安区共和新路 3388 号',
    leadTimeDays: 1,
    orderDays: [],
    minOrderYuan: 0,
    note: '设备维修，不供货',
  },
};

/**
 * Who sells each item group (by code prefix): the first supplier is the
 * preferred one, a second is a back-up source. Pieces in the meat group are
 * eggs and sausages, from the egg supplier.
 */
export const SOURCES: Record<string, { g?: string[]; ml?: string[]; pc?: string[] }> = {
  MEAT: { g: ['SUP-001', 'SUP-008'], pc: ['SUP-009'] },
  SEA: { g: ['SUP-002', 'SUP-008'] },
  VEG: { g: ['SUP-003'] },
  SOY: { g: ['SUP-004'] },
  DRY: { g: ['SUP-006'], pc: ['SUP-006'] },
  SAUCE: { g: ['SUP-005'], ml: ['SUP-005', 'SUP-006'] },
  BEV: { pc: ['SUP-007'], ml: ['SUP-007'] },
  PACK: { pc: ['SUP-010'] },
  CLEAN: { ml: ['SUP-011'], pc: ['SUP-011'] },
};

/** A back-up source asks a little more: its price per pack, in percent of the preferred one's. */
export const BACKUP_PRICE_PERCENT = 108;

/**
 * Market prices of the demo's goods in yuan per kg, l or piece, by item
 * group and base unit; each item is priced from 75% to 125% of it, by its
 * number, so the catalogue reads like a real one.
 */
export const LIST_PRICES: Record<string, { g?: number; ml?: number; pc?: number }> = {
  MEAT: { g: 68, pc: 1.2 },
  SEA: { g: 85 },
  VEG: { g: 7 },
  SOY: { g: 9 },
  DRY: { g: 16, pc: 4.5 },
  SAUCE: { g: 28, ml: 14 },
  BEV: { pc: 4.2, ml: 9 },
  PACK: { pc: 0.35 },
  CLEAN: { ml: 7.5, pc: 1.5 },
};
