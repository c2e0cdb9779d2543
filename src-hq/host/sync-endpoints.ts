import type { z } from 'zod';
import {
  EnrollConfirmRequest,
  EnrollPreviewRequest,
  PullRequest,
  SessionRequest,
  type SessionResponse,
} from '../../src-shared/sync/protocol';
import { UPDATE_FEED_PATH } from '../../src-shared/sync/update-feed';
import type { HqContext } from '../context';
import { confirmEnrollment, previewEnrollment } from '../services/stores/enrollment';
import { openSession, rememberRequest } from '../services/sync/auth';
import { pull } from '../services/sync/pull';
import { push, PushEnvelope } from '../services/sync/push';
import { checkVersions } from '../services/sync/versions';

export interface SyncCallMeta {
  /** The bearer token of the request, if any. */
  token: string | null;
  /** Set by an endpoint once it knows which store is (verifiably) asking: refusals are recorded against it. */
  store: string | null;
  /** The address the request came from (the socket's: HQ trusts no forwarding header). */
  source: string;
}

export interface SyncEndpoint<I extends z.ZodType = z.ZodType> {
  input: I;
  run(ctx: HqContext, input: z.output<I>, meta: SyncCallMeta): Promise<unknown>;
}

const endpoint = <I extends z.ZodType>(e: SyncEndpoint<I>): SyncEndpoint => e as unknown as SyncEndpoint;

/** Everything a store can call, by path under /sync/v1/. */
export const SYNC_ENDPOINTS: Record<string, SyncEndpoint> = {
  'enroll/preview': endpoint({
    input: EnrollPreviewRequest,
    run: (ctx, req, meta) => previewEnrollment(ctx, req, meta.source),
  }),
  'enroll/confirm': endpoint({
    input: EnrollConfirmRequest,
    run: (ctx, req, meta) => confirmEnrollment(ctx, req, meta.source),
  }),
  push: endpoint({
    input: PushEnvelope,
    run: (ctx, req, meta) => push(ctx, req, meta),
  }),
  pull: endpoint({
    input: PullRequest,
    run: (ctx, req, meta) => pull(ctx, req, meta),
  }),
  session: endpoint({
    input: SessionRequest,
    async run(ctx, req, meta): Promise<z.infer<typeof SessionResponse>> {
      checkVersions(req.versions, ctx.replicationSchema);
      return ctx.db.transaction(async (tx) => {
        const s = await openSession(ctx, tx, req.storeId, req.credential);
        meta.store = s.store.id;
        await rememberRequest(tx, req.requestId, req.storeId, 'session', ctx.now());
        return {
          ok: true as const,
          token: s.token,
          expiresAt: s.expiresAt,
          hqTime: ctx.now(),
          updateFeed: ctx.releases ? UPDATE_FEED_PATH : undefined,
        };
      });
    },
  }),
};
