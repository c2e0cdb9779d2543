import { clientErrorReport, installGlobalErrorHandlers } from '../../../src-renderer/src/lib/uncaught-errors';
import { call } from './api';

/** Writes a screen's error to HQ's log; resolves to its reference there ('-' when it could not be logged). */
export function reportHqError(error: unknown): Promise<string> {
  return call('client.reportError', clientErrorReport(error)).then(
    (r) => r.ref,
    () => '-',
  );
}

export const installHqErrorHandlers = () => installGlobalErrorHandlers(reportHqError);
