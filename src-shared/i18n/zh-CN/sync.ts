import type { enSync } from '../en/sync';

/** 简体中文：门店与总部同步（加入总部、同步页面、状态栏）。 */
export const zhSync: Record<keyof typeof enSync, string> = {
  'error.HQ_UNREACHABLE': '无法连接总部（{detail}）。请检查地址和网络后重试。',
  'error.sync.hqUrl': '请输入总部地址，格式为 https://…（只有总部在本机时才可用 http://）。',
  'error.sync.notSetUp': '请先完成门店设置：总部需要门店编码和名称。',
  'error.sync.notEnrolled': '本店尚未加入总部。',
  'error.sync.refused': '总部拒绝了请求：{reason}',
  'error.sync.hqOwned':
    '本店加入总部（{hq}）后，此{what}的{fields}由总部统一管理，请联系总部修改。门店自己的设置仍可在这里修改。',
  'sync.v.hqUrl': '请输入总部地址。',
  'sync.v.code': '请输入总部提供的一次性代码。',
  'sync.refusal.INVALID_CODE': '代码错误、已用过或已过期，请向总部索取新代码。',
  'sync.refusal.REVOKED': '总部已停用本店，请向总部索取新的加入代码。',
  'sync.refusal.WRONG_STORE': '总部认为这些数据属于另一家门店，请联系总部核对本店的加入信息。',
  'sync.refusal.STORE_UPDATE_REQUIRED': '总部需要本应用的新版本，请更新。在此期间数据不会丢失。',
  'sync.refusal.HQ_UPDATE_REQUIRED': '总部的版本比本应用旧，需要总部先更新。待同步的数据会保留在本店。',
  'sync.refusal.CLOCK_AHEAD': '本机时钟比总部快了一天以上，请校正本机的日期和时间。',
  'sync.refusal.CLOCK_BEHIND': '总部的时钟比本机快了一天以上，请校正本机的日期和时间。',
  'sync.refusal.PLAN_CHANGED': '预览之后总部的数据有变化，请重新预览后再确认。',
  'sync.refusal.BUSY': '总部繁忙，应用会自动重试。',
  'sync.refusal.other': '总部拒绝了请求（{code}）。',
};
