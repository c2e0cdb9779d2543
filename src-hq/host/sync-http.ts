import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType } from '../../src-main/host/request-body';
import { sendJson } from '../../src-main/host/replies';
import { LIMITS } from '../../src-shared/sync/protocol';
import type { HqContext } from '../context';
import { recordRefusal } from '../services/stores/health';
import { storeOfToken } from '../services/sync/auth';
import { SyncRefusal } from '../services/sync/refusal';
import { readBody } from './body';
import { SYNC_ENDPOINTS, type SyncCallMeta } from './sync-endpoints';

export interface SyncHttpOptions {
  maxBodyBytes: number;
  bodyTimeoutMs: number;
}

/** PostgreSQL errors that say "try again" rather than "this request is wrong" (SQLSTATE). */
const TRANSIENT = new Set(['40001', '40P01', '55P03', '53300', '57P01', '57P03', '08000', '08003', '08006']);

function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  const m = h ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(h) : null;
  return m ? m[1]! : null;
}

/** The first few validation problems, as "path: message" — enough for a developer to see what was wrong. */
function zodSummary(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const parts = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  return parts.join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
}

/**
 * One store request: checked in order (endpoint, method, JSON, size and time
 * bounds, shape), then run. Whatever is refused gets a RefusalSchema body with
 * the code's status and a log line at HQ; a refusal of a known store is also
 * recorded on its row (the store list shows it).
 */
export async function handleSync(
  ctx: HqContext,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
  opts: SyncHttpOptions,
): Promise<void> {
  const meta: SyncCallMeta = { token: bearer(req), store: null, source: req.socket.remoteAddress ?? 'unknown' };
  let claimed: string | null = null;
  /** The store a refusal is recorded against: the one the endpoint verified, or the claimed one if its token agrees. */
  const attribute = async () => {
    if (meta.store) return meta.store;
    if (!meta.token || !claimed) return null;
    return (await storeOfToken(ctx, meta.token)) === claimed ? claimed : null;
  };
  const refuse = (r: SyncRefusal, close = false) => {
    ctx.log.warn('sync refused', {
      path: name,
      code: r.code,
      message: r.message,
      store: meta.store ?? claimed,
      verified: meta.store !== null,
      source: req.socket.remoteAddress,
    });
    void attribute()
      .then((store) => (store ? recordRefusal(ctx, store, name, r) : undefined))
      .catch(() => {});
    const headers: Record<string, string> = close ? { Connection: 'close' } : {};
    if (r.extra.retryAfter !== undefined) headers['Retry-After'] = String(r.extra.retryAfter);
    sendJson(res, r.status, r.body(ctx.now()), headers);
  };

  const endpoint = Object.prototype.hasOwnProperty.call(SYNC_ENDPOINTS, name) ? SYNC_ENDPOINTS[name] : undefined;
  if (!endpoint) return refuse(new SyncRefusal('BAD_REQUEST', `HQ has no sync endpoint "${name.slice(0, 60)}".`));
  if (req.method !== 'POST') return refuse(new SyncRefusal('BAD_REQUEST', 'Sync requests are POSTs.'));
  if (!isJsonContentType(req.headers['content-type'])) {
    return refuse(new SyncRefusal('BAD_REQUEST', 'Sync requests carry JSON (Content-Type: application/json).'));
  }
  const body = await readBody(req, opts.maxBodyBytes, opts.bodyTimeoutMs);
  if (!body.ok) {
    switch (body.problem) {
      case 'aborted':
        return void res.destroy(); // the store went away: nobody to answer
      case 'tooLarge':
        return refuse(
          new SyncRefusal(
            'TOO_LARGE',
            `The request is larger than ${Math.round(opts.maxBodyBytes / 1048576)} MB: send fewer entries per batch.`,
          ),
          true,
        );
      case 'timeout':
        refuse(
          new SyncRefusal('TIMEOUT', `The request body did not arrive within ${opts.bodyTimeoutMs / 1000} s.`),
          true,
        );
        return void req.destroy();
      case 'notJson':
      case 'tooDeep':
        return refuse(new SyncRefusal('BAD_REQUEST', 'The request body is not valid JSON of the expected shape.'));
    }
  }
  const value = body.value as { storeId?: unknown; entries?: unknown } | null;
  if (value && typeof value === 'object' && typeof value.storeId === 'string') claimed = value.storeId.slice(0, 40);
  if (Array.isArray(value?.entries) && value.entries.length > LIMITS.entriesPerBatch) {
    return refuse(
      new SyncRefusal(
        'TOO_LARGE',
        `A batch holds at most ${LIMITS.entriesPerBatch} entries; this one has ${value.entries.length}.`,
      ),
    );
  }
  const parsed = endpoint.input.safeParse(body.value);
  if (!parsed.success) {
    return refuse(new SyncRefusal('BAD_REQUEST', `The request is malformed: ${zodSummary(parsed.error.issues)}.`));
  }
  try {
    const out = await endpoint.run(ctx, parsed.data, meta);
    sendJson(res, 200, out);
  } catch (err) {
    if (err instanceof SyncRefusal) return refuse(err);
    const state = sqlState(err);
    if ((state && TRANSIENT.has(state)) || /ECONNREFUSED|ECONNRESET|Connection terminated/.test(String(err))) {
      ctx.log.warn('sync: database busy or unavailable', { path: name, state, error: String(err) });
      return refuse(new SyncRefusal('BUSY', 'HQ is busy or its database is unavailable: try again shortly.'));
    }
    const ref = Math.random().toString(16).slice(2, 10).toUpperCase();
    ctx.log.error('sync request failed', { path: name, ref, error: err instanceof Error ? err.stack : String(err) });
    sendJson(
      res,
      500,
      new SyncRefusal('BUSY', `HQ failed to handle this request (reference ${ref}); it will be retried.`).body(
        ctx.now(),
      ),
    );
  }
}
