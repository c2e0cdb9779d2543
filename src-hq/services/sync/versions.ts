import { acceptedSchema, REPLICATION_SCHEMA, SYNC_PROTOCOL } from '../../../src-shared/sync/version';
import { SyncRefusal } from './refusal';

/**
 * HQ takes its own protocol and its own and the previous replication schema.
 * A newer store waits (its entries stay queued, deferred, not lost) until HQ
 * is updated; an older one is told to update.
 */
export function checkVersions(
  v: { protocol: number; schema: number; app: string },
  hqSchema: number = REPLICATION_SCHEMA,
): void {
  if (v.protocol > SYNC_PROTOCOL) {
    throw new SyncRefusal(
      'HQ_UPDATE_REQUIRED',
      `This store's app ${v.app} speaks sync protocol ${v.protocol}; HQ speaks ${SYNC_PROTOCOL}. HQ needs an update; the store keeps its entries until then.`,
    );
  }
  if (v.protocol < SYNC_PROTOCOL) {
    throw new SyncRefusal(
      'STORE_UPDATE_REQUIRED',
      `This store's app ${v.app} speaks sync protocol ${v.protocol}; HQ needs ${SYNC_PROTOCOL}. Update this store's app; its entries stay queued.`,
    );
  }
  const fit = acceptedSchema(v.schema, hqSchema);
  if (fit === 'hq-old') {
    throw new SyncRefusal(
      'HQ_UPDATE_REQUIRED',
      `This store's data has replication schema ${v.schema}; HQ knows up to ${hqSchema}. HQ needs an update; the store keeps its entries until then.`,
    );
  }
  if (fit === 'store-old') {
    throw new SyncRefusal(
      'STORE_UPDATE_REQUIRED',
      `This store's data has replication schema ${v.schema}; HQ takes ${hqSchema - 1} or ${hqSchema}. Update this store's app; its entries stay queued.`,
    );
  }
}
