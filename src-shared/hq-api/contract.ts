import type { z } from 'zod';
import type { HqRole } from './roles';

/**
 * HQ's web API: the same pattern as the store's (src-shared/api/contract.ts):
 * one map of methods with zod input and output, who may call each, and which
 * cached reads a write makes stale. One dispatch (src-hq/api/dispatch.ts)
 * serves them all.
 */
export type HqAccess = 'public' | 'any' | readonly HqRole[];

export interface HqMethodContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: HqAccess;
  /** 'query' reads; 'mutation' runs in one transaction with its HQ audit entry. */
  kind: 'query' | 'mutation';
  invalidates?: readonly string[];
  /** Input keys never written to the audit trail. */
  secret?: readonly string[];
  /**
   * The input key that names a store (see ./scope.ts): the dispatch refuses a
   * store outside the caller's scope, and the key left out (every store) to
   * anyone whose scope is not the whole chain.
   */
  store?: string;
}

export function hqQuery<I extends z.ZodType, O extends z.ZodType>(
  c: Omit<HqMethodContract<I, O>, 'kind'>,
): HqMethodContract<I, O> {
  return { ...c, kind: 'query' };
}

export function hqMutation<I extends z.ZodType, O extends z.ZodType>(
  c: Omit<HqMethodContract<I, O>, 'kind'>,
): HqMethodContract<I, O> {
  return { ...c, kind: 'mutation' };
}

export type HqContractMap = Record<string, HqMethodContract>;

/** Who may write what: named once, used by the method maps. */
export const WRITERS = {
  admin: ['admin'],
  stores: ['admin', 'operations'],
  master: ['admin', 'operations'],
  maintenance: ['admin', 'maintenance'],
} as const satisfies Record<string, readonly HqRole[]>;
