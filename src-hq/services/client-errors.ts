import { dirname } from 'node:path';
import { errorRef } from '../../src-main/lib/ids';
import { createLogger, type Logger } from '../../src-main/lib/log';
import { createRateLimiter, type RateLimiter } from '../../src-main/lib/rate-limit';
import type { HqContext } from '../context';

/**
 * Errors HQ's screens could not handle, kept so support can find them by
 * their reference. As at the store, they go to their own small log
 * (`client-errors.log` beside hq.log, 1 MB, three kept), never to hq.log,
 * and each user gets a few dozen reports per ten minutes: a broken screen in
 * a loop, or a user who means harm, can neither fill the disk nor rotate
 * HQ's own log away. Per process (HQ keeps no state between processes: a
 * second process only gives a fresh allowance).
 */
const PER_USER = { burst: 30, rate: 30, perMs: 10 * 60_000 } as const;

const states = new WeakMap<HqContext, { log: Logger; perUser: RateLimiter }>();

export class ClientErrorLimit extends Error {
  override name = 'ClientErrorLimit';
}

export function reportClientError(
  ctx: HqContext,
  username: string,
  input: { message: string; stack?: string | null; url?: string | null },
): { ref: string } {
  let s = states.get(ctx);
  if (!s) {
    s = {
      log: createLogger({ dir: dirname(ctx.log.file), name: 'client-errors', maxBytes: 1024 * 1024, keep: 3 }),
      perUser: createRateLimiter(PER_USER),
    };
    states.set(ctx, s);
  }
  if (!s.perUser.take(username, ctx.now())) throw new ClientErrorLimit();
  const ref = errorRef();
  s.log.error('hq screen error', { ref, user: username, ...input });
  return { ref };
}
