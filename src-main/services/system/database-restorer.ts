import type { StagedBackup, SwapIo } from '../../db/restore';
import type { BackupContents } from '../../db/restore-check';

/* The restorer as the call context sees it (HostInfo.restorer); restorer.ts builds the running one. */

export interface RestoreDone {
  restoredFrom: string;
  previous: string;
  contents: BackupContents;
  schemaVersion: number;
  /** Tells every window the store was replaced (everyone signs in again): once the restore's record is committed. */
  announce(): void;
}

/** Replaces the running store database by a checked backup (System › Restore). */
export interface DatabaseRestorer {
  /** Copies and checks a backup; the admin confirms what it holds by its id. `label` is what the audit names. */
  stage(source: string, label: string): Promise<StagedBackup>;
  /** The prepared restore with this id, if it is still the one prepared. */
  staged(stagingId: string): StagedBackup | null;
  /** Swaps the staged backup in; the restored database is the open one when this resolves. */
  restore(stagingId: string, io?: SwapIo): Promise<RestoreDone>;
}
