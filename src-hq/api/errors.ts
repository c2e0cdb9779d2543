import type { ErrorCode } from '../../src-shared/errors';
import type { MessageKey } from '../../src-shared/i18n';

/** An expected failure of an HQ API call: a code, a message key in the caller's language, fields to point at. */
export class HqApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key?: MessageKey,
    readonly params?: Record<string, string | number>,
    readonly fields?: { path: string; key: MessageKey; params?: Record<string, string | number> }[],
  ) {
    super(key ?? code);
    this.name = 'HqApiError';
  }
}
