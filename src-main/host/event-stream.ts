import type { IncomingMessage, ServerResponse } from 'node:http';
import { translate, type Locale } from '../../src-shared/i18n';
import type { Backend } from '../backend';
import { liveSession as sessionOf } from '../api/live-session';
import { SECURITY_HEADERS, sendText } from './replies';

export interface EventStreamLimits {
  /** Open streams per session: one per browser tab; a browser holds at most 6 connections to a host anyway. */
  perSession: number;
  /** Open streams per client address: every tab of every user on one tablet or PC. */
  perSource: number;
  /** How often an idle stream checks its session is still alive (and sends a keep-alive comment). */
  heartbeatMs: number;
}

export const DEFAULT_STREAM_LIMITS: EventStreamLimits = { perSession: 6, perSource: 24, heartbeatMs: 25_000 };

/**
 * Server-sent events for signed-in screens only: what changed where is store
 * business, and every open stream holds a socket. The session is checked
 * before each push (a signed-out or expired tab stops receiving at once) and at
 * each heartbeat, without counting as activity, so an open tab does not keep
 * an idle session alive.
 */
export function createEventStreams(backend: Backend, limits: EventStreamLimits = DEFAULT_STREAM_LIMITS) {
  const perSession = new Map<string, number>();
  const perSource = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string, by: number) => {
    const n = (m.get(key) ?? 0) + by;
    if (n > 0) m.set(key, n);
    else m.delete(key);
  };

  const liveSession = (token: string | null) => sessionOf(backend.database, token, Date.now());

  return function handleEvents(
    req: IncomingMessage,
    res: ServerResponse,
    token: string | null,
    source: string,
    locale: Locale,
  ): void {
    const session = liveSession(token);
    if (!session) return sendText(res, 401, translate(locale, 'security.events.signIn'));
    if ((perSession.get(session) ?? 0) >= limits.perSession || (perSource.get(source) ?? 0) >= limits.perSource) {
      return sendText(res, 429, translate(locale, 'security.events.tooMany'), { 'Retry-After': '30' });
    }

    let open = true;
    const alive = (): boolean => {
      let live = false;
      try {
        live = liveSession(token) === session;
      } catch {
        // the database is closing: the stream ends with it
      }
      if (open && !live) close();
      return open;
    };
    const unsubscribe = backend.events.subscribe((e) => {
      // A restore deletes every session and then says so: that last word is delivered to the
      // streams it ended (it tells nothing but "sign in again"), then they close.
      if (e.type === 'signed-out' && open) {
        res.write(`data: ${JSON.stringify(e)}\n\n`);
        close();
      } else if (alive()) res.write(`data: ${JSON.stringify(e)}\n\n`);
    });
    bump(perSession, session, 1);
    bump(perSource, source, 1);
    // Comments keep idle proxies and the browser from closing the stream.
    const heartbeat = setInterval(() => {
      if (alive()) res.write(': ping\n\n');
    }, limits.heartbeatMs);
    function close(): void {
      if (!open) return;
      open = false;
      clearInterval(heartbeat);
      unsubscribe();
      bump(perSession, session!, -1);
      bump(perSource, source, -1);
      res.end();
    }
    // The response's close is the connection's: the request's may never come when the client sent a
    // body with its GET that nobody reads (it is thrown away below).
    res.on('close', close);
    req.resume();

    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(`data: ${JSON.stringify({ type: 'hello', at: new Date().toISOString() })}\n\n`);
  };
}
