import type { hqUserMethods } from '../../../src-shared/hq-api/methods/users';
import {
  changeOwnPassword,
  listUsers,
  resetPassword,
  setScope,
  updateUser,
  userDto,
} from '../../services/auth/manage-users';
import { createHqUser } from '../../services/auth/users';
import type { HqHandlersFor } from '../handler-types';

export const userHandlers: HqHandlersFor<typeof hqUserMethods> = {
  'users.list': { run: (call) => listUsers(call.q) },
  'users.create': { run: async (call, input) => userDto(call.q, await createHqUser(call.q, input, call.now)) },
  'users.update': { run: (call, input) => updateUser(call.q, call.user!.id, input, call.now) },
  'users.resetPassword': { run: (call, input) => resetPassword(call.q, input, call.now) },
  'users.setScope': { run: (call, input) => setScope(call.q, input.id, input.scope, call.now) },
  'session.changePassword': {
    async run(call, input) {
      await changeOwnPassword(call.q, call.user!.id, call.sessionTokenHash, input, call.now);
      return { ok: true };
    },
  },
};
