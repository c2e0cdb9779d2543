import { type HybridClock } from '../src-shared/sync/hlc';
import type { Logger } from '../src-main/lib/log';
import type { HqDatabase, HqDbKind } from './db/client';
import type { ReleaseStorage } from './services/releases/storage';
import type { ChecksumCache } from './services/sync/checksums';

/**
 * What every HQ service gets. Nothing here is state that another HQ process
 * would need to see: the database is the only shared truth, so any number of
 * HQ processes can serve the same stores.
 */
export interface HqContext {
  db: HqDatabase;
  dbKind: HqDbKind;
  log: Logger;
  now: () => number;
  /** This process's hybrid logical clock (node `hq-<random>`): stamps HQ's own edits of shared records. */
  clock: HybridClock;
  /** Shown to stores at enrollment. */
  hqName: string;
  /** Per-process cache of the pull checksums (derived from the database at a log version: safe to keep). */
  checksums: ChecksumCache;
  /** The replication schema this HQ speaks (REPLICATION_SCHEMA; tests run an HQ a version ahead). */
  replicationSchema: number;
  /** Where app releases are kept (HQ's data directory); absent: HQ serves no updates. */
  releases?: ReleaseStorage;
}
