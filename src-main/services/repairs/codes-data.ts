/**
 * The fault codes and repair codes every store starts with (HQ will own them
 * once replication exists). Equipment categories are the chain's stable keys;
 * codes in 'general' apply to equipment of every category.
 *
 * Fault codes: [group code, zh, en, [[symptom suffix, zh, en], ...]] per
 * category, expanded to GROUP and GROUP-SUFFIX codes.
 */
type Group = [string, string, string, [string, string, string][]];

export const GENERAL_CATEGORY = 'general';

export const FAULT_GROUPS: Record<string, Group[]> = {
  general: [
    [
      'GEN',
      '通用故障',
      'General',
      [
        ['DMG', '外观破损', 'Physical damage'],
        ['NOISE', '异响或震动', 'Unusual noise or vibration'],
        ['POWER', '不通电 / 跳闸', 'No power / trips the breaker'],
        ['OTHER', '其他问题', 'Other problem'],
      ],
    ],
  ],
  refrigeration: [
    [
      'REF-COOL',
      '制冷',
      'Cooling',
      [
        ['WARM', '温度偏高 / 不制冷', 'Not cold enough'],
        ['ICE', '结霜结冰严重', 'Heavy frost or ice'],
        ['CYCLE', '压缩机频繁启停', 'Compressor short-cycling'],
      ],
    ],
    [
      'REF-BODY',
      '箱体与门',
      'Cabinet and doors',
      [
        ['SEAL', '门封条漏气', 'Door gasket leaking'],
        ['DOOR', '门关不严 / 铰链损坏', 'Door does not close / hinge broken'],
        ['WATER', '漏水 / 排水堵塞', 'Water leak / blocked drain'],
      ],
    ],
    ['REF-CTRL', '控制', 'Controls', [['DISP', '温控器显示异常 / 报警', 'Thermostat display fault / alarm']]],
  ],
  cooking: [
    [
      'COOK-HEAT',
      '加热',
      'Heating',
      [
        ['NOHEAT', '不加热 / 火力不足', 'No heat / weak heat'],
        ['IGN', '点火失败', 'Does not ignite'],
        ['TEMP', '温度失控', 'Temperature out of control'],
      ],
    ],
    [
      'COOK-GAS',
      '燃气',
      'Gas',
      [
        ['SMELL', '有燃气味', 'Smell of gas'],
        ['VALVE', '阀门故障', 'Valve fault'],
      ],
    ],
    [
      'COOK-MECH',
      '机械',
      'Mechanical',
      [
        ['BLADE', '刀片钝 / 损坏', 'Blade dull or damaged'],
        ['MOTOR', '电机不转', 'Motor does not run'],
      ],
    ],
  ],
  dishwashing: [
    [
      'DISH-WASH',
      '洗涤',
      'Washing',
      [
        ['DIRTY', '洗不干净', 'Dishes not clean'],
        ['TEMP', '水温不够', 'Water not hot enough'],
        ['CHEM', '洗涤剂 / 干燥剂不进', 'Detergent or rinse aid not dosing'],
      ],
    ],
    [
      'DISH-WATER',
      '进排水',
      'Water in and out',
      [
        ['LEAK', '漏水', 'Leaking'],
        ['DRAIN', '排水不畅', 'Does not drain'],
      ],
    ],
  ],
  ventilation: [
    [
      'VENT-AIR',
      '排风',
      'Extraction',
      [
        ['WEAK', '吸力不足', 'Weak extraction'],
        ['GREASE', '油污积聚 / 滴油', 'Grease build-up / dripping'],
        ['FAN', '风机不转', 'Fan does not run'],
      ],
    ],
  ],
  hvac: [
    [
      'HVAC-AIR',
      '空调',
      'Air conditioning',
      [
        ['WARM', '不制冷 / 制冷差', 'Not cooling'],
        ['LEAK', '室内机漏水', 'Indoor unit leaking'],
        ['SMELL', '有异味', 'Bad smell'],
      ],
    ],
  ],
  plumbing: [
    [
      'PLB-WATER',
      '给排水',
      'Water',
      [
        ['NOHOT', '没有热水', 'No hot water'],
        ['LEAK', '漏水', 'Leaking'],
        ['CLOG', '下水堵塞', 'Drain blocked'],
      ],
    ],
  ],
  it: [
    [
      'IT-DEV',
      '设备',
      'Device',
      [
        ['BOOT', '无法开机 / 死机', 'Does not start / freezes'],
        ['NET', '网络不通', 'No network'],
        ['PRINT', '打印异常 / 卡纸', 'Printing fault / paper jam'],
        ['SCREEN', '屏幕 / 触摸失灵', 'Screen or touch not working'],
      ],
    ],
  ],
  scales: [
    [
      'SCL-WEIGH',
      '称重',
      'Weighing',
      [
        ['DRIFT', '称重不准 / 漂移', 'Inaccurate / drifting'],
        ['ZERO', '无法归零', 'Will not zero'],
        ['COMM', '与电脑无法通信', 'No connection to the PC'],
      ],
    ],
  ],
};

/** Resolution codes (reason_codes kind 'repair_fix'): what was done. */
export const RESOLUTION_CODES: [string, string, string][] = [
  ['adjust', '调整 / 校准', 'Adjusted / calibrated'],
  ['clean', '清洁 / 疏通', 'Cleaned / unblocked'],
  ['replace_part', '更换零件', 'Part replaced'],
  ['repair_part', '修复零件', 'Part repaired'],
  ['reset', '复位 / 重启', 'Reset / restarted'],
  ['refrigerant', '补充冷媒', 'Refrigerant recharged'],
  ['vendor_fix', '厂家 / 服务商维修', 'Fixed by vendor'],
  ['replace_unit', '整机更换', 'Unit replaced'],
  ['no_fault', '未发现故障', 'No fault found'],
];

/** Root-cause codes (reason_codes kind 'repair_cause'): why it failed. */
export const ROOT_CAUSE_CODES: [string, string, string][] = [
  ['wear', '正常磨损', 'Normal wear'],
  ['misuse', '使用不当', 'Misuse'],
  ['dirt', '脏堵 / 缺少清洁', 'Dirt / lack of cleaning'],
  ['no_pm', '未按时保养', 'Missed maintenance'],
  ['power', '供电问题', 'Power supply'],
  ['water', '水质 / 水压问题', 'Water quality / pressure'],
  ['defect', '设备缺陷', 'Manufacturing defect'],
  ['install', '安装问题', 'Installation'],
  ['unknown', '原因不明', 'Unknown'],
];

export interface FaultSeed {
  code: string;
  category: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

export function faultSeeds(): FaultSeed[] {
  const out: FaultSeed[] = [];
  for (const [category, groups] of Object.entries(FAULT_GROUPS)) {
    groups.forEach(([group, zh, en, symptoms], g) => {
      out.push({ code: group, category, parentCode: null, nameZh: zh, nameEn: en, sortOrder: (g + 1) * 100 });
      symptoms.forEach(([suffix, szh, sen], s) =>
        out.push({
          code: `${group}-${suffix}`,
          category,
          parentCode: group,
          nameZh: szh,
          nameEn: sen,
          sortOrder: (g + 1) * 100 + (s + 1) * 10,
        }),
      );
    });
  }
  return out;
}
