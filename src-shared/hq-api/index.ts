import type { z } from 'zod';
import type { HqContractMap } from './contract';
import { hqChainMethods } from './methods/chain';
import { hqClientMethods } from './methods/client';
import { hqMasterMethods } from './methods/master';
import { hqMasterDataMethods } from './methods/master-data';
import { hqOpsMethods } from './methods/ops';
import { hqRegionMethods } from './methods/regions';
import { hqReleaseMethods } from './methods/releases';
import { hqRepairMethods } from './methods/repairs';
import { hqSessionMethods } from './methods/session';
import { hqStoreMethods } from './methods/stores';
import { hqUserMethods } from './methods/users';
import { hqTransferMethods } from './methods/transfers';

/** Every method of HQ's web API, defined once: the dispatch, the HTTP route and the HQ UI's client derive from it. */
export const hqApi = {
  ...hqSessionMethods,
  ...hqStoreMethods,
  ...hqMasterMethods,
  ...hqMasterDataMethods,
  ...hqOpsMethods,
  ...hqClientMethods,
  ...hqUserMethods,
  ...hqRegionMethods,
  ...hqReleaseMethods,
  ...hqChainMethods,
  ...hqTransferMethods,
  ...hqRepairMethods,
} as const satisfies HqContractMap;

export type HqApi = typeof hqApi;
export type HqMethodName = keyof HqApi;
export type HqMethodInput<M extends HqMethodName> = z.input<HqApi[M]['input']>;
export type HqMethodOutput<M extends HqMethodName> = z.output<HqApi[M]['output']>;

export const HQ_METHOD_NAMES = Object.keys(hqApi) as HqMethodName[];

export function isHqMethodName(name: string): name is HqMethodName {
  return Object.prototype.hasOwnProperty.call(hqApi, name);
}
