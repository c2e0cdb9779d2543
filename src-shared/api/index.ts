import type { z } from 'zod';
import type { ContractMap } from './contract';
import { attachmentMethods } from './methods/attachments';
import { auditMethods } from './methods/audit';
import { deviceMethods } from './methods/devices';
import { equipmentMethods } from './methods/equipment';
import { receivingMethods } from './methods/receiving';
import { countMethods } from './methods/counts';
import { invoiceMethods } from './methods/invoices';
import { itemMethods } from './methods/items';
import { opsMethods } from './methods/ops';
import { periodMethods } from './methods/periods';
import { reportMethods } from './methods/reports';
import { reasonMethods } from './methods/reasons';
import { stockMethods } from './methods/stock';
import { prefMethods } from './methods/prefs';
import { procurementMethods } from './methods/procurement';
import { repairMethods } from './methods/repairs';
import { sessionMethods } from './methods/session';
import { setupMethods } from './methods/setup';
import { storeMethods } from './methods/store';
import { syncMethods } from './methods/sync';
import { systemMethods } from './methods/system';
import { userMethods } from './methods/users';

export const coreMethods = {
  ...sessionMethods,
  ...setupMethods,
  ...userMethods,
  ...auditMethods,
  ...storeMethods,
  ...systemMethods,
  ...prefMethods,
} as const;

/** Every API method, defined once. Transports, the preload allowlist and the client derive from it. */
export const api = {
  ...coreMethods,
  ...stockMethods,
  ...periodMethods,
  ...itemMethods,
  ...countMethods,
  ...opsMethods,
  ...reportMethods,
  ...deviceMethods,
  ...receivingMethods,
  ...reasonMethods,
  ...attachmentMethods,
  ...procurementMethods,
  ...invoiceMethods,
  ...repairMethods,
  ...equipmentMethods,
  ...syncMethods,
} as const satisfies ContractMap;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
