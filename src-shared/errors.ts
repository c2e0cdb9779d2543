/**
 * Errors cross every boundary (IPC, HTTP) as plain data with a stable code.
 * The message is already translated into the caller's language; `params` keep
 * the raw values so a client can re-render it, and `fields` point at the
 * offending input so forms can show the message next to the field.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'LOCKED_OUT',
  /** Too many calls of one kind from one source or session: wait and try again. */
  'RATE_LIMITED',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'DEVICE_OFFLINE',
  /** HQ could not be reached (no network, HQ down, its certificate not trusted): nothing was changed. */
  'HQ_UNREACHABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path into the input, e.g. `items.3.qty`; empty for the whole input. */
  path: string;
  message: string;
}

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  params?: Record<string, string | number>;
  fields?: FieldIssue[];
  /** Reference written to the log for INTERNAL errors, so support can find it. */
  ref?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** Thrown by the renderer client so UI code can `catch` and inspect the code. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly data: ApiErrorData;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.data = data;
  }
}
