import type { HqMethodName } from '../../../src-shared/hq-api';

/**
 * What a user whose password an administrator reset may call before setting a
 * new one: see who they are, set it, sign out, report a screen's error.
 * Everything else is refused until then.
 */
export const PASSWORD_CHANGE_METHODS: ReadonlySet<string> = new Set<HqMethodName>([
  'session.current',
  'session.changePassword',
  'session.logout',
  'client.reportError',
]);
