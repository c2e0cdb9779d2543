/**
 * The demo restaurant's maintenance side: service vendors, how critical each
 * kind of equipment is, preventive plans, and how often each category fails.
 * Equipment is named by its kind (the middle part of the code: COOL, WOK, ...).
 */

export interface VendorEntry {
  code: string;
  name: string;
  contact: string;
  phone: string;
  email: string;
  categories: string[];
  contractNo: string;
  terms: string;
  /** ¥ per hour. */
  rate: number;
}

export const DEMO_VENDORS: readonly VendorEntry[] = [
  {
    code: 'SV-001',
    name: '上海冷链制冷设备维修有限公司',
    contact: '周建国',
    phone: '021-64381172',
    email: 'service@coldchain-sh.example.cn',
    categories: ['refrigeration'],
    contractNo: 'HT-ZL-2025-017',
    terms: '4 小时内到场，每季度保养一次，配件另计 / On site within 4 h, quarterly service, parts extra',
    rate: 150,
  },
  {
    code: 'SV-002',
    name: '银都厨房设备售后服务中心',
    contact: '钱师傅',
    phone: '139-1638-2275',
    email: 'aftersales@yindu.example.cn',
    categories: ['cooking', 'dishwashing', 'ventilation'],
    contractNo: 'HT-CF-2025-042',
    terms: '次日上门，油烟机每两月清洗 / Next-day visit, hood cleaning every two months',
    rate: 120,
  },
  {
    code: 'SV-003',
    name: '大金空调特约维修站（黄浦）',
    contact: '孙经理',
    phone: '021-63551908',
    email: 'hp-service@daikin-partner.example.cn',
    categories: ['hvac'],
    contractNo: 'HT-KT-2025-008',
    terms: '夏季 8 小时响应 / 8-hour response in summer',
    rate: 160,
  },
  {
    code: 'SV-004',
    name: '申通信息技术服务部',
    contact: '吴工',
    phone: '186-2170-5533',
    email: 'it@shentong-it.example.cn',
    categories: ['it', 'scales'],
    contractNo: 'HT-IT-2025-003',
    terms: '远程支持 7×24，现场 1 个工作日 / Remote 24/7, on site next working day',
    rate: 100,
  },
];

/** Criticality per equipment kind (anything not listed: medium) and the vendor that services it. */
export const KIND_PROFILE: Record<string, { criticality: 'low' | 'medium' | 'high' | 'critical'; vendor?: string }> = {
  COOL: { criticality: 'critical', vendor: 'SV-001' },
  FRZ: { criticality: 'high', vendor: 'SV-001' },
  FRG: { criticality: 'high', vendor: 'SV-001' },
  DISP: { criticality: 'low', vendor: 'SV-001' },
  ICE: { criticality: 'medium', vendor: 'SV-001' },
  WOK: { criticality: 'critical', vendor: 'SV-002' },
  STM: { criticality: 'high', vendor: 'SV-002' },
  SLC: { criticality: 'medium', vendor: 'SV-002' },
  IND: { criticality: 'high', vendor: 'SV-002' },
  DW: { criticality: 'critical', vendor: 'SV-002' },
  STER: { criticality: 'medium', vendor: 'SV-002' },
  HOOD: { criticality: 'critical', vendor: 'SV-002' },
  AC: { criticality: 'medium', vendor: 'SV-003' },
  WH: { criticality: 'high' },
  POS: { criticality: 'critical', vendor: 'SV-004' },
  KPR: { criticality: 'high', vendor: 'SV-004' },
  LBL: { criticality: 'low', vendor: 'SV-004' },
  NVR: { criticality: 'low', vendor: 'SV-004' },
  SCL: { criticality: 'medium', vendor: 'SV-004' },
};

/** Mean days between failures of one unit, per category (a busy hot-pot kitchen). */
export const FAILURE_EVERY_DAYS: Record<string, number> = {
  refrigeration: 55,
  cooking: 70,
  dishwashing: 45,
  ventilation: 120,
  hvac: 90,
  plumbing: 110,
  it: 60,
  scales: 150,
};

export interface PlanEntry {
  name: string;
  /** Equipment code suffix after the store prefix (COOL-01), or a category. */
  unit?: string;
  category?: string;
  intervalKind: 'days' | 'weeks' | 'months' | 'meter';
  interval: number;
  leadDays: number;
  /** 'tech' or a vendor code. */
  assignee: string;
  checklist: { key: string; label: string; kind: 'check' | 'reading'; unit?: string; min?: number; max?: number }[];
  /** Consumables used each time: item code and quantity in the base unit. */
  parts?: [string, number][];
  /** A vendor's invoice each time (¥). */
  invoice?: number;
}

export const DEMO_PLANS: readonly PlanEntry[] = [
  {
    name: '冷库月度检查 (Walk-in cooler monthly check)',
    unit: 'COOL-01',
    intervalKind: 'months',
    interval: 1,
    leadDays: 5,
    assignee: 'tech',
    checklist: [
      { key: 'temp', label: '库内温度 Cooler temperature', kind: 'reading', unit: '°C', min: 0, max: 5000 },
      { key: 'seal', label: '门封条完好 Door gasket intact', kind: 'check' },
      { key: 'coil', label: '冷凝器已清洁 Condenser coil cleaned', kind: 'check' },
      { key: 'drain', label: '排水通畅 Drain clear', kind: 'check' },
    ],
    parts: [['CLEAN-009', 2_000]],
  },
  {
    name: '洗碗机每周保养 (Dishwasher weekly service)',
    unit: 'DW-01',
    intervalKind: 'weeks',
    interval: 1,
    leadDays: 1,
    assignee: 'tech',
    checklist: [
      { key: 'arms', label: '喷淋臂已清洗 Wash arms cleaned', kind: 'check' },
      { key: 'rinse', label: '漂洗水温 Rinse temperature', kind: 'reading', unit: '°C', min: 82_000, max: 90_000 },
      { key: 'dosing', label: '洗涤剂投放正常 Detergent dosing works', kind: 'check' },
    ],
  },
  {
    name: '制冰机季度除垢消毒 (Ice machine quarterly descale and sanitise)',
    unit: 'ICE-01',
    intervalKind: 'months',
    interval: 3,
    leadDays: 7,
    assignee: 'SV-001',
    checklist: [
      { key: 'descale', label: '已除垢 Descaled', kind: 'check' },
      { key: 'sanitise', label: '已消毒 Sanitised', kind: 'check' },
      { key: 'filter', label: '滤芯已更换 Water filter replaced', kind: 'check' },
    ],
    parts: [['CLEAN-002', 500_000]],
    invoice: 380,
  },
  {
    name: '油烟机双月清洗 (Exhaust hood cleaning every two months)',
    unit: 'HOOD-01',
    intervalKind: 'months',
    interval: 2,
    leadDays: 7,
    assignee: 'SV-002',
    checklist: [
      { key: 'filters', label: '油网已清洗 Grease filters cleaned', kind: 'check' },
      { key: 'duct', label: '风管已除油 Duct degreased', kind: 'check' },
      { key: 'fan', label: '风机运转正常 Fan runs smoothly', kind: 'check' },
    ],
    parts: [['CLEAN-005', 1_000_000]],
    invoice: 1200,
  },
  {
    name: '空调滤网清洗 (Air-conditioner filter cleaning)',
    category: 'hvac',
    intervalKind: 'months',
    interval: 1,
    leadDays: 3,
    assignee: 'tech',
    checklist: [
      { key: 'filter', label: '滤网已清洗 Filters cleaned', kind: 'check' },
      { key: 'outlet', label: '出风温度 Outlet air temperature', kind: 'reading', unit: '°C', min: 8_000, max: 16_000 },
    ],
  },
  {
    name: '蒸柜每 500 小时保养 (Steam cabinet service every 500 run hours)',
    unit: 'STM-01',
    intervalKind: 'meter',
    interval: 500,
    leadDays: 0,
    assignee: 'tech',
    checklist: [
      { key: 'descale', label: '蒸汽发生器除垢 Generator descaled', kind: 'check' },
      { key: 'gasket', label: '门胶条完好 Door gasket intact', kind: 'check' },
    ],
  },
];

/** Steam cabinet run hours per day (thousandths of an hour), read every Monday. */
export const STEAM_HOURS_PER_DAY = 9_500;

export const RESOLUTIONS: Record<string, [string, string, string][]> = {
  // [resolution code, root cause, what was done]
  refrigeration: [
    ['clean', 'dirt', '清洗冷凝器，恢复制冷 Cleaned the condenser coil, cooling back'],
    ['replace_part', 'wear', '更换门封条 Replaced the door gasket'],
    ['refrigerant', 'wear', '补充冷媒并检漏 Recharged refrigerant, checked for leaks'],
    ['adjust', 'misuse', '重新设定温控器 Reset the thermostat setpoint'],
    ['vendor_fix', 'defect', '服务商更换启动继电器 Vendor replaced the start relay'],
  ],
  cooking: [
    ['clean', 'dirt', '清理炉头积碳 Cleaned carbon off the burner'],
    ['replace_part', 'wear', '更换点火针 Replaced the ignition electrode'],
    ['adjust', 'misuse', '调整风门 Adjusted the air shutter'],
    ['vendor_fix', 'wear', '服务商更换电磁阀 Vendor replaced the solenoid valve'],
  ],
  dishwashing: [
    ['clean', 'dirt', '清洗喷淋臂和滤网 Cleaned wash arms and filters'],
    ['adjust', 'water', '调整进水压力 Adjusted the water inlet pressure'],
    ['replace_part', 'wear', '更换加热管 Replaced the heating element'],
  ],
  default: [
    ['reset', 'unknown', '断电重启后恢复 Power-cycled, working again'],
    ['replace_part', 'wear', '更换损坏部件 Replaced the broken part'],
    ['adjust', 'misuse', '重新设置 Reconfigured'],
    ['vendor_fix', 'defect', '服务商上门维修 Fixed by the vendor on site'],
  ],
};

export const STAGES = ['submitted', 'triaged', 'assigned', 'in_progress', 'waiting', 'resolved'] as const;
export type Stage = (typeof STAGES)[number];

export const PARTS_FOR: Record<string, [string, number]> = {
  dishwashing: ['CLEAN-003', 200_000],
  ventilation: ['CLEAN-005', 500_000],
  refrigeration: ['CLEAN-009', 1_000],
};
