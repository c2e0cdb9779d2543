import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  EnrollConfirmResponse,
  EnrollPreviewResponse,
  LIMITS,
  PullResponse,
  PushResponse,
  RefusalSchema,
  SessionResponse,
  SYNC_PATH,
  type EnrollConfirmRequest,
  type EnrollPreviewRequest,
  type PullRequest,
  type PushRequest,
  type Refusal,
} from '../../src-shared/sync/protocol';
import { nodeTransport, NetworkError, parseHqUrl, type Transport } from './http';

/**
 * HQ's sync endpoints as typed calls. An answer is either HQ's (validated
 * against the protocol) or a refusal with its code; anything else (no
 * connection, a timeout, a page that is not HQ's JSON) is a NetworkError and
 * the caller retries the whole request. Every call gets a fresh request id.
 */
export type Answer<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export interface HqClientOptions {
  url: string;
  timeoutMs?: number;
  ca?: string | Buffer;
  transport?: Transport;
}

/** Pages and acknowledgements are small; a pull page of 5,000 master rows stays well under this. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export class HqClient {
  readonly base: URL;
  private readonly transport: Transport;

  constructor(private readonly opts: HqClientOptions) {
    this.base = parseHqUrl(opts.url);
    this.transport = opts.transport ?? nodeTransport;
  }

  /** Pushes may carry 5,000 rows and HQ takes up to 30 s to read a body: allow for both. */
  private async post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    token?: string,
  ): Promise<Answer<z.infer<S>>> {
    const text = JSON.stringify(body);
    if (Buffer.byteLength(text) > LIMITS.bodyBytes) {
      throw new RangeError(`a ${path} request of ${Buffer.byteLength(text)} bytes is over HQ's limit`);
    }
    // An empty path reads back as "/": "//sync/..." would name another host.
    const url = new URL(`${this.base.pathname.replace(/\/+$/, '')}${SYNC_PATH}/${path}`, this.base);
    const raw = await this.transport(url, text, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      timeoutMs: this.opts.timeoutMs ?? 60_000,
      maxAnswerBytes: MAX_ANSWER_BYTES,
      ca: this.opts.ca,
    });
    let json: unknown;
    try {
      json = JSON.parse(raw.text);
    } catch {
      throw new NetworkError('bad-answer', `HQ answered ${raw.status} with something that is not JSON`);
    }
    const refusal = RefusalSchema.safeParse(json);
    if (refusal.success) return { ok: false, refusal: refusal.data };
    const value = schema.safeParse(json);
    if (raw.status === 200 && value.success) return { ok: true, value: value.data };
    throw new NetworkError('bad-answer', `HQ answered ${raw.status} with an answer this app does not understand`);
  }

  session(req: { storeId: string; credential: string; versions: PushRequest['versions'] }) {
    return this.post('session', { requestId: randomUUID(), ...req }, SessionResponse);
  }

  push(req: Omit<PushRequest, 'requestId'>, token: string) {
    return this.post('push', { requestId: randomUUID(), ...req }, PushResponse, token);
  }

  pull(req: Omit<z.input<typeof PullRequest>, 'requestId'>, token: string) {
    return this.post('pull', { requestId: randomUUID(), ...req }, PullResponse, token);
  }

  enrollPreview(req: z.input<typeof EnrollPreviewRequest>) {
    return this.post('enroll/preview', req, EnrollPreviewResponse);
  }

  enrollConfirm(req: z.input<typeof EnrollConfirmRequest>) {
    return this.post('enroll/confirm', req, EnrollConfirmResponse);
  }
}
