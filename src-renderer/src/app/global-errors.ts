import { call } from '../lib/api';
import { clientErrorReport, installGlobalErrorHandlers as install } from '../lib/uncaught-errors';

export { onUncaughtError } from '../lib/uncaught-errors';

/** Writes a screen's error to the store's log; resolves to its reference there ('-' if the log cannot be reached). */
export function reportError(error: unknown): Promise<string> {
  return call('system.reportClientError', clientErrorReport(error)).then(
    (r) => r.ref,
    () => '-',
  );
}

/** Errors nobody caught are logged on the store's backend and shown to the user, never silently lost. */
export const installGlobalErrorHandlers = () => install(reportError);
