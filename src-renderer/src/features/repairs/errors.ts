import { ApiError } from '../../../../src-shared/errors';

/**
 * The API names the exact input that was wrong (`assignee.userId`,
 * `resolution`); a form may hold that value under another field. Returns the
 * error with its field paths moved to the form's fields, so FormModal's
 * showApiError puts the message under the right input. Anything else is
 * returned as it came.
 */
export function reroute(err: unknown, move: (path: string) => string): unknown {
  if (!(err instanceof ApiError) || !err.data.fields?.length) return err;
  return new ApiError({ ...err.data, fields: err.data.fields.map((f) => ({ ...f, path: move(f.path) })) });
}

/** Moves every path that starts with `prefix` (itself or `prefix.*`) to `to`. */
export const under = (prefix: string, to: string) => (path: string) =>
  path === prefix || path.startsWith(`${prefix}.`) ? to : path;
