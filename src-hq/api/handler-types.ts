import type { z } from 'zod';
import type { HqApi, HqMethodName, HqMethodOutput } from '../../src-shared/hq-api';
import type { HqRole } from '../../src-shared/hq-api/roles';
import type { HqScopeKind } from '../../src-shared/hq-api/scope';
import type { Locale } from '../../src-shared/i18n';
import type { HqContext } from '../context';
import type { Q } from '../db/client';
import type { MasterChange } from '../services/master/save-row';

export interface HqSessionUser {
  id: string;
  username: string;
  displayName: string;
  role: HqRole;
  /** Which stores they may see and act on (the lists: src-hq/services/scope). */
  scope: HqScopeKind;
  mustChangePassword: boolean;
}

export type HqSessionChange = { token: string; expiresAt: number } | null;

/** What a handler gets: the HQ context, the call's transaction (mutations) or the database (queries), who calls. */
export interface HqCall {
  hq: HqContext;
  q: Q;
  now: number;
  user: HqSessionUser | null;
  sessionTokenHash: string | null;
  sessionExpiresAt: number | null;
  locale: Locale;
  /** The caller is on HQ's own machine. */
  loopback: boolean;
  setSession(change: HqSessionChange): void;
  /** The store a write concerns, for the audit trail's per-store view. */
  auditStore(storeId: string): void;
  /** A master row's fields before and after this write, kept in the audit entry as the row's history. */
  auditChange(change: MasterChange): void;
}

export type HqParsedInput<M extends HqMethodName> = z.output<HqApi[M]['input']>;

export interface HqHandlerDef<M extends HqMethodName> {
  run(call: HqCall, input: HqParsedInput<M>): Promise<HqMethodOutput<M>>;
  /**
   * 'manual': the handler writes outside the call's transaction (a failed
   * sign-in must still count against the account) and the dispatch writes no
   * audit entry for it; every other mutation runs in one transaction with its audit entry.
   */
  tx?: 'auto' | 'manual';
}

export type HqHandlersFor<C> = { [M in keyof C & HqMethodName]: HqHandlerDef<M> };
export type HqHandlerMap = { [M in HqMethodName]: HqHandlerDef<M> };
