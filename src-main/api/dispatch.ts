import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { api, isMethodName } from '../../src-shared/api';
import type { ContractMap, MethodContract } from '../../src-shared/api/contract';
import type { ApiErrorData, ApiResult, ErrorCode } from '../../src-shared/errors';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { errorRef } from '../lib/ids';
import type { Logger } from '../lib/log';
import { AppError } from '../services/app-error';
import { redact, writeAudit } from '../services/audit/record';
import { resolveSession } from '../services/auth/sessions';
import type { AuditNote, Caller, Change, Ctx, HostInfo, SessionUser } from '../services/context';
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
  /**
   * The open store database. Read at each call, and again before a
   * mutation's transaction: System › Restore replaces the database during its
   * own call, so the backend passes getters here.
   */
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
  prepare?(ctx: Ctx, input: never): Promise<unknown>;
  run(ctx: Ctx, input: never, prepared?: never): unknown;
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
  const { log } = deps;

  /** Runs the work queued for after the commit; the first AppError among it is the caller's answer. */
  async function runAfterCommit(call: CallState, method: string): Promise<AppError | null> {
    let answer: AppError | null = null;
    for (const fn of call.afterCommit) {
      try {
        await fn();
      } catch (err) {
        // Committed is committed: the work after it reports its own outcome (e.g. a label job marked failed).
        if (err instanceof AppError) answer ??= err;
        else
          log.error('after-commit work failed in ' + method, { error: err instanceof Error ? err.stack : String(err) });
      }
    }
    return answer;
  }

  /**
   * A refused call of an auditFailures contract whose handler said what
   * happened (an audit note) or kept writes: those writes and its entry, in a
   * transaction of their own now that the call's is rolled back.
   */
  function recordFailure(ctx: Ctx, method: string, input: unknown, call: CallState, err: AppError): void {
    try {
      call.changes.length = 0; // the call's own changes were rolled back with it
      ctx.sqlite
        .transaction(() => {
          for (const fn of call.failureWrites) fn();
          writeCallAudit(ctx, method, input, call, err.code);
        })
        .immediate();
    } catch (failure) {
      log.error('could not record the failure of ' + method, {
        error: failure instanceof Error ? failure.stack : String(failure),
      });
    }
  }

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
        const { sqlite, db } = deps;
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

      const call = newCall(contract);
      const ctxFor = (): Ctx => ({
        db: deps.db,
        sqlite: deps.sqlite,
        now: at,
        user,
        sessionTokenHash: tokenHash,
        sessionExpiresAt: expiresAt,
        locale,
        caller: meta.caller,
        host: deps.host,
        log,
        devices: deps.devices ?? NO_DEVICES,
        changed: (c) => call.changes.push(c),
        auditNote: (n) => Object.assign(call.note, n),
        setSession: (s) => {
          session = s;
        },
        afterCommit: (fn) => call.afterCommit.push(fn),
        keepOnFailure: (fn) => {
          if (!contract.auditFailures) throw new Error(`${method}: keepOnFailure needs auditFailures on the contract`);
          call.failureWrites.push(fn);
        },
      });

      let value: unknown;
      if (contract.kind === 'mutation') {
        try {
          const prepared = handler.prepare ? await handler.prepare(ctxFor(), parsed.data as never) : undefined;
          // After an asynchronous prepare the database may be another one (a restore): write to the one open now.
          const ctx = ctxFor();
          value = ctx.sqlite
            .transaction(() => {
              const v = handler.run(ctx, parsed.data as never, prepared as never);
              if (v instanceof Promise) throw new Error(`${method}: a mutation's run must not be asynchronous`);
              if (contract.audit !== false) writeCallAudit(ctx, method, parsed.data, call);
              return v;
            })
            .immediate();
        } catch (err) {
          const told = call.failureWrites.length > 0 || Object.keys(call.note).length > 0;
          if (contract.auditFailures && err instanceof AppError && told) {
            recordFailure(ctxFor(), method, parsed.data, call, err);
          }
          throw err;
        }
      } else {
        value = await handler.run(ctxFor(), parsed.data as never);
      }
      const answer = await runAfterCommit(call, method);
      if (contract.kind === 'mutation' && contract.invalidates?.length) {
        deps.events.publish({ type: 'invalidate', methods: [...contract.invalidates] });
      }
      // The commit stands; the work after it (the scale did not tare) is what the caller hears about.
      if (answer) throw answer;

      // Outputs come from our own handlers: checking them against the contract
      // catches bugs in tests and development, but on 20,000-row lists it costs
      // more than the query itself, so production hosts skip it for queries.
      const out = contract.kind === 'mutation' || checkOutputs ? contract.output.parse(value) : value;
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

/** What one call gathers for its audit entry and for after its commit. */
interface CallState {
  changes: Change[];
  note: AuditNote;
  afterCommit: (() => unknown)[];
  failureWrites: (() => void)[];
  secret: readonly string[];
}

function newCall(contract: MethodContract): CallState {
  return { changes: [], note: {}, afterCommit: [], failureWrites: [], secret: contract.secret ?? [] };
}

/** The call's one audit entry: its input (secrets masked), the rows it changed and what its handler noted. */
function writeCallAudit(ctx: Ctx, method: string, input: unknown, call: CallState, refused?: string): void {
  const { note } = call;
  writeAudit(
    ctx,
    method,
    {
      input: note.input ?? redact(input, call.secret),
      changes: note.omitChanges || !call.changes.length ? undefined : call.changes,
      result: note.result ?? refused,
      summary: note.summary,
    },
    note.actor,
  );
}
