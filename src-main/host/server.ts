import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_INPUT_DEPTH } from '../../src-shared/api/limits';
import { translate, type Locale, type MessageKey } from '../../src-shared/i18n';
import type { Backend } from '../backend';
import type { SessionChange } from '../api/dispatch';
import { createEventStreams, type EventStreamLimits } from './event-stream';
import { createHostNameCheck, type HostNameCheck } from './host-names';
import { HTTP_STATUS } from './http-status';
import { abandon, readCookie, requestLocale, sendJson, sendText, SECURITY_HEADERS } from './replies';
import { isJsonContentType, readJsonBody, type BodyOutcome } from './request-body';
import { serveStatic } from './static-files';

const COOKIE = 'bo_session';

export interface HttpHostOptions {
  backend: Backend;
  rendererDir: string;
  port: number;
  lan: boolean;
  /** Names this PC answers to besides its own (--allowed-host). */
  allowedHosts?: readonly string[];
  /** Tests replace the PC's own names and addresses. */
  hostNames?: HostNameCheck;
  streamLimits?: EventStreamLimits;
}

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

/**
 * The throttling key of a client: 'local' for this PC itself (the same key
 * Electron's IPC calls get), an IPv4 address as is, an IPv6 address by its /64
 * network (one machine can use any address of its network).
 */
export function sourceOf(address: string | undefined): string {
  if (!address || isLoopback(address)) return 'local';
  if (address.startsWith('::ffff:')) return address.slice('::ffff:'.length);
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? h : [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

function sessionCookie(change: SessionChange, now: number): string {
  if (!change) return `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  const maxAge = Math.max(0, Math.floor((change.expiresAt - now) / 1000));
  return `${COOKIE}=${encodeURIComponent(change.token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`;
}

/**
 * A cross-site page must not be able to drive the API with the user's cookie:
 * calls must be JSON (which forces a CORS preflight we never answer) and any
 * Origin header must be this host.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host?.toLowerCase();
  } catch {
    return false;
  }
}

const BODY_PROBLEM: Record<Exclude<BodyOutcome, { ok: true }>['problem'], MessageKey | null> = {
  tooLarge: 'security.http.bodyTooLarge',
  notJson: 'security.http.notJson',
  tooDeep: 'security.http.tooDeep',
  aborted: null,
};

function refuseCall(res: ServerResponse, locale: Locale, status: number, key: MessageKey, close = false): void {
  const code = status === 403 ? 'FORBIDDEN' : 'VALIDATION';
  const message = translate(locale, key, { max: MAX_INPUT_DEPTH });
  sendJson(res, status, { ok: false, error: { code, message, fields: [] } }, close ? { Connection: 'close' } : {});
}

async function handleCall(backend: Backend, method: string, req: IncomingMessage, res: ServerResponse) {
  const locale = requestLocale(req);
  if (!sameOrigin(req) || !isJsonContentType(req.headers['content-type'])) {
    return refuseCall(res, locale, 403, 'security.http.crossSite');
  }
  const body = await readJsonBody(req);
  if (!body.ok) {
    const key = BODY_PROBLEM[body.problem];
    if (!key) return void res.destroy(); // the client went away: nobody to answer
    return refuseCall(res, locale, 400, key, body.problem === 'tooLarge');
  }
  const outcome = await backend.dispatch(method, body.value, {
    token: readCookie(req, COOKIE),
    locale,
    caller: {
      loopback: isLoopback(req.socket.remoteAddress),
      client: String(req.headers['user-agent'] ?? ''),
      source: sourceOf(req.socket.remoteAddress),
    },
  });
  const headers: Record<string, string> = {};
  if (outcome.session !== undefined) headers['Set-Cookie'] = sessionCookie(outcome.session, Date.now());
  const status = outcome.result.ok ? 200 : HTTP_STATUS[outcome.result.error.code];
  sendJson(res, status, outcome.result, headers);
}

/** The path of a request target, decoded; null when it is not an origin-form path or not valid percent-encoding. */
function requestPath(url: string | undefined): string | null {
  if (!url?.startsWith('/')) return null;
  try {
    return decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
}

export function createHttpHost(opts: HttpHostOptions): Server {
  const { backend } = opts;
  const hostNames = opts.hostNames ?? createHostNameCheck({ configured: opts.allowedHosts ?? [] });
  const events = createEventStreams(backend, opts.streamLimits);

  function route(req: IncomingMessage, res: ServerResponse): void {
    const locale = requestLocale(req);
    if (!hostNames.allows(req.headers.host)) {
      return sendText(res, 421, translate(locale, 'security.host.refused'), { Connection: 'close' });
    }
    const path = requestPath(req.url);
    if (path === null || path.includes('\0')) {
      if (req.url?.startsWith('/api/')) return refuseCall(res, locale, 400, 'security.http.badUrl');
      return sendText(res, 400, translate(locale, 'security.http.badUrl'));
    }
    if (path === '/api/events' && req.method === 'GET') {
      return events(req, res, readCookie(req, COOKIE), sourceOf(req.socket.remoteAddress), locale);
    }
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return refuseCall(res, locale, 405, 'security.http.usePost');
      handleCall(backend, path.slice('/api/'.length), req, res).catch((err: unknown) => failed(req, res, err));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, translate(locale, 'security.http.methodNotAllowed'), { Allow: 'GET, HEAD' });
    }
    serveStatic(opts.rendererDir, path, req, res, SECURITY_HEADERS);
  }

  /**
   * A bug while answering one request: logged, answered with a 500 and the
   * connection closed. It is not announced to the open screens (that event is
   * for the backend's own failures, never for what one client sent).
   */
  function failed(req: IncomingMessage, res: ServerResponse, err: unknown): void {
    backend.log.error('http request failed', {
      method: req.method,
      url: String(req.url).slice(0, 200),
      error: err instanceof Error ? err.stack : String(err),
    });
    abandon(res, 500, translate(requestLocale(req), 'security.http.internal'));
  }

  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (err) {
      failed(req, res, err);
    }
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

export function listen(server: Server, port: number, lan: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, lan ? '0.0.0.0' : '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
