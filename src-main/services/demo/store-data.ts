/** The demo restaurant: one store of a Sichuan hot-pot chain in central Shanghai. */
export const DEMO_STORE = {
  code: 'SH-001',
  name: '蜀香阁 · 人民广场店',
  address: '上海市黄浦区西藏中路 218 号 3 楼',
  timezone: 'Asia/Shanghai',
  currency: 'CNY',
} as const;
