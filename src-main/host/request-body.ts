import type { IncomingMessage } from 'node:http';
import { jsonTextTooDeep } from '../../src-shared/api/limits';

/** Largest call body: an 8 MB base64 upload with its JSON around it. */
export const MAX_BODY = 8 * 1024 * 1024;
/**
 * How much of an oversized body is read and thrown away after the 400 went
 * out. A client that sends its whole body before reading the answer (most do)
 * then sees the 400 instead of a reset connection; beyond this, it is cut off.
 */
const DISCARD_LIMIT = 64 * 1024 * 1024;

export type BodyOutcome =
  { ok: true; value: unknown } | { ok: false; problem: 'tooLarge' | 'notJson' | 'tooDeep' | 'aborted' };

/**
 * `application/json`, optionally with a UTF-8 charset, and nothing else: a page
 * on another site can send `text/plain` or a form without a CORS preflight,
 * never `application/json`, and `application/jsonx` is not JSON.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** Reads and parses a JSON call body within the size and depth limits. */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      resolve(outcome);
    };
    const declared = Number(req.headers['content-length']);
    if (declared > maxBytes) settle({ ok: false, problem: 'tooLarge' });
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (settled) {
        if (size > DISCARD_LIMIT) req.destroy();
        return;
      }
      if (size > maxBytes) settle({ ok: false, problem: 'tooLarge' });
      else chunks.push(c);
    });
    req.on('end', () => {
      if (settled) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text.trim()) return settle({ ok: true, value: {} });
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
