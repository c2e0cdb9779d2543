import { enReceivingDesk } from './en/receiving-desk';
import { enDevices } from './en/devices';
import { enCore } from './en/core';
import { enCounts } from './en/counts';
import { enInvoices } from './en/invoices';
import { enItems } from './en/items';
import { enOps } from './en/ops';
import { enReceiving } from './en/receiving';
import { enRepairs } from './en/repairs';
import { enReports } from './en/reports';
import { enStock } from './en/stock';
import { enPeriods } from './en/periods';
import { enSystem } from './en/system';
import { enSecurity } from './en/security';
import { enFormat } from './en/format';
import { enHq } from './en/hq';
import { enSync } from './en/sync';
import { enReleases } from './en/releases';
import { enChain } from './en/chain';
import { enTransfersHq } from './en/transfers-hq';
import { enHqMaster } from './en/hq-master';
import { enHqRepairs } from './en/hq-repairs';

/**
 * The English catalogue is the source of the key set, one file per domain so
 * features can be worked on side by side. Each zh-CN file must define every key
 * of its English twin (the compiler checks it). Placeholders are written {name}.
 */
export const en = {
  ...enCore,
  ...enStock,
  ...enItems,
  ...enCounts,
  ...enOps,
  ...enReports,
  ...enReceiving,
  ...enInvoices,
  ...enRepairs,
  ...enDevices,
  ...enReceivingDesk,
  ...enPeriods,
  ...enSystem,
  ...enSecurity,
  ...enFormat,
  ...enHq,
  ...enChain,
  ...enSync,
  ...enReleases,
  ...enTransfersHq,
  ...enHqMaster,
  ...enHqRepairs,
} as const;

export type MessageKey = keyof typeof en;
