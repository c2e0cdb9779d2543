import type { ErrorCode } from '../../src-shared/errors';

/** HTTP status per error code: the body is always the ApiResult; the status helps curl and proxies. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNKNOWN_METHOD: 404,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_CREDENTIALS: 401,
  LOCKED_OUT: 423,
  RATE_LIMITED: 429,
  SETUP_REQUIRED: 409,
  ALREADY_SET_UP: 409,
  DEVICE_OFFLINE: 503,
  HQ_UNREACHABLE: 502,
  INTERNAL: 500,
};
