import type { z } from 'zod';
import type { ContractMap } from './contract';
import { auditMethods } from './methods/audit';
import { masterMethods } from './methods/master';
import { prefMethods } from './methods/prefs';
import { sessionMethods } from './methods/session';
import { setupMethods } from './methods/setup';
import { storeMethods } from './methods/store';
import { systemMethods } from './methods/system';
import { userMethods } from './methods/users';

/** Every API method, defined once. Transports, the preload allowlist and the client derive from it. */
export const api = {
  ...sessionMethods,
  ...setupMethods,
  ...userMethods,
  ...auditMethods,
  ...storeMethods,
  ...systemMethods,
  ...prefMethods,
  ...masterMethods,
} as const satisfies ContractMap;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>;

export const METHOD_NAMES = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name);
}
