import type { hqReleaseMethods } from '../../../src-shared/hq-api/methods/releases';
import {
  discardStage,
  listReleases,
  pinStore,
  removeRelease,
  publishRelease,
  setRollout,
  stageRelease,
} from '../../services/releases/releases';
import type { HqHandlersFor } from '../handler-types';

const who = (call: { user: { username: string } | null }) => call.user?.username ?? '';

export const releaseHandlers: HqHandlersFor<typeof hqReleaseMethods> = {
  'releases.list': { run: (call) => listReleases(call.q) },
  'releases.stage': { run: (call, input) => stageRelease(call.hq.releases, call.q, input, call.now) },
  'releases.publish': {
    run: (call, input) => publishRelease(call.hq.releases, call.q, input.stageId, who(call), call.now),
  },
  'releases.discard': {
    async run(call, input) {
      await discardStage(call.hq.releases, input.stageId);
      return { ok: true };
    },
  },
  'releases.remove': {
    async run(call, input) {
      await removeRelease(call.q, input.version);
      return { ok: true };
    },
  },
  'releases.setRollout': {
    async run(call, input) {
      await setRollout(call.q, input.version, input.rollout, call.now);
      return { ok: true };
    },
  },
  'releases.pin': {
    async run(call, input) {
      call.auditStore(input.storeId);
      await pinStore(call.q, input.storeId, input.version, who(call), call.now);
      return { ok: true };
    },
  },
};
