import type { enTransfersHq } from '../en/transfers-hq';

/** 简体中文：经总部的门店间调拨（收货门店的调拨列表、总部的调拨页面）。 */
export const zhTransfersHq: Record<keyof typeof enTransfersHq, string> = {
  'error.transfersHq.alreadyReceived':
    '来自 {from} 的调拨单 {number} 本店已签收过，本次没有重复入账。签收记录见调拨列表。',
  'transfersHq.arrivingFrom': '在途，来自 {store}',
  'hq.nav.transfers': '门店调拨',
  'hq.transfers.title': '门店间调拨',
  'hq.transfers.hint': '各门店之间的调拨。在途：已调出、尚未签收。差异：收货门店对短少或损坏的货品登记的调拨差异金额。',
  'hq.transfers.filter.all': '全部',
  'hq.transfers.filter.in_transit': '在途',
  'hq.transfers.filter.received': '已签收',
  'hq.transfers.filter.unrouted': '未转发',
  'hq.transfers.status.in_transit': '在途',
  'hq.transfers.status.received': '已签收',
  'hq.transfers.status.unrouted': '未转发',
  'hq.transfers.totalInTransit': '在途（{count} 单）',
  'hq.transfers.totalReceived': '已签收（{count} 单）实收金额',
  'hq.transfers.totalVariance': '签收差异',
  'hq.transfers.col.number': '调拨单号',
  'hq.transfers.col.from': '调出门店',
  'hq.transfers.col.to': '调入门店',
  'hq.transfers.col.sentAt': '调出时间',
  'hq.transfers.col.status': '状态',
  'hq.transfers.col.lines': '行数',
  'hq.transfers.col.valueSent': '调出金额',
  'hq.transfers.col.valueReceived': '实收金额',
  'hq.transfers.col.variance': '差异金额',
  'hq.transfers.col.receivedAt': '签收时间',
  'hq.transfers.col.problem': '问题',
  'hq.transfers.problem.unknownStore':
    '连锁里没有编码为 {to} 的门店，总部无法转发，货品仍记在 {from} 的在途中。该编码的门店加入总部后，首次同步时即可收到这张调拨单。',
  'hq.transfers.problem.notEnrolled':
    '门店 {to} 尚未加入总部（或已被停用），总部无法转发，货品仍记在 {from} 的在途中。该门店加入总部后，首次同步时即可收到这张调拨单。',
  'sync.table.inbound_transfers': '其他门店调入的调拨单',
  'error.transfersHq.cancelRouted':
    '调拨单 {number} 已同步到总部，总部会转给 {to}，本店不能再作废。请 {to} 按实收数量签收（未到的填 0）；需要退回的货品另开一张调拨单调回。',
};
