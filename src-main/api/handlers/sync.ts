import type { syncMethods } from '../../../src-shared/api/methods/sync';
import type { MessageKey } from '../../../src-shared/i18n';
import { hasMessage } from '../../../src-shared/i18n';
import type { z } from 'zod';
import type { EnrollConfirmResponse, EnrollPreviewResponse, Refusal } from '../../../src-shared/sync/protocol';
import { REPLICATION_SCHEMA, SYNC_PROTOCOL } from '../../../src-shared/sync/version';
import { AppError } from '../../services/app-error';
import type { Ctx } from '../../services/context';
import { enrollmentReport, existingMasterRows, NotSetUp, recordEnrollment, storeIdentity } from '../../sync/enroll';
import { deadLetters, runHistory } from '../../sync/history';
import { HqClient, type Answer } from '../../sync/hq-client';
import { HqUrlError, NetworkError, parseHqUrl } from '../../sync/http';
import { setSyncState, syncStateOf } from '../../sync/state';
import { syncStatus } from '../../sync/status';
import { syncWorkerOf } from '../../sync/host';
import type { HandlersFor } from '../handler-types';

/**
 * The sync screen's methods. Talking to HQ cannot happen inside dispatch's
 * transaction, so it is each handler's `prepare`; `run` writes what HQ
 * answered, and dispatch writes the one audit entry (the one-time code is
 * never written down; the credential HQ returns goes into sync_state only and
 * is part of no answer).
 */
const status = (ctx: Ctx) => {
  const worker = syncWorkerOf(ctx.host);
  return worker ? worker.status(ctx.sqlite) : syncStatus(ctx.sqlite, null);
};

function hqUrlOf(text: string): URL {
  try {
    return parseHqUrl(text);
  } catch (err) {
    if (err instanceof HqUrlError)
      throw new AppError('VALIDATION', undefined, undefined, [{ path: 'hqUrl', key: 'error.sync.hqUrl' }]);
    throw err;
  }
}

function client(ctx: Ctx, url: URL): HqClient {
  const worker = syncWorkerOf(ctx.host);
  return worker ? worker.client(url.href) : new HqClient({ url: url.href });
}

const versions = (ctx: Ctx) => ({ protocol: SYNC_PROTOCOL, schema: REPLICATION_SCHEMA, app: ctx.host.version });

type Preview = z.infer<typeof EnrollPreviewResponse>;
type Confirmed = z.infer<typeof EnrollConfirmResponse>;

/** HQ's answer, or the error the user reads: unreachable, or HQ's refusal in their language. */
async function ask<T>(call: () => Promise<Answer<T>>): Promise<T> {
  let ans: Answer<T>;
  try {
    ans = await call();
  } catch (err) {
    if (err instanceof NetworkError) throw new AppError('HQ_UNREACHABLE', undefined, { detail: err.message });
    throw err;
  }
  if (ans.ok) return ans.value;
  throw refusalError(ans.refusal);
}

export function refusalError(r: Refusal): AppError {
  const key = `sync.refusal.${r.code}`;
  const reason: MessageKey = hasMessage(key) ? key : 'sync.refusal.other';
  // A wrong code is the admin's input to correct; anything else is HQ saying no.
  if (r.code === 'INVALID_CODE') return new AppError('VALIDATION', reason, undefined, [{ path: 'code', key: reason }]);
  return new AppError('CONFLICT', reason, { code: r.code });
}

function identity(ctx: Ctx) {
  try {
    return storeIdentity(ctx.sqlite);
  } catch (err) {
    if (err instanceof NotSetUp) throw new AppError('SETUP_REQUIRED', 'error.sync.notSetUp');
    throw err;
  }
}

export const syncHandlers: HandlersFor<typeof syncMethods> = {
  'sync.status': { run: status },
  'sync.history': { run: (ctx, input) => runHistory(ctx.sqlite, input.limit) },
  'sync.deadLetters': { run: (ctx, input) => deadLetters(ctx.sqlite, input.limit) },
  'sync.enrollment': {
    run: (ctx) => {
      const r = enrollmentReport(ctx.sqlite);
      return r && { ...r, at: new Date(r.at).toISOString() };
    },
  },
  'sync.now': {
    // The run talks to HQ, so it happens before dispatch's transaction; the worker commits what it
    // receives in its own transactions, and this call's audit entry records that someone asked.
    prepare: async (ctx) => {
      if (syncStateOf(ctx.sqlite).enrolledAt === null) throw new AppError('CONFLICT', 'error.sync.notEnrolled');
      await syncWorkerOf(ctx.host)?.syncNow();
    },
    run: (ctx) => status(ctx),
  },
  'sync.enrollPreview': {
    // Asking HQ changes nothing here, but asking with a one-time code is worth a line in the audit log.
    prepare: async (ctx, input) => {
      const url = hqUrlOf(input.hqUrl);
      const plan = await ask(() =>
        client(ctx, url).enrollPreview({
          code: input.code,
          versions: versions(ctx),
          store: identity(ctx),
          existing: existingMasterRows(ctx.sqlite),
        }),
      );
      return { url, plan };
    },
    run: (ctx, _input, { url, plan }: { url: URL; plan: Preview }) => {
      ctx.auditNote({ input: { hqUrl: url.href, code: '[redacted]' }, result: plan.hqName });
      return {
        hqName: plan.hqName,
        storeCode: plan.storeCode,
        storeName: plan.storeName,
        planHash: plan.planHash,
        plans: plan.plans,
      };
    },
  },
  'sync.enrollConfirm': {
    // HQ consumes the code before dispatch's transaction opens; the credential it returns is written
    // in that transaction with the audit entry, and the first sync starts after the commit.
    prepare: async (ctx, input) => {
      const url = hqUrlOf(input.hqUrl);
      const store = identity(ctx);
      const existing = existingMasterRows(ctx.sqlite);
      const hq = client(ctx, url);
      const preview = await ask(() => hq.enrollPreview({ code: input.code, versions: versions(ctx), store, existing }));
      const done = await ask(() =>
        hq.enrollConfirm({ code: input.code, versions: versions(ctx), store, existing, planHash: input.planHash }),
      );
      return { url, preview, done };
    },
    run: (ctx, input, { url, preview, done }: { url: URL; preview: Preview; done: Confirmed }) => {
      const { queued } = recordEnrollment(
        ctx.sqlite,
        {
          hqUrl: url.href,
          hqName: preview.hqName,
          hqStoreCode: preview.storeCode,
          storeId: done.storeId,
          credential: done.credential,
          planHash: input.planHash,
          plans: done.plans,
        },
        { now: ctx.now, userId: ctx.user?.id ?? null },
      );
      ctx.auditNote({
        input: { hqUrl: url.href, code: '[redacted]', planHash: input.planHash },
        summary: { hq: preview.hqName, storeCode: preview.storeCode, queued },
      });
      ctx.afterCommit(() => void syncWorkerOf(ctx.host)?.syncNow(0));
      return status(ctx);
    },
  },
  'sync.setHqUrl': {
    run: (ctx, input) => {
      if (syncStateOf(ctx.sqlite).enrolledAt === null) throw new AppError('CONFLICT', 'error.sync.notEnrolled');
      const url = hqUrlOf(input.hqUrl);
      const before = syncStateOf(ctx.sqlite).hqUrl;
      setSyncState(ctx.sqlite, { hqUrl: url.href });
      ctx.changed({
        table: 'sync_state',
        id: '1',
        op: 'update',
        before: { hq_url: before },
        values: { hq_url: url.href },
      });
      return status(ctx);
    },
  },
};
