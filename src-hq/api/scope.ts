import { everyStoreId } from '../services/chain/scope';
import type { HqCall } from './handler-types';

/**
 * The stores this caller may see: every chain view takes this one list.
 * For now every HQ user sees the whole chain; user scope (a region, some
 * stores) is decided here and nowhere else.
 */
export async function storeIdsInScope(call: HqCall): Promise<string[]> {
  return everyStoreId(call.q);
}
