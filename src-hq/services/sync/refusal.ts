import { REFUSALS, type Refusal, type RefusalCode } from '../../../src-shared/sync/protocol';

/**
 * A request HQ refuses as a whole. Thrown anywhere in a sync service (the
 * transaction rolls back), answered by the host as a RefusalSchema body with
 * the code's HTTP status, and logged at HQ.
 */
export class SyncRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly extra: { expectedSeq?: number; retryAfter?: number } = {},
  ) {
    super(message);
    this.name = 'SyncRefusal';
  }

  get status(): number {
    return REFUSALS[this.code].status;
  }

  body(hqTime: number): Refusal {
    return { ok: false, code: this.code, message: this.message, hqTime, ...this.extra };
  }
}
