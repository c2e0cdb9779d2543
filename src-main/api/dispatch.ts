import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { api, isMethodName } from '../../src-shared/api';
import type { ContractMap } from '../../src-shared/api/contract';
import type { ApiErrorData, ApiResult, ErrorCode } from '../../src-shared/errors';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { errorRef } from '../lib/ids';
import type { Logger } from '../lib/log';
import { AppError } from '../services/app-error';
import { redact, writeAudit } from '../services/audit/record';
import { resolveSession } from '../services/auth/sessions';
import type { Caller, Change, Ctx, HostInfo, SessionUser } from '../services/context';
import { storeSettings } from '../services/store/settings';
import type { ServerEvent } from '../../src-shared/events';
import type { EventBus } from '../lib/event-bus';
import { NO_DEVICES, type DeviceHub } from '../services/devices/device-hub';
import { handlers as defaultHandlers } from './handlers/index';
import { zodIssuesToFields } from '../services/zod-issues';

export interface CallMeta {
  /** The bearer credential the transport holds for this window/browser, if any. */
  token: string | null;
  locale: Locale;
  caller: Caller;
}

export type SessionChange = { token: string; expiresAt: number } | null;

export interface DispatchOutcome {
  result: ApiResult<unknown>;
  /** undefined: keep the credential; null: clear it; object: store the new one. */
  session?: SessionChange;
}

export interface DispatchDeps {
  db: Db;
  sqlite: Database.Database;
  host: HostInfo;
  log: Logger;
  events: EventBus<ServerEvent>;
  /** The running scales and printers; hosts without devices (some tests) leave it out. */
  devices?: DeviceHub;
  now?: () => number;
  /** Validate query outputs against their contracts (tests and development; default on under vitest). */
  checkOutputs?: boolean;
  /** Tests swap in contracts/handlers to exercise dispatch itself. */
  contracts?: ContractMap;
  handlers?: Record<string, LooseHandler>;
}

interface LooseHandler {
  run(ctx: Ctx, input: never): unknown;
  tx?: 'auto' | 'manual';
}

export type Dispatch = (method: string, input: unknown, meta: CallMeta) => Promise<DispatchOutcome>;

/**
 * The one entry point for every API call, whatever the transport:
 * method lookup, session, role check, input validation, the handler (inside one
 * transaction with its audit entry for mutations), output check, invalidation
 * events, and errors turned into data in the caller's language.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const contracts: ContractMap = deps.contracts ?? api;
  const handlers = (deps.handlers ?? defaultHandlers) as Record<string, LooseHandler>;
  const now = deps.now ?? Date.now;
  const checkOutputs = deps.checkOutputs ?? (!!process.env.VITEST || process.env.BACKOFFICE_CHECK_OUTPUTS === '1');
  const { sqlite, db, log } = deps;

  function error(
    locale: Locale,
    code: ErrorCode,
    key?: MessageKey,
    params?: Record<string, string | number>,
  ): ApiErrorData {
    return { code, message: translate(locale, key ?? (`error.${code}` as MessageKey), params), params };
  }

  return async function dispatch(method, rawInput, meta) {
    const { locale } = meta;
    let session: SessionChange | undefined;
    const fail = (data: ApiErrorData): DispatchOutcome => ({ result: { ok: false, error: data }, session });
    const known = deps.contracts ? Object.prototype.hasOwnProperty.call(contracts, method) : isMethodName(method);
    if (!known) return fail(error(locale, 'UNKNOWN_METHOD', undefined, { method: method.slice(0, 80) }));
    const contract = contracts[method]!;
    const handler = handlers[method]!;

    try {
      const at = now();
      let user: SessionUser | null = null;
      let tokenHash: string | null = null;
      let expiresAt: number | null = null;
      let expired = false;
      if (meta.token) {
        const resolved = resolveSession(sqlite, meta.token, at, storeSettings(db).sessionIdleMinutes);
        if (resolved === null || resolved === 'expired') {
          expired = resolved === 'expired';
          session = null; // tell the transport to drop the dead credential
        } else {
          const row = db.select().from(users).where(eq(users.id, resolved.userId)).get()!;
          user = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
          tokenHash = resolved.tokenHash;
          expiresAt = resolved.expiresAt;
        }
      }

      if (contract.access !== 'public') {
        if (!user) return fail(error(locale, expired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED'));
        if (contract.access !== 'any' && !contract.access.includes(user.role)) {
          return fail(error(locale, 'FORBIDDEN', undefined, { role: translate(locale, `role.${user.role}`) }));
        }
      }

      const parsed = contract.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return fail({ ...error(locale, 'VALIDATION'), fields: zodIssuesToFields(parsed.error.issues, locale) });
      }

      const changes: Change[] = [];
      const afterCommit: (() => unknown)[] = [];
      const ctx: Ctx = {
        db,
        sqlite,
        now: at,
        user,
        sessionTokenHash: tokenHash,
        sessionExpiresAt: expiresAt,
        locale,
        caller: meta.caller,
        host: deps.host,
        log,
        devices: deps.devices ?? NO_DEVICES,
        changed: (c) => changes.push(c),
        setSession: (s) => {
          session = s;
        },
        afterCommit: (fn) => afterCommit.push(fn),
      };
      const run = () => handler.run(ctx, parsed.data as never);

      let value: unknown;
      if (contract.kind === 'mutation' && (handler.tx ?? 'auto') === 'auto') {
        value = sqlite
          .transaction(() => {
            const v = run();
            if (v instanceof Promise) throw new Error(`${method}: an async handler cannot run inside a transaction`);
            if (contract.audit !== false) {
              writeAudit(ctx, method, { input: redact(parsed.data, contract.secret ?? []), changes });
            }
            return v;
          })
          .immediate();
      } else {
        value = await run();
      }
      for (const fn of afterCommit) {
        try {
          await fn();
        } catch (err) {
          // Committed is committed: the work after it reports its own outcome (e.g. a label job marked failed).
          log.error('after-commit work failed in ' + method, { error: err instanceof Error ? err.stack : String(err) });
        }
      }

      // Outputs come from our own handlers: checking them against the contract
      // catches bugs in tests and development, but on 20,000-row lists it costs
      // more than the query itself, so production hosts skip it for queries.
      const out = contract.kind === 'mutation' || checkOutputs ? contract.output.parse(value) : value;
      if (contract.kind === 'mutation' && contract.invalidates?.length) {
        deps.events.publish({ type: 'invalidate', methods: [...contract.invalidates] });
      }
      return { result: { ok: true, value: out }, session };
    } catch (err) {
      if (err instanceof AppError) {
        return fail({
          ...error(locale, err.code, err.key, err.params),
          fields: err.fields?.map((f) => ({ path: f.path, message: translate(locale, f.key, f.params) })),
        });
      }
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        log.warn('constraint violation', { method, message: (err as Error).message });
        return fail(error(locale, 'CONFLICT'));
      }
      const ref = errorRef();
      log.error('unhandled error in ' + method, { ref, error: err instanceof Error ? err.stack : String(err) });
      return fail({ ...error(locale, 'INTERNAL', undefined, { ref }), ref });
    }
  };
}
