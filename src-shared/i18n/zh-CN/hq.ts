import type { enHq } from '../en/hq';

/** 总部服务端的中文文本：总部网页接口的错误和校验提示。 */
export const zhCNHq: Record<keyof typeof enHq, string> = {
  'hq.role.admin': '总部管理员',
  'hq.role.operations': '运营',
  'hq.role.maintenance': '维修',
  'hq.role.viewer': '只读',
  'hq.error.forbidden': '您的总部角色（{role}）无权执行此操作，请联系总部管理员。',
  'hq.error.setupDone': '总部已有管理员，请直接登录。',
  'hq.error.setupRemote': '第一个总部管理员只能在总部服务器本机上创建，或运行：npm run hq -- --create-admin 用户名',
  'hq.error.storeCodeTaken': '门店编码 {code} 已存在，请换一个编码。',
  'hq.error.storeNotFound': '总部没有这个门店，请刷新列表。',
  'hq.error.notFound': '该记录在总部已不存在，请刷新列表后重试。',
  'hq.error.codeTaken': '编码 {code} 已被使用，请换一个编码。',
  'hq.error.unknownRef': '引用的供应商或商品在总部不存在（可能已被删除），请刷新后重试。',
  'hq.error.value': '{column} 的值无效：{detail}。',
  'hq.error.workOrderNotFound': '这张工单还没有从门店同步到总部，请等门店同步后再试。',
  'hq.validation.storeCode': '只能使用字母、数字、点、横线和下划线。',
  'hq.validation.month': '月份请写成 YYYY-MM，例如 2026-11。',
  'hq.validation.noFields': '请至少修改一个字段。',
};
