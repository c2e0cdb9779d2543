import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { uuidv7 } from '../../../src-main/lib/ids';
import type {
  EnrollConfirmRequest,
  EnrollConfirmResponse,
  EnrollPreviewRequest,
  EnrollPreviewResponse,
} from '../../../src-shared/sync/protocol';
import type { HqContext } from '../../context';
import type { Q } from '../../db/client';
import { enrollments, hqAudit, stores, syncIdMap } from '../../db/schema';
import { newSecret } from '../../lib/secrets';
import { credentialHash } from '../sync/auth';
import { lockChangeLog } from '../master/change-log';
import { writeMaster } from '../master/write';
import { SyncRefusal } from '../sync/refusal';
import { checkVersions } from '../sync/versions';
import { enrollmentCodeHash } from './stores';
import { computePlan } from './match-plan';
import { checkEnrollmentThrottle, recordEnrollmentFailure } from './enrollment-throttle';
import { routeWaiting } from '../transfers/route';

type Preview = z.infer<typeof EnrollPreviewRequest>;
type Confirm = z.infer<typeof EnrollConfirmRequest>;

const INVALID =
  'This enrollment code is not valid: it may be mistyped, already used, or older than 7 days. Ask HQ for a new code.';

/** The HQ store the code was issued for, after the checks both steps share. */
async function storeForCode(ctx: HqContext, q: Q, req: Preview, now: number, forUpdate: boolean) {
  checkVersions(req.versions, ctx.replicationSchema);
  const query = q
    .select()
    .from(stores)
    .where(eq(stores.enrollmentCodeHash, enrollmentCodeHash(req.code)));
  const [store] = forUpdate ? await query.for('update') : await query;
  if (!store || (store.enrollmentExpiresAt ?? 0) < now) throw new SyncRefusal('INVALID_CODE', INVALID);
  // Once enrolled, a store's id is its own store.id: another database cannot take its place by code.
  if (store.enrolledAt !== null && store.id !== req.store.localId) {
    throw new SyncRefusal(
      'WRONG_STORE',
      `This code is for HQ's store ${store.code}, which was enrolled from another store database. Restore that store's own database, or ask HQ to create a new store for this one.`,
    );
  }
  const [other] = await q
    .select({ code: stores.code })
    .from(stores)
    .where(and(eq(stores.id, req.store.localId), ne(stores.id, store.id)));
  if (other) {
    throw new SyncRefusal(
      'WRONG_STORE',
      `This store database is already enrolled at HQ as store ${other.code}. Ask HQ for a new code for ${other.code} instead.`,
    );
  }
  return store;
}

/**
 * Both steps run behind the throttle: a throttled address is refused before
 * its code is looked at, and a wrong code is counted once its transaction
 * has rolled back (the count must survive the refusal).
 */
async function throttled<T>(ctx: HqContext, source: string, run: () => Promise<T>): Promise<T> {
  await checkEnrollmentThrottle(ctx, source);
  try {
    return await run();
  } catch (err) {
    if (err instanceof SyncRefusal && err.code === 'INVALID_CODE') await recordEnrollmentFailure(ctx, source);
    throw err;
  }
}

export function previewEnrollment(
  ctx: HqContext,
  req: Preview,
  source: string,
): Promise<z.infer<typeof EnrollPreviewResponse>> {
  return throttled(ctx, source, () => preview(ctx, req));
}

export function confirmEnrollment(
  ctx: HqContext,
  req: Confirm,
  source: string,
): Promise<z.infer<typeof EnrollConfirmResponse>> {
  return throttled(ctx, source, () => confirm(ctx, req));
}

async function preview(ctx: HqContext, req: Preview): Promise<z.infer<typeof EnrollPreviewResponse>> {
  const now = ctx.now();
  const store = await storeForCode(ctx, ctx.db, req, now, false);
  const plan = await computePlan(ctx.db, {
    storeLocalId: req.store.localId,
    hqStoreId: store.id,
    existing: req.existing,
  });
  return {
    ok: true,
    hqName: ctx.hqName,
    storeCode: store.code,
    storeName: store.name,
    plans: plan.plans,
    planHash: plan.planHash,
    hqTime: now,
  };
}

/**
 * One transaction: the code is consumed, the store takes its own id at HQ,
 * matched rows are mapped, store-only rows adopted (with their change-log
 * entries, so every store learns of them), the credential issued. Master
 * writes take the change-log lock, which this holds from the start: HQ's data
 * cannot change between the plan check and the adoption.
 */
async function confirm(ctx: HqContext, req: Confirm): Promise<z.infer<typeof EnrollConfirmResponse>> {
  const now = ctx.now();
  const credential = newSecret();
  const storeId = req.store.localId;
  const plans = await ctx.db.transaction(async (tx) => {
    await lockChangeLog(tx);
    const store = await storeForCode(ctx, tx, req, now, true);
    const plan = await computePlan(tx, { storeLocalId: storeId, hqStoreId: store.id, existing: req.existing });
    if (plan.planHash !== req.planHash) {
      throw new SyncRefusal(
        'PLAN_CHANGED',
        "HQ's master data changed since this store's preview: preview again and check the new plan before confirming.",
      );
    }
    // HQ adopts the store's own id; equipment, change-log entries and tokens follow (ON UPDATE CASCADE).
    if (store.id !== storeId) await tx.update(stores).set({ id: storeId }).where(eq(stores.id, store.id));
    await tx
      .update(stores)
      .set({
        status: 'active',
        enrollmentCodeHash: null,
        enrollmentExpiresAt: null,
        credentialHash: credentialHash(credential),
        enrolledAt: now,
        revokedAt: null,
        timezone: req.store.timezone,
        currency: req.store.currency,
        appVersion: req.versions.app,
        schemaVersion: req.versions.schema,
        lastContactAt: now,
        updatedAt: now,
      })
      .where(eq(stores.id, storeId));
    for (const m of plan.idMap) {
      await tx
        .insert(syncIdMap)
        .values({ storeId, ...m })
        .onConflictDoUpdate({
          target: [syncIdMap.storeId, syncIdMap.tbl, syncIdMap.localId],
          set: { hqId: sql`excluded.hq_id` },
        });
    }
    for (const a of plan.adopt) await writeMaster(tx, a.table, a.row, now);
    await routeWaiting(tx, storeId, store.code, now);
    await tx.insert(enrollments).values({
      id: uuidv7(now),
      storeId,
      at: now,
      planHash: plan.planHash,
      plans: plan.plans,
      appVersion: req.versions.app,
    });
    const counts = Object.fromEntries(
      plan.plans.map((p) => [
        p.table,
        { matched: p.matched.length, adopted: p.adopted.length, conflicts: p.conflicts.length, incoming: p.incoming },
      ]),
    );
    await tx.insert(hqAudit).values({
      at: now,
      method: 'sync.enroll',
      storeId,
      detail: { code: store.code, localStoreCode: req.store.code, app: req.versions.app, counts },
    });
    return plan.plans;
  });
  ctx.log.info('store enrolled', { storeId, app: req.versions.app });
  return { ok: true, storeId, credential, plans, hqTime: now };
}
