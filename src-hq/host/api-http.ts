import type { IncomingMessage, ServerResponse } from 'node:http';
import { isJsonContentType } from '../../src-main/host/request-body';
import { readCookie, requestLocale, sendJson } from '../../src-main/host/replies';
import { HTTP_STATUS } from '../../src-main/host/http-status';
import { isLoopbackAddress } from './loopback';
import { translate } from '../../src-shared/i18n';
import type { HqDispatch } from '../api/dispatch';
import type { HqSessionChange } from '../api/handler-types';
import { readBody } from './body';

const COOKIE = 'hq_session';

function cookie(change: HqSessionChange, secure: boolean, now: number): string {
  const flags = `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
  if (!change) return `${COOKIE}=; ${flags}; Max-Age=0`;
  return `${COOKIE}=${encodeURIComponent(change.token)}; ${flags}; Max-Age=${Math.max(0, Math.floor((change.expiresAt - now) / 1000))}`;
}

/** A cross-site page cannot drive HQ's API with a user's cookie: JSON only (a preflight we never answer), same Origin. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host?.toLowerCase();
  } catch {
    return false;
  }
}

export interface ApiHttpOptions {
  secure: boolean;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
}

/** POST /api/<method>: HQ's web UI calls, with the session in an HttpOnly cookie. */
export function apiHttp(dispatch: HqDispatch, opts: ApiHttpOptions) {
  return (method: string, req: IncomingMessage, res: ServerResponse): void => {
    const locale = requestLocale(req);
    const refuse = (status: number, code: 'VALIDATION' | 'FORBIDDEN', key: Parameters<typeof translate>[1]) =>
      sendJson(res, status, { ok: false, error: { code, message: translate(locale, key), fields: [] } });
    if (req.method !== 'POST') return refuse(405, 'VALIDATION', 'security.http.usePost');
    if (!sameOrigin(req) || !isJsonContentType(req.headers['content-type'])) {
      return refuse(403, 'FORBIDDEN', 'security.http.crossSite');
    }
    void readBody(req, opts.maxBodyBytes, opts.bodyTimeoutMs).then(async (body): Promise<void> => {
      if (!body.ok) {
        if (body.problem === 'aborted') return void res.destroy();
        if (body.problem === 'tooLarge') return refuse(413, 'VALIDATION', 'security.http.bodyTooLarge');
        return refuse(400, 'VALIDATION', 'security.http.notJson');
      }
      const out = await dispatch(method, body.value, {
        token: readCookie(req, COOKIE),
        locale,
        loopback: isLoopbackAddress(req.socket.remoteAddress),
      });
      const headers: Record<string, string> = {};
      if (out.session !== undefined) headers['Set-Cookie'] = cookie(out.session, opts.secure, Date.now());
      const status = out.result.ok ? 200 : HTTP_STATUS[out.result.error.code];
      sendJson(res, status, out.result, headers);
    });
  };
}
