import { EXPIRING_LIMIT, STOCK_COLUMNS, type hqChainMethods } from '../../../src-shared/hq-api/methods/chain';
import { chainDashboard } from '../../services/chain/dashboard';
import { narrowed } from '../../services/chain/scope';
import { chainExpiring, chainStock } from '../../services/chain/stock';
import { chainSummary } from '../../services/chain/summary';
import { chainWaste } from '../../services/chain/waste';
import type { HqCall, HqHandlersFor } from '../handler-types';
import { storeIdsInScope } from '../scope';

/** The caller's scope narrowed to the stores picked on the screen. */
const stores = async (call: HqCall, picked?: string[]) => narrowed(await storeIdsInScope(call), picked);

export const chainHandlers: HqHandlersFor<typeof hqChainMethods> = {
  'chain.dashboard': {
    run: async (call, i) => chainDashboard(call.q, await stores(call, i.storeIds), { month: i.month, now: call.now }),
  },
  'chain.stock': {
    run: async (call, i) => {
      const cells = !!i.itemId || (!!i.storeIds?.length && i.storeIds.length <= STOCK_COLUMNS);
      return chainStock(call.q, await stores(call, i.storeIds), { ...i, cells });
    },
  },
  'chain.expiring': {
    run: async (call, i) =>
      chainExpiring(call.q, await stores(call, i.storeIds), { ...i, now: call.now, limit: EXPIRING_LIMIT }),
  },
  'chain.summary': { run: async (call, i) => chainSummary(call.q, await stores(call, i.storeIds), i) },
  'chain.waste': { run: async (call, i) => chainWaste(call.q, await stores(call, i.storeIds), i) },
};
