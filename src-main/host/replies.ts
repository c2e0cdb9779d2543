import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLocale, pickLocale, type Locale } from '../../src-shared/i18n';
import { CSP } from './csp';

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

export function requestLocale(req: IncomingMessage): Locale {
  const explicit = req.headers['x-locale'];
  if (isLocale(explicit)) return explicit;
  return pickLocale(req.headers['accept-language']);
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return null; // a mangled cookie is no session
    }
  }
  return null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
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

/** A refusal for a person reading it in a browser tab or a terminal: plain text, never HTML. */
export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  const body = text + '\n';
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extra,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * The last resort once something went wrong mid-request: answer if nothing was
 * sent yet, and in any case close the connection, so no socket (and no file
 * handle behind it) is left waiting for an answer that never comes.
 */
export function abandon(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  try {
    sendText(res, status, text, { Connection: 'close' });
  } catch {
    res.destroy();
  }
}
