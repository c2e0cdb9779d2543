import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLocale, pickLocale, type Locale } from '../../src-shared/i18n';
import type { Backend } from '../backend';
import type { SessionChange } from '../api/dispatch';
import { CSP } from './csp';
import { HTTP_STATUS } from './http-status';
import { serveStatic } from './static-files';

const COOKIE = 'bo_session';
const MAX_BODY = 8 * 1024 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

export interface HttpHostOptions {
  backend: Backend;
  rendererDir: string;
  port: number;
  lan: boolean;
}

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function requestLocale(req: IncomingMessage): Locale {
  const explicit = req.headers['x-locale'];
  if (isLocale(explicit)) return explicit;
  return pickLocale(req.headers['accept-language']);
}

function sessionCookie(change: SessionChange, now: number): string {
  if (!change) return `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
  const maxAge = Math.max(0, Math.floor((change.expiresAt - now) / 1000));
  return `${COOKIE}=${encodeURIComponent(change.token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
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
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function handleCall(backend: Backend, method: string, req: IncomingMessage, res: ServerResponse) {
  const locale = requestLocale(req);
  if (!sameOrigin(req) || !(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Cross-origin or non-JSON call refused.' } });
    return;
  }
  let input: unknown;
  try {
    const text = await readBody(req);
    input = text ? JSON.parse(text) : {};
  } catch {
    sendJson(res, 400, {
      ok: false,
      error: { code: 'VALIDATION', message: 'The request body is not valid JSON (at most 8 MB).', fields: [] },
    });
    return;
  }
  const outcome = await backend.dispatch(method, input, {
    token: readCookie(req, COOKIE),
    locale,
    caller: { loopback: isLoopback(req.socket.remoteAddress), client: String(req.headers['user-agent'] ?? '') },
  });
  const headers: Record<string, string> = {};
  if (outcome.session !== undefined) headers['Set-Cookie'] = sessionCookie(outcome.session, Date.now());
  const status = outcome.result.ok ? 200 : HTTP_STATUS[outcome.result.error.code];
  sendJson(res, status, outcome.result, headers);
}

function handleEvents(backend: Backend, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  send({ type: 'hello', at: new Date().toISOString() });
  const unsubscribe = backend.events.subscribe(send);
  // Comments keep idle proxies and the browser from closing the stream.
  const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

export function createHttpHost(opts: HttpHostOptions): Server {
  const { backend } = opts;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/api/events' && req.method === 'GET') return handleEvents(backend, req, res);
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: { code: 'VALIDATION', message: 'Use POST.' } });
      const method = decodeURIComponent(url.slice('/api/'.length).split('?')[0] ?? '');
      handleCall(backend, method, req, res).catch((err: unknown) => {
        backend.log.error('http call failed', err);
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' });
    serveStatic(opts.rendererDir, req, res, SECURITY_HEADERS);
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
