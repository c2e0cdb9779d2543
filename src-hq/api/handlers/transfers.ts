import type { hqTransferMethods } from '../../../src-shared/hq-api/methods/transfers';
import { chainTransfers } from '../../services/transfers/chain-view';
import type { HqHandlersFor } from '../handler-types';
import { storeIdsInScope } from '../scope';

export const transferHandlers: HqHandlersFor<typeof hqTransferMethods> = {
  'transfers.list': {
    run: async (call, input) => chainTransfers(call.q, await storeIdsInScope(call), input.status ?? null),
  },
};
