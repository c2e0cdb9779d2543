import type { IncomingMessage } from 'node:http';
import { jsonTextTooDeep } from '../../src-shared/api/limits';

export type BodyOutcome =
  { ok: true; value: unknown } | { ok: false; problem: 'tooLarge' | 'notJson' | 'tooDeep' | 'aborted' | 'timeout' };

/**
 * Reads a JSON body within a size and a time bound. A body over the size is
 * refused as soon as its Content-Length (or its bytes so far) says so; one
 * that trickles in slower than `timeoutMs` (a stalled link, or a client
 * holding a connection open on purpose) is cut off, so neither can tie up
 * HQ's memory or sockets.
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      chunks.length = 0;
      resolve(outcome);
    };
    const timer = setTimeout(() => settle({ ok: false, problem: 'timeout' }), timeoutMs);
    timer.unref();
    if (Number(req.headers['content-length']) > maxBytes) settle({ ok: false, problem: 'tooLarge' });
    req.on('data', (c: Buffer) => {
      if (settled) return;
      size += c.length;
      if (size > maxBytes) settle({ ok: false, problem: 'tooLarge' });
      else chunks.push(c);
    });
    req.on('end', () => {
      if (settled) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (jsonTextTooDeep(text)) return settle({ ok: false, problem: 'tooDeep' });
      try {
        settle({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        settle({ ok: false, problem: 'notJson' });
      }
    });
    req.on('error', () => settle({ ok: false, problem: 'aborted' }));
    req.on('close', () => settle({ ok: false, problem: 'aborted' }));
  });
}
