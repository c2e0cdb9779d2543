/**
 * What every printer transport offers: write a job, ask something and collect
 * the answer, close. Connections open lazily and reopen after a failure.
 */
export interface PrinterConnection {
  readonly kind: 'serial' | 'tcp' | 'file';
  /** Writes all bytes; resolves once they are handed to the OS (serial: drained). */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Sends `bytes` and collects what comes back until `complete(answer)` holds
   * or `timeoutMs` passes; resolves null when nothing came. Without
   * `complete`, the answer ends after a short quiet gap.
   */
  query(bytes: Uint8Array, timeoutMs: number, complete?: (answer: Uint8Array) => boolean): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

export class PrinterConnectionError extends Error {
  override name = 'PrinterConnectionError';
}

/** Quiet gap that ends an answer when the caller cannot tell where it ends. */
const IDLE_END_MS = 50;

interface Pending {
  chunks: Buffer[];
  complete?: (a: Uint8Array) => boolean;
  done: (a: Uint8Array | null) => void;
  idle?: NodeJS.Timeout;
}

/**
 * Gathers incoming bytes for the one query in flight; bytes that arrive while
 * no query waits (e.g. a late answer to a query that timed out) are dropped.
 */
export class AnswerCollector {
  private current: Pending | null = null;

  push(chunk: Buffer): void {
    const c = this.current;
    if (!c) return;
    c.chunks.push(chunk);
    const all = Buffer.concat(c.chunks);
    if (c.complete) {
      if (c.complete(all)) c.done(all);
    } else {
      clearTimeout(c.idle);
      c.idle = setTimeout(() => c.done(all), IDLE_END_MS);
    }
  }

  /** Starts collecting, runs `send`, resolves with the answer (or what came by the deadline, or null). */
  async collect(
    send: () => Promise<void>,
    timeoutMs: number,
    complete?: (a: Uint8Array) => boolean,
  ): Promise<Uint8Array | null> {
    if (this.current) throw new PrinterConnectionError('a status query is already waiting');
    let finish: (a: Uint8Array | null) => void = () => undefined;
    const answer = new Promise<Uint8Array | null>((resolve) => {
      const entry: Pending = {
        chunks: [],
        done: (a) => {
          clearTimeout(timer);
          clearTimeout(entry.idle);
          if (this.current === entry) this.current = null;
          resolve(a);
        },
      };
      if (complete) entry.complete = complete;
      this.current = entry;
      const timer = setTimeout(() => entry.done(entry.chunks.length ? Buffer.concat(entry.chunks) : null), timeoutMs);
      finish = entry.done;
    });
    try {
      await send();
    } catch (e) {
      finish(null);
      throw e;
    }
    return answer;
  }

  /** Ends a waiting query with what it has (the connection closed). */
  abort(): void {
    const c = this.current;
    if (c) c.done(c.chunks.length ? Buffer.concat(c.chunks) : null);
  }
}
