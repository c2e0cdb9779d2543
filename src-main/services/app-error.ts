import type { ErrorCode, FieldIssue } from '../../src-shared/errors';
import type { MessageKey } from '../../src-shared/i18n';

/**
 * An expected failure a service reports to the user. `key` picks the message
 * (defaults to the code's generic one); dispatch translates it into the
 * caller's language. Fields carry message keys too.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key?: MessageKey,
    readonly params?: Record<string, string | number>,
    readonly fields?: { path: string; key: MessageKey; params?: Record<string, string | number> }[],
  ) {
    super(key ?? code);
    this.name = 'AppError';
  }
}

export type { FieldIssue };
