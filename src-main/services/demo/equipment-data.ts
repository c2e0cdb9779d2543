export interface EquipmentEntry {
  /** Middle part of the code: SH001-COOL-01. Units are numbered per kind in list order, so only append. */
  kind: string;
  name: string;
  /** Stable English key: refrigeration, cooking, dishwashing, ventilation, hvac, plumbing, it, scales. */
  category: string;
  /** `{n}` becomes the unit's two-digit number (the table an induction hob is built into). */
  location: string;
  make: string;
  model: string;
  /** Serial of unit 01; units bought together get consecutive serials. */
  serial: string;
  /** Identical units (default 1). */
  count?: number;
}

const KITCHEN = '后厨 Kitchen';
const DISH_ROOM = '洗碗间 Dish room';
const RECEIVING = '收货区 Receiving';

export const EQUIPMENT_ENTRIES: readonly EquipmentEntry[] = [
  {
    kind: 'COOL',
    name: '冷库 (Walk-in cooler)',
    category: 'refrigeration',
    location: KITCHEN,
    make: '海尔 Haier',
    model: 'LK-12M',
    serial: 'HR21LK0307',
  },
  {
    kind: 'FRZ',
    name: '卧式冷冻柜 (Chest freezer)',
    category: 'refrigeration',
    location: KITCHEN,
    make: '海尔 Haier',
    model: 'BC/BD-519HK',
    serial: 'HR22BD51904',
    count: 2,
  },
  {
    kind: 'FRG',
    name: '四门冰箱 (Four-door kitchen fridge)',
    category: 'refrigeration',
    location: KITCHEN,
    make: '银都 Yindu',
    model: 'QB1.0L4',
    serial: 'YD2203Q1186',
    count: 2,
  },
  {
    kind: 'DISP',
    name: '饮料展示柜 (Beverage display cooler)',
    category: 'refrigeration',
    location: '大厅 Dining hall',
    make: '星星 Xingxing',
    model: 'LSC-458',
    serial: 'XX22S458092',
  },
  {
    kind: 'ICE',
    name: '制冰机 (Ice machine)',
    category: 'refrigeration',
    location: '吧台 Bar',
    make: '星崎 Hoshizaki',
    model: 'IM-65NE',
    serial: 'HZ2207650418',
  },
  {
    kind: 'WOK',
    name: '炒锅灶 (Wok range)',
    category: 'cooking',
    location: KITCHEN,
    make: '银都 Yindu',
    model: 'CL-2D',
    serial: 'YD2204C0233',
  },
  {
    kind: 'STM',
    name: '蒸柜 (Steam cabinet)',
    category: 'cooking',
    location: KITCHEN,
    make: '银都 Yindu',
    model: 'ZG-12P',
    serial: 'YD2204Z0517',
  },
  {
    kind: 'SLC',
    name: '切肉机 (Meat slicer)',
    category: 'cooking',
    location: KITCHEN,
    make: 'Bizerba',
    model: 'VS12 D',
    serial: 'BZ2206V1240',
  },
  {
    kind: 'IND',
    name: '电磁炉 (Table induction hob)',
    category: 'cooking',
    location: '大厅 Dining hall · A{n} 桌',
    make: '美的 Midea',
    model: 'MC-CLE2101',
    serial: 'MD2211C0451',
    count: 6,
  },
  {
    kind: 'DW',
    name: '洗碗机 (Hood-type dishwasher)',
    category: 'dishwashing',
    location: DISH_ROOM,
    make: 'Winterhalter 温特豪德',
    model: 'PT-M',
    serial: 'WH22PTM30871',
  },
  {
    kind: 'STER',
    name: '消毒柜 (Dish sterilizing cabinet)',
    category: 'dishwashing',
    location: DISH_ROOM,
    make: '康宝 Canbo',
    model: 'RTP700G-1',
    serial: 'KB2205R0964',
  },
  {
    kind: 'HOOD',
    name: '油烟机 (Kitchen exhaust hood)',
    category: 'ventilation',
    location: KITCHEN,
    make: '银都 Yindu',
    model: 'YZ-3000',
    serial: 'YD2204Y0088',
  },
  {
    kind: 'AC',
    name: '空调 (Air conditioner)',
    category: 'hvac',
    location: '大厅 Dining hall',
    make: '大金 Daikin',
    model: 'RHXYQ16SY1',
    serial: 'DK2203V2275',
  },
  {
    kind: 'AC',
    name: '空调 (Air conditioner)',
    category: 'hvac',
    location: '包间 Private rooms',
    make: '格力 Gree',
    model: 'KFR-72LW',
    serial: 'GR2204K7361',
  },
  {
    kind: 'WH',
    name: '商用热水器 (Commercial water heater)',
    category: 'plumbing',
    location: DISH_ROOM,
    make: 'A.O.史密斯 A.O. Smith',
    model: 'BTR-80',
    serial: 'AOS2205B0312',
  },
  {
    kind: 'POS',
    name: '收银机 (POS terminal)',
    category: 'it',
    location: '收银台 Cashier',
    make: '商米 Sunmi',
    model: 'T2s',
    serial: 'SM22T2S08735',
  },
  {
    kind: 'KPR',
    name: '厨房打印机 (Kitchen order printer)',
    category: 'it',
    location: KITCHEN,
    make: '芯烨 Xprinter',
    model: 'XP-N160II',
    serial: 'XP2206N1652',
  },
  {
    kind: 'LBL',
    name: '标签打印机 (Label printer)',
    category: 'it',
    location: RECEIVING,
    make: '佳博 Gprinter',
    model: 'GP-3120TU',
    serial: 'GP2207T3308',
  },
  {
    kind: 'NVR',
    name: '监控录像机 (CCTV recorder)',
    category: 'it',
    location: '办公室 Office',
    make: '海康威视 Hikvision',
    model: 'DS-7808N-K2',
    serial: 'HK2203D7741',
  },
  {
    kind: 'SCL',
    name: '收货台秤 (Receiving platform scale)',
    category: 'scales',
    location: RECEIVING,
    make: '托利多 Toledo',
    model: 'TCS-150',
    serial: 'TL2206T1509',
  },
  {
    kind: 'SCL',
    name: '电子秤 (Kitchen bench scale)',
    category: 'scales',
    location: KITCHEN,
    make: '顶尖 Dingjian',
    model: 'PS1-30',
    serial: 'DJ2206P0374',
  },
];
