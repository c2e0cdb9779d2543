import type { hqTransferMethods } from '../../../src-shared/hq-api/methods/transfers';
import { chainTransfers } from '../../services/transfers/chain-view';
import type { HqHandlersFor } from '../handler-types';

export const transferHandlers: HqHandlersFor<typeof hqTransferMethods> = {
  'transfers.list': { run: (call, input) => chainTransfers(call.q, input.status ?? null) },
};
