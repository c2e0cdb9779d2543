import { translate } from '../../src-shared/i18n';
import type { Dispatch } from './dispatch';

/**
 * Holds every API call while the database is being replaced: calls that
 * arrive get a clear "restoring" answer at once, calls already running are
 * waited for before the database closes under them.
 */
export interface CallGate {
  wrap(inner: () => Dispatch): Dispatch;
  /** Refuses new calls, then resolves once at most `running` calls (the caller's own) are still in flight. */
  close(running: number, timeoutMs: number): Promise<void>;
  open(): void;
}

export function createCallGate(): CallGate {
  let closed = false;
  let inFlight = 0;
  const waiters = new Set<() => void>();
  const settled = () => {
    for (const w of waiters) w();
  };
  return {
    wrap(inner) {
      return async (method, input, meta) => {
        if (closed) {
          return {
            result: {
              ok: false,
              error: { code: 'CONFLICT', message: translate(meta.locale, 'system.restore.running') },
            },
          };
        }
        inFlight++;
        try {
          return await inner()(method, input, meta);
        } finally {
          inFlight--;
          settled();
        }
      };
    },
    async close(running, timeoutMs) {
      closed = true;
      const deadline = Date.now() + timeoutMs;
      while (inFlight > running) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${inFlight - running} calls still running after ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.min(left, 250));
          function done() {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    open() {
      closed = false;
    },
  };
}
