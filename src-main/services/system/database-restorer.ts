import type { StagedBackup, SwapIo } from '../../db/restore';
import type { BackupContents } from '../../db/restore-check';

/* The restorer as the call context sees it (HostInfo.restorer); restorer.ts builds the running one. */

export interface RestoreDone {
  restoredFrom: string;
  previous: string;
  contents: BackupContents;
  schemaVersion: number;
}

/** Replaces the running store database by a checked backup (System › Restore). */
export interface DatabaseRestorer {
  /** Copies and checks a backup; the admin confirms what it holds by its id. `label` is what the audit names. */
  stage(source: string, label: string): Promise<StagedBackup>;
  /** The prepared restore with this id, if it is still the one prepared. */
  staged(stagingId: string): StagedBackup | null;
  restore(stagingId: string, by: { id: string; username: string }, now: number, io?: SwapIo): Promise<RestoreDone>;
}
