import type { MessageKey } from './en';
import { zhReceivingDesk } from './zh-CN/receiving-desk';
import { zhDevices } from './zh-CN/devices';
import { zhCore } from './zh-CN/core';
import { zhCounts } from './zh-CN/counts';
import { zhInvoices } from './zh-CN/invoices';
import { zhItems } from './zh-CN/items';
import { zhOps } from './zh-CN/ops';
import { zhReceiving } from './zh-CN/receiving';
import { zhRepairs } from './zh-CN/repairs';
import { zhReports } from './zh-CN/reports';
import { zhStock } from './zh-CN/stock';
import { zhPeriods } from './zh-CN/periods';
import { zhSystem } from './zh-CN/system';
import { zhSecurity } from './zh-CN/security';
import { zhFormat } from './zh-CN/format';
import { zhCNHq } from './zh-CN/hq';
import { zhSync } from './zh-CN/sync';
import { zhReleases } from './zh-CN/releases';
import { zhChain } from './zh-CN/chain';
import { zhTransfersHq } from './zh-CN/transfers-hq';
import { zhHqMaster } from './zh-CN/hq-master';
import { zhHqRepairs } from './zh-CN/hq-repairs';

/** 简体中文目录：每个领域一个文件，缺少任何一个键都是编译错误。 */
export const zhCN: Record<MessageKey, string> = {
  ...zhCore,
  ...zhStock,
  ...zhItems,
  ...zhCounts,
  ...zhOps,
  ...zhReports,
  ...zhReceiving,
  ...zhInvoices,
  ...zhRepairs,
  ...zhDevices,
  ...zhReceivingDesk,
  ...zhPeriods,
  ...zhSystem,
  ...zhSecurity,
  ...zhFormat,
  ...zhCNHq,
  ...zhChain,
  ...zhSync,
  ...zhReleases,
  ...zhTransfersHq,
  ...zhHqMaster,
  ...zhHqRepairs,
};
