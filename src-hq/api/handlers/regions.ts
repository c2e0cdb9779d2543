import type { hqRegionMethods } from '../../../src-shared/hq-api/methods/regions';
import { deleteRegion, listRegions, saveRegion } from '../../services/regions/regions';
import { assertWholeChain } from '../../services/scope/scope';
import type { HqHandlersFor } from '../handler-types';

/** Regions are the chain's shape: only someone who sees the whole chain changes them. */
export const regionHandlers: HqHandlersFor<typeof hqRegionMethods> = {
  'regions.list': { run: (call) => listRegions(call.q) },
  'regions.save': {
    run(call, input) {
      assertWholeChain(call.user);
      return saveRegion(call.q, input, call.now);
    },
  },
  'regions.delete': {
    async run(call, input) {
      assertWholeChain(call.user);
      await deleteRegion(call.q, input.id);
      return { ok: true };
    },
  },
};
