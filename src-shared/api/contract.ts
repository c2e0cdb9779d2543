import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * Who may call a method:
 * - 'public': no session needed (login, first-run status),
 * - 'any': any signed-in user,
 * - a list of roles.
 */
export type Access = 'public' | 'any' | readonly Role[];

export interface MethodContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** 'query' reads only; 'mutation' runs in one transaction and is audited. */
  kind: 'query' | 'mutation';
  /** Query method names whose cached results this call makes stale. */
  invalidates?: readonly string[];
  /** Set to false for UI state that is not business data (e.g. grid column state). */
  audit?: boolean;
  /** Input keys never written to the audit log (PINs, passwords). */
  secret?: readonly string[];
  /**
   * A refused call still leaves its record: the writes its handler kept for
   * a failure (ctx.keepOnFailure: a failed sign-in's counters) and its audit
   * entry, which dispatch writes in a transaction of its own once the call's
   * is rolled back. Only where a failed attempt is itself the event (sign-in,
   * proving one's own PIN); the handler decides which refusals count.
   */
  auditFailures?: boolean;
}

export type QueryContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = MethodContract<I, O> & {
  kind: 'query';
};
export type MutationContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = MethodContract<
  I,
  O
> & { kind: 'mutation' };

export function query<I extends z.ZodType, O extends z.ZodType>(
  c: Omit<MethodContract<I, O>, 'kind' | 'auditFailures'>,
): QueryContract<I, O> {
  return { ...c, kind: 'query' };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(
  c: Omit<MethodContract<I, O>, 'kind'>,
): MutationContract<I, O> {
  return { ...c, kind: 'mutation' };
}

export type ContractMap = Record<string, MethodContract>;
