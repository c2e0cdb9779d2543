import type { enPeriods } from '../en/periods';

/** 简体中文：库存规则（补录期限、月结、金额上限）与调拨差异。 */
export const zhPeriods: Record<keyof typeof enPeriods, string> = {
  'error.stock.valueRange': '{item} 这一笔的金额超出单笔上限（最多 {max}）。请检查单价和数量。',
  'error.stock.unitCost': '按这个金额，{item} 每 {unit} 的成本超过 {max}。请检查单价及其单位。',
  'error.stock.stockValue': '{item} 的库存金额将超过 {max}。请检查单价和数量。',
  'error.stock.closedPeriod': '{month} 已月结，{item} 不能记到 {day}。请按今天的日期记录，或请管理员反结账 {month}。',
  'error.stock.todayOnly': '您只能记录今天（{today}）的流水，{item} 不能记到 {day}。更早的流水请由店长记录。',
  'error.stock.backdated':
    '流水最多只能补录到 {days} 天前（{earliest} 起），{item} 记到 {day} 太早了。请联系管理员，或在门店设置中调整补录天数。',
  'error.stock.negativeThen':
    '{day} 时 {item} 库存不足：这笔流水会使当时的库存变成 {qty}，因为之后的流水已经用掉了这些库存。请改用较晚的日期，或先补录缺少的入库。',
  'kind.transfer_variance': '调拨差异',
  'error.ops.varianceReason': '实收数量与调出数量（{sent}）不一致：请在备注中写明原因（途中短少、破损等）。',
  'ops.transfers.lineNote': '备注（数量不符时写明原因）',
  'reports.waste.transferVariance': '调拨差异（途中短溢）',

  'periods.nav': '库存月结',
  'periods.title': '库存月结',
  'periods.hint':
    '月结后的月份即被锁定：任何人都不能再把流水记入该月或更早的日期。对已结月份的更正，请在当前未结的月份中记录（冲销或盘点）。',
  'periods.v.month': '请输入月份，例如 2026-03。',
  'periods.col.month': '月份',
  'periods.col.state': '状态',
  'periods.col.moves': '流水笔数',
  'periods.col.closedAt': '月结时间',
  'periods.col.closedBy': '月结人',
  'periods.col.reopened': '最近一次反结账',
  'periods.state.open': '未结',
  'periods.state.closed': '已结',
  'periods.state.current': '本月',
  'periods.close': '月结至此月',
  'periods.closeConfirm': '确定月结 {month} 吗？之前所有未结的月份也会一并月结，之后这些月份不能再记入任何流水。',
  'periods.closedDone': '已月结至 {month}。',
  'periods.reopen': '反结账',
  'periods.reopenTitle': '反结账 {month}',
  'periods.reopenHint': '反结账后，{month} 又可以记入流水。反结账及其原因会记入审计日志。',
  'periods.reopenReason': '原因',
  'periods.reopenedDone': '{month} 已反结账。',
  'periods.reopenedInfo': '{who}，{at}：{reason}',
  'error.periods.notPast': '只能月结已经结束的月份（{month} 不早于本月 {current}）。',
  'error.periods.alreadyClosed': '{month} 已经月结（已结至 {latest}）。',
  'error.periods.openCount': '盘点单 {number} 尚未过账，且有 {month} 或更早盘点的行：请先过账或作废，再月结 {month}。',
  'error.periods.inconsistent': '{month} 的汇总与流水对不上，无法月结。请先备份数据库，再联系技术支持。',
  'error.periods.reopenLatest': '只能反结账最近月结的月份（{latest}），请先反结账之后的月份。',
  'error.periods.notClosed': '{month} 尚未月结。',

  'settings.backdate': '流水补录期限',
  'settings.backdate.hint':
    '各角色最多可以把流水日期往前补录几天（0 = 只能记今天，按门店时区）。已月结的月份对所有人锁定。',
};
