import type { syncMethods } from '../../../src-shared/api/methods/sync';
import type { MessageKey } from '../../../src-shared/i18n';
import { hasMessage } from '../../../src-shared/i18n';
import type { Refusal } from '../../../src-shared/sync/protocol';
import { REPLICATION_SCHEMA, SYNC_PROTOCOL } from '../../../src-shared/sync/version';
import { AppError } from '../../services/app-error';
import { writeAudit } from '../../services/audit/record';
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
 * The sync screen's methods. Enrollment talks to HQ, so it cannot run inside
 * dispatch's transaction: its handlers are manual and write their own audit
 * entry (the one-time code is never written down; the credential HQ returns
 * goes into sync_state only and is part of no answer).
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

/** An audit entry in its own transaction, for a call dispatch did not wrap. */
function audit(ctx: Ctx, method: string, detail: Parameters<typeof writeAudit>[2]) {
  ctx.sqlite.transaction(() => writeAudit(ctx, method, detail)).immediate();
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
    tx: 'manual',
    run: async (ctx) => {
      if (syncStateOf(ctx.sqlite).enrolledAt === null) throw new AppError('CONFLICT', 'error.sync.notEnrolled');
      audit(ctx, 'sync.now', { input: {} });
      await syncWorkerOf(ctx.host)?.syncNow();
      return status(ctx);
    },
  },
  'sync.enrollPreview': {
    tx: 'manual',
    run: async (ctx, input) => {
      const url = hqUrlOf(input.hqUrl);
      const store = identity(ctx);
      const existing = existingMasterRows(ctx.sqlite);
      const plan = await ask(() =>
        client(ctx, url).enrollPreview({ code: input.code, versions: versions(ctx), store, existing }),
      );
      // Nothing changed here, but asking HQ with a one-time code is worth a line in the audit log.
      audit(ctx, 'sync.enrollPreview', { input: { hqUrl: url.href, code: '[redacted]' }, result: plan.hqName });
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
    tx: 'manual',
    run: async (ctx, input) => {
      const url = hqUrlOf(input.hqUrl);
      const store = identity(ctx);
      const existing = existingMasterRows(ctx.sqlite);
      const hq = client(ctx, url);
      const preview = await ask(() => hq.enrollPreview({ code: input.code, versions: versions(ctx), store, existing }));
      const done = await ask(() =>
        hq.enrollConfirm({ code: input.code, versions: versions(ctx), store, existing, planHash: input.planHash }),
      );
      recordEnrollment(
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
        {
          now: ctx.now,
          userId: ctx.user?.id ?? null,
          alsoInTx: (queued) =>
            writeAudit(ctx, 'sync.enrollConfirm', {
              input: { hqUrl: url.href, code: '[redacted]', planHash: input.planHash },
              summary: { hq: preview.hqName, storeCode: preview.storeCode, queued },
            }),
        },
      );
      void syncWorkerOf(ctx.host)?.syncNow(0);
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
