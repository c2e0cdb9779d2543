/**
 * Versions a store and HQ exchange on every sync request.
 *
 * - `SYNC_PROTOCOL`: the shape of the requests and answers in protocol.ts.
 * - `REPLICATION_SCHEMA`: the shape of the replicated rows (tables.ts and the
 *   columns of those tables). Bump it with any migration that adds a
 *   replicated column or table; migrations are additive, so HQ can take the
 *   current and the previous shape at once while the chain's stores update.
 */
export const SYNC_PROTOCOL = 1;
// 2: inbound_transfers (transfers routed by HQ to the store they are for).
export const REPLICATION_SCHEMA = 2;

/** What HQ takes from a store: its own replication schema and the one before it. */
export function acceptedSchema(
  storeSchema: number,
  hqSchema: number = REPLICATION_SCHEMA,
): 'ok' | 'store-old' | 'hq-old' {
  if (storeSchema > hqSchema) return 'hq-old';
  if (storeSchema < hqSchema - 1) return 'store-old';
  return 'ok';
}
