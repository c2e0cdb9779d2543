import { sql } from 'drizzle-orm';
import { toIso } from '../../../src-shared/time';
import type { hqSessionMethods } from '../../../src-shared/hq-api/methods/session';
import { hqAudit, hqUsers } from '../../db/schema';
import { userDto } from '../../services/auth/manage-users';
import { closeHqSession, openHqSession } from '../../services/auth/sessions';
import { checkPassword, createHqUser, userCount, type HqUserRow } from '../../services/auth/users';
import { HqApiError } from '../errors';
import type { HqCall, HqHandlersFor } from '../handler-types';

async function sessionDto(call: HqCall, user: HqUserRow | null, expiresAt: number | null) {
  return {
    user: user ? await userDto(call.q, user) : null,
    needsSetup: (await userCount(call.q)) === 0,
    expiresAt: toIso(expiresAt),
    hqName: call.hq.hqName,
  };
}

/** Only one first administrator, even if two first-run screens submit at once. */
const SETUP_LOCK = 0x48510003;

export const sessionHandlers: HqHandlersFor<typeof hqSessionMethods> = {
  'session.current': {
    async run(call) {
      if (!call.user) return sessionDto(call, null, null);
      const [row] = await call.q
        .select()
        .from(hqUsers)
        .where(sql`${hqUsers.id} = ${call.user.id}`);
      return sessionDto(call, row ?? null, call.sessionExpiresAt);
    },
  },
  'session.login': {
    tx: 'manual',
    async run(call, input) {
      const user = await checkPassword(call.q, input.username, input.password, call.now);
      const s = await openHqSession(call.q, user.id, call.now);
      await call.q.insert(hqAudit).values({
        at: call.now,
        userId: user.id,
        username: user.username,
        method: 'session.login',
        detail: {},
      });
      call.setSession(s);
      return sessionDto(call, user, s.expiresAt);
    },
  },
  'session.logout': {
    async run(call) {
      if (call.sessionTokenHash) await closeHqSession(call.q, call.sessionTokenHash);
      call.setSession(null);
      return { ok: true };
    },
  },
  'setup.createAdmin': {
    async run(call, input) {
      if (!call.loopback) throw new HqApiError('FORBIDDEN', 'hq.error.setupRemote');
      await call.q.execute(sql`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
      if ((await userCount(call.q)) > 0) throw new HqApiError('CONFLICT', 'hq.error.setupDone');
      const user = await createHqUser(call.q, { ...input, role: 'admin' }, call.now);
      const s = await openHqSession(call.q, user.id, call.now);
      call.setSession(s);
      return sessionDto(call, user, s.expiresAt);
    },
  },
};
