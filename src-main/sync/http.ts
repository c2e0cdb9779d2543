import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/**
 * The one HTTP call the store makes to HQ: a JSON POST, bounded in time (the
 * whole exchange, not just the connection) and in the size of the answer, TLS
 * verified against the system's certificate authorities (plus `ca` where a
 * chain runs its own), plain HTTP only to this machine.
 */
export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxAnswerBytes: number;
  /** Extra certificate authorities to trust (PEM), for an HQ whose certificate a chain issued itself. */
  ca?: string | Buffer;
}

export interface RawAnswer {
  status: number;
  text: string;
}

/** Sends one request; tests replace it to lose answers or cut the line. */
export type Transport = (url: URL, body: string, opts: PostOptions) => Promise<RawAnswer>;

/** HQ could not be reached or did not answer properly: the whole request may be retried. */
export class NetworkError extends Error {
  constructor(
    readonly kind: 'network' | 'tls' | 'timeout' | 'too-large' | 'bad-answer',
    message: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Why an HQ address cannot be used, in a word the UI translates. */
export class HqUrlError extends Error {
  constructor(readonly reason: 'invalid' | 'insecure') {
    super(reason === 'invalid' ? 'not an http(s) address' : 'plain http is only allowed to this machine');
    this.name = 'HqUrlError';
  }
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** HQ's base URL as typed by an admin, checked: https anywhere, http only on loopback; no credentials, query or fragment. */
export function parseHqUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new HqUrlError('invalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new HqUrlError('invalid');
  if (url.username || url.password || url.search || url.hash) throw new HqUrlError('invalid');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) throw new HqUrlError('insecure');
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** Certificate problems: HQ answered, but could not prove it is HQ (a person must fix the certificate or the address). */
const TLS_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|ERR_SSL/;

export const nodeTransport: Transport = (url, body, opts) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const secure = url.protocol === 'https:';
    if (!secure && !isLoopbackHost(url.hostname)) {
      reject(new HqUrlError('insecure'));
      return;
    }
    const payload = Buffer.from(body, 'utf8');
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(err);
    };
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: { ...opts.headers, 'Content-Type': 'application/json', 'Content-Length': String(payload.length) },
        ...(secure ? { rejectUnauthorized: true, ...(opts.ca ? { ca: opts.ca } : {}) } : {}),
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxAnswerBytes) {
            fail(new NetworkError('too-large', `HQ's answer is larger than ${opts.maxAnswerBytes} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (err) => fail(new NetworkError('network', err.message)));
        res.on('aborted', () => fail(new NetworkError('network', 'the answer was cut off')));
      },
    );
    const timer = setTimeout(
      () => fail(new NetworkError('timeout', `no complete answer within ${Math.round(opts.timeoutMs / 1000)} s`)),
      opts.timeoutMs,
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      fail(new NetworkError(TLS_ERROR.test(err.code ?? '') ? 'tls' : 'network', err.message)),
    );
    req.end(payload);
  });
