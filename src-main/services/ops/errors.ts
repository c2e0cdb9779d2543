import type { MessageKey } from '../../../src-shared/i18n';
import type { ErrorCode } from '../../../src-shared/errors';
import { AppError } from '../app-error';

/** An expected failure pointing at one input field (dotted path), shown next to it in the form. */
export function fieldError(
  code: ErrorCode,
  key: MessageKey,
  path: string,
  params?: Record<string, string | number>,
): never {
  throw new AppError(code, key, params, [{ path, key, params }]);
}

/**
 * postMoves names its input rows `moves.N.field`; our forms have document lines.
 * `lineOf[N]` is the line a movement came from, so the message lands on the right line.
 */
export function withLinePaths<T>(lineOf: readonly number[], run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields) throw err;
    const fields = err.fields.map((f) => {
      const m = /^moves\.(\d+)\.(.+)$/.exec(f.path);
      return m ? { ...f, path: `lines.${lineOf[Number(m[1])] ?? m[1]}.${m[2]}` } : f;
    });
    throw new AppError(err.code, err.key, err.params, fields);
  }
}
