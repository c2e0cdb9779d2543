import { errorRef } from '../../lib/ids';
import { createLogger, type Logger } from '../../lib/log';
import { createRateLimiter, type RateLimiter } from '../../lib/rate-limit';
import { AppError } from '../app-error';
import type { Ctx } from '../context';

/**
 * Errors the screens could not handle, reported so support can find them by
 * their reference. Anyone can call this (the sign-in screen has no session),
 * so it must not become a way to fill the disk or to rotate the app's own log
 * away (1,000 reports a second used to push every earlier line out of
 * app.log in two seconds):
 * - reports go to their own small log, `logs/client-errors.log` (1 MB, three
 *   kept), never to app.log;
 * - a source without a session gets a handful (the sign-in and setup screens'
 *   own errors), a session a few dozen, a source a few more for all its
 *   sessions; each refills over minutes.
 */
const LIMITS = {
  anonymous: { burst: 5, rate: 5, perMs: 10 * 60_000 },
  session: { burst: 30, rate: 30, perMs: 10 * 60_000 },
  source: { burst: 60, rate: 60, perMs: 10 * 60_000 },
} as const;

interface ClientErrorState {
  log: Logger;
  anonymous: RateLimiter;
  session: RateLimiter;
  source: RateLimiter;
}

const states = new WeakMap<object, ClientErrorState>();

function stateOf(ctx: Ctx): ClientErrorState {
  let s = states.get(ctx.sqlite);
  if (!s) {
    s = {
      log: createLogger({ dir: ctx.host.paths.logs, name: 'client-errors', maxBytes: 1024 * 1024, keep: 3 }),
      anonymous: createRateLimiter(LIMITS.anonymous),
      session: createRateLimiter(LIMITS.session),
      source: createRateLimiter(LIMITS.source),
    };
    states.set(ctx.sqlite, s);
  }
  return s;
}

export function reportClientError(
  ctx: Ctx,
  input: { message: string; stack?: string | null; url?: string | null },
): { ref: string } {
  const s = stateOf(ctx);
  const source = ctx.caller.source ?? 'local';
  const allowed = ctx.sessionTokenHash
    ? s.session.take(ctx.sessionTokenHash, ctx.now) && s.source.take(source, ctx.now)
    : s.anonymous.take(source, ctx.now);
  if (!allowed) throw new AppError('RATE_LIMITED', 'security.clientError.tooMany');
  const ref = errorRef();
  s.log.error('renderer error', { ref, user: ctx.user?.username ?? null, source, ...input });
  return { ref };
}
