import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCookie, requestLocale, sendJson } from '../../src-main/host/replies';
import { HTTP_STATUS } from '../../src-main/host/http-status';
import type { ErrorCode } from '../../src-shared/errors';
import { translate, type MessageKey } from '../../src-shared/i18n';
import type { HqContext } from '../context';
import { hqAudit } from '../db/schema';
import { resolveHqSession } from '../services/auth/sessions';
import { releaseRefusal } from '../services/releases/errors';
import { sameOrigin } from './api-http';

/** A file may take this long in all (a 200 MB installer over a slow branch link) ... */
export const UPLOAD_TOTAL_MS = 30 * 60_000;
/** ... but may not stall for longer than this. */
const IDLE_MS = 60_000;

export const UPLOAD_PREFIX = '/upload/releases/';

/**
 * PUT /upload/releases/<stageId>/<file name>: one file of a staged release
 * (releases.stage), streamed to disk and checked against latest.yml as it
 * arrives. Admins only (the HQ session cookie); PUT with the same Origin, so
 * no other site can drive it. Every outcome is an HQ audit entry; a refused
 * file removes the whole stage.
 */
export async function handleReleaseUpload(
  ctx: HqContext,
  rest: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const locale = requestLocale(req);
  const answer = (code: ErrorCode, key: MessageKey, params?: Record<string, string | number>, fields?: unknown[]) => {
    sendJson(
      res,
      HTTP_STATUS[code],
      { ok: false, error: { code, message: translate(locale, key, params), fields: fields ?? [] } },
      // The body may still be arriving: close rather than read the rest of an installer.
      req.complete ? {} : { Connection: 'close' },
    );
    if (!req.complete) req.resume();
  };
  if (req.method !== 'PUT') return answer('VALIDATION', 'security.http.usePost');
  if (!sameOrigin(req)) return answer('FORBIDDEN', 'security.http.crossSite');
  const now = ctx.now();
  const token = readCookie(req, 'hq_session');
  const session = token ? await resolveHqSession(ctx.db, token, now) : null;
  if (!session) return answer('UNAUTHENTICATED', 'error.UNAUTHENTICATED');
  if (session.user.role !== 'admin') {
    return answer('FORBIDDEN', 'hq.error.forbidden', { role: translate(locale, `hq.role.${session.user.role}`) });
  }
  if (!ctx.releases) return answer('VALIDATION', 'hq.releases.e.noStorage');
  const [stageId = '', name = '', ...extra] = rest.split('/');
  let fileName: string;
  try {
    fileName = decodeURIComponent(name);
  } catch {
    fileName = '';
  }
  const stage = extra.length === 0 ? await ctx.releases.readStage(stageId, now) : null;
  if (!stage) return answer('NOT_FOUND', 'hq.releases.e.stageGone');

  const audit = (outcome: Record<string, unknown>) =>
    ctx.db.insert(hqAudit).values({
      at: ctx.now(),
      userId: session.user.id,
      username: session.user.username,
      method: 'releases.upload',
      storeId: null,
      detail: { input: { stageId, version: stage.manifest.version, file: fileName.slice(0, 200) }, ...outcome },
    });
  const length = req.headers['content-length'];
  try {
    const stored = await ctx.releases.receive(stage, fileName, req, {
      declaredLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
      idleMs: IDLE_MS,
      totalMs: UPLOAD_TOTAL_MS,
    });
    await audit({ accepted: { size: stored.size, sha512: stored.sha512 } });
    sendJson(res, 200, { ok: true, value: { name: stored.name, size: stored.size } });
  } catch (err) {
    const refusal = releaseRefusal(err);
    if (!refusal) throw err;
    ctx.log.warn('release file refused', { stageId, file: fileName.slice(0, 200), reason: refusal.key });
    await audit({ refused: refusal.params ?? {} });
    if ((refusal.params as { reason?: string } | undefined)?.reason === 'aborted') return void res.destroy();
    const fields = refusal.fields?.map((f) => ({ path: f.path, message: translate(locale, f.key, f.params) }));
    answer(refusal.code, refusal.key!, refusal.params, fields);
  }
}
