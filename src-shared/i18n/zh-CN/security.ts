import type { enSecurity } from '../en/security';

/** 简体中文：HTTP 服务、登录限流与请求校验。 */
export const zhSecurity: Record<keyof typeof enSecurity, string> = {
  'security.host.refused':
    '该地址不是门店电脑的名称，门店后台不予响应。请使用这台电脑自己的地址或名称打开，或在启动时加上 --allowed-host 名称。',
  'security.http.badUrl': '请求地址无效（可能多了一个 % 号）。请检查链接后重试。',
  'security.http.crossSite': '已拒绝：请求必须以 JSON 格式从门店后台自己的页面发出。',
  'security.http.bodyTooLarge': '请求超过 8 MB。请发送更小的文件，或分批发送较少的行。',
  'security.http.notJson': '请求不是有效的 JSON。',
  'security.http.tooDeep': '请求的嵌套层级过深（超过 {max} 层）。',
  'security.http.usePost': '请使用 POST 调用门店后台。',
  'security.http.methodNotAllowed': '此处只响应 GET 和 HEAD 请求。',
  'security.http.internal': '门店后台无法处理此请求。请重试；如果再次出现，请告知管理员。',
  'security.events.signIn': '请先登录，才能接收实时更新。',
  'security.events.tooMany': '此账号打开的门店后台窗口过多。请关闭部分窗口后，再刷新本窗口。',
  'error.RATE_LIMITED': '短时间内请求过多。请稍候再试。',
  'security.wait.seconds': '{n} 秒',
  'security.wait.minutes': '{n} 分钟',
  'security.signIn.lockedHere':
    '此用户在本设备上登录失败次数过多，在本设备上锁定至 {until}。可在其他设备上登录，或请管理员解锁该账号。',
  'security.signIn.sourceWait': '本设备登录失败次数过多。请 {wait}后重试。',
  'security.secret.wrongCurrent': '当前 PIN/密码不正确。再错 {left} 次将自动退出登录。',
  'security.secret.signedOut': '当前 PIN/密码错误次数过多，已为您退出登录。请重新登录。',
  'security.clientError.tooMany': '本设备短时间内报告的错误过多，本次未记录。',
  'security.invoice.removeMatched': '发票 {number} 已匹配，不能删除。请先修改并保存（发票会回到草稿状态），再删除。',
  'security.labour.ownTime': '维修技师只能登记自己的工时。如需为他人登记，请联系经理。',
  'security.labour.ownLine': '维修技师只能作废自己的工时记录。如需作废此条，请联系经理。',
  'security.v.day': '不是有效的日期：请使用 YYYY-MM-DD 格式，年份在 2000 到 2100 之间（例如 2026-11-27）。',
  'security.v.instant': '不是带时区的有效日期时间（例如 2026-11-27T09:30:00+08:00），年份须在 2000 到 2100 之间。',
  'security.v.prefDepth': '该设置的嵌套层级过深（超过 {max} 层）。',
  'security.v.prefSize': '该设置过大（超过 64 KB）。请重置列设置后重试。',
};
