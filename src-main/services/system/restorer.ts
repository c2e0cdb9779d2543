import { backupDatabase } from '../../db/backup';
import type { StoreDatabase } from '../../db/client';
import { clearStaging, stageBackup, swapInStaged, type StagedBackup, type SwapIo } from '../../db/restore';
import type { BackupContents } from '../../db/restore-check';
import type { Logger } from '../../lib/log';
import type { DataPaths } from '../../lib/paths';
import type { EventBus } from '../../api/events';
import { AppError } from '../app-error';
import { writeAudit } from '../audit/record';
import type { CallGate } from './call-gate';

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

export interface RestorerDeps {
  paths: DataPaths;
  migrationsFolder: string;
  log: Logger;
  events: EventBus;
  gate: CallGate;
  current(): StoreDatabase;
  /** Stops devices and closes the database. */
  close(): Promise<void>;
  /** Opens whatever database is in place (migrations run) and rebuilds what uses it. */
  reopen(): Promise<void>;
}

/** The restore call itself is one call in flight while the gate waits for the others. */
const OWN_CALL = 1;

export function createRestorer(deps: RestorerDeps): DatabaseRestorer {
  const { paths, migrationsFolder, log } = deps;
  let staged: (StagedBackup & { label: string }) | null = null;

  return {
    async stage(source, label) {
      staged = null;
      const s = await stageBackup(paths, source, migrationsFolder);
      staged = { ...s, label };
      return s;
    },

    staged(stagingId) {
      return staged?.id === stagingId ? staged : null;
    },

    async restore(stagingId, by, now, io) {
      if (!staged || staged.id !== stagingId) throw new AppError('NOT_FOUND', 'system.restore.notStaged');
      const target = staged;
      staged = null;
      await deps.gate.close(OWN_CALL, 30_000);
      try {
        const previous = (await backupDatabase(deps.current().sqlite, paths.backups, 'pre-restore', Infinity)).file;
        await deps.close();
        let contents: BackupContents;
        try {
          contents = swapInStaged(paths, target.file, migrationsFolder, io);
        } catch (err) {
          await deps.reopen(); // the old database, untouched
          throw err;
        }
        try {
          await deps.reopen();
        } catch (err) {
          // The restored file passed every check but will not open: put the replaced database back.
          log.error('restored database failed to open; putting the previous one back', err);
          swapInStaged(paths, (await stageBackup(paths, previous, migrationsFolder)).file, migrationsFolder);
          await deps.reopen();
          throw err;
        }
        const { sqlite, schemaVersion } = deps.current();
        sqlite.transaction(() => {
          // Everyone signs in again, against the users of the restored store.
          sqlite.prepare('DELETE FROM sessions').run();
          writeAudit(
            { sqlite, now, user: null },
            'system.restore',
            {
              summary: { from: target.label, previous, storeCode: contents.storeCode, schemaVersion },
            },
            by,
          );
        })();
        log.info('database restored', { from: target.label, previous, by: by.username });
        deps.events.publish({ type: 'signed-out', reason: 'restored' });
        return { restoredFrom: target.label, previous, contents, schemaVersion };
      } finally {
        clearStaging(paths);
        deps.gate.open();
      }
    },
  };
}
