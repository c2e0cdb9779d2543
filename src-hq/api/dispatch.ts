import type { ApiErrorData, ApiResult, ErrorCode } from '../../src-shared/errors';
import { hqApi, isHqMethodName } from '../../src-shared/hq-api';
import type { HqContractMap } from '../../src-shared/hq-api/contract';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import { zodIssuesToFields } from '../../src-main/services/zod-issues';
import type { HqContext } from '../context';
import type { MasterChange } from '../services/master/save-row';
import { hqAudit } from '../db/schema';
import { PASSWORD_CHANGE_METHODS } from '../services/auth/password-change';
import { resolveHqSession } from '../services/auth/sessions';
import { assertStoreInScope } from '../services/scope/scope';
import { HqApiError } from './errors';
import type { HqCall, HqSessionChange, HqSessionUser } from './handler-types';
import { hqHandlers } from './handlers';

export interface HqCallMeta {
  token: string | null;
  locale: Locale;
  loopback: boolean;
}

export interface HqDispatchOutcome {
  result: ApiResult<unknown>;
  /** undefined: keep the cookie; null: clear it; object: set it. */
  session?: HqSessionChange;
}

export type HqDispatch = (method: string, input: unknown, meta: HqCallMeta) => Promise<HqDispatchOutcome>;

interface LooseHandler {
  run(call: HqCall, input: never): Promise<unknown>;
  tx?: 'auto' | 'manual';
}

function redact(input: unknown, secret: readonly string[]): unknown {
  if (!input || typeof input !== 'object' || secret.length === 0) return input;
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, secret.includes(k) ? '***' : v]));
}

/** The store an input names under `key`; null when it names none (the method then acts on every store). */
function namedStore(input: unknown, key: string): string | null {
  const v = input && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined;
  // Anything but text is not a store id: validation refuses it next.
  return v === undefined || v === null ? null : typeof v === 'string' ? v : '';
}

const PG_UNIQUE = '23505';
const PG_FOREIGN_KEY = '23503';

/**
 * HQ's one entry point for its web API, the store's pattern: method lookup,
 * session, role, input validation, the handler (a mutation inside one
 * transaction together with its HQ audit entry), output check, and errors as
 * data in the caller's language.
 */
export function createHqDispatch(hq: HqContext, opts: { checkOutputs?: boolean } = {}): HqDispatch {
  const contracts: HqContractMap = hqApi;
  const handlers = hqHandlers as unknown as Record<string, LooseHandler>;
  const checkOutputs = opts.checkOutputs ?? !!process.env.VITEST;

  const error = (locale: Locale, code: ErrorCode, key?: MessageKey, params?: Record<string, string | number>) =>
    ({ code, message: translate(locale, key ?? (`error.${code}` as MessageKey), params), params }) as ApiErrorData;

  return async function dispatch(method, rawInput, meta) {
    const { locale } = meta;
    let session: HqSessionChange | undefined;
    const fail = (e: ApiErrorData): HqDispatchOutcome => ({ result: { ok: false, error: e }, session });
    if (!isHqMethodName(method))
      return fail(error(locale, 'UNKNOWN_METHOD', undefined, { method: method.slice(0, 80) }));
    const contract = contracts[method]!;
    const handler = handlers[method]!;
    try {
      const now = hq.now();
      let user: HqSessionUser | null = null;
      let tokenHash: string | null = null;
      let expiresAt: number | null = null;
      if (meta.token) {
        const found = await resolveHqSession(hq.db, meta.token, now);
        if (found) {
          const u = found.user;
          user = {
            id: u.id,
            username: u.username,
            displayName: u.displayName,
            role: u.role,
            scope: found.scope,
            mustChangePassword: u.mustChangePassword,
          };
          tokenHash = found.tokenHash;
          expiresAt = found.expiresAt;
        } else {
          session = null;
        }
      }
      if (contract.access !== 'public') {
        if (!user) return fail(error(locale, meta.token ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED'));
        if (contract.access !== 'any' && !contract.access.includes(user.role)) {
          return fail(
            error(locale, 'FORBIDDEN', 'hq.error.forbidden', { role: translate(locale, `hq.role.${user.role}`) }),
          );
        }
        if (user.mustChangePassword && !PASSWORD_CHANGE_METHODS.has(method)) {
          return fail(error(locale, 'FORBIDDEN', 'hq.users.mustChange'));
        }
        // Before the input is validated: an out-of-scope store is refused whatever else the call carries.
        if (contract.store) await assertStoreInScope(hq.db, user, namedStore(rawInput, contract.store), contract.store);
      }
      const parsed = contract.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return fail({ ...error(locale, 'VALIDATION'), fields: zodIssuesToFields(parsed.error.issues, locale) });
      }
      let storeId: string | null = null;
      const changes: MasterChange[] = [];
      const call = (q: HqCall['q']): HqCall => ({
        hq,
        q,
        now,
        user,
        sessionTokenHash: tokenHash,
        sessionExpiresAt: expiresAt,
        locale,
        loopback: meta.loopback,
        setSession: (s) => (session = s),
        auditStore: (id) => (storeId = id),
        auditChange: (c) => changes.push(c),
      });
      let value: unknown;
      if (contract.kind === 'mutation' && (handler.tx ?? 'auto') === 'auto') {
        value = await hq.db.transaction(async (tx) => {
          const v = await handler.run(call(tx), parsed.data as never);
          await tx.insert(hqAudit).values({
            at: now,
            userId: user?.id ?? null,
            username: user?.username ?? null,
            method,
            storeId,
            detail: {
              input: redact(parsed.data, contract.secret ?? []),
              ...(changes.length > 0 ? { changes } : {}),
            } as Record<string, unknown>,
          });
          return v;
        });
      } else {
        value = await handler.run(call(hq.db), parsed.data as never);
      }
      const out = contract.kind === 'mutation' || checkOutputs ? contract.output.parse(value) : value;
      return { result: { ok: true, value: out }, session };
    } catch (err) {
      if (err instanceof HqApiError) {
        return fail({
          ...error(locale, err.code, err.key, err.params),
          fields: err.fields?.map((f) => ({ path: f.path, message: translate(locale, f.key, f.params) })),
        });
      }
      const state =
        (err as { cause?: { code?: unknown }; code?: unknown }).cause?.code ?? (err as { code?: unknown }).code;
      if (state === PG_UNIQUE) return fail(error(locale, 'CONFLICT'));
      if (state === PG_FOREIGN_KEY) return fail(error(locale, 'NOT_FOUND', 'hq.error.unknownRef'));
      const ref = Math.random().toString(16).slice(2, 10).toUpperCase();
      hq.log.error('hq api: unhandled error in ' + method, {
        ref,
        error: err instanceof Error ? err.stack : String(err),
      });
      return fail({ ...error(locale, 'INTERNAL', undefined, { ref }), ref });
    }
  };
}
