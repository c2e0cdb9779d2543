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
};
