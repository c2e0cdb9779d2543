import { backupDatabase } from '../../db/backup';
import type { StoreDatabase } from '../../db/client';
import { clearStaging, stageBackup, swapInStaged, type StagedBackup } from '../../db/restore';
import type { BackupContents } from '../../db/restore-check';
import type { Logger } from '../../lib/log';
import type { DataPaths } from '../../lib/paths';
import type { EventBus } from '../../lib/event-bus';
import type { ServerEvent } from '../../../src-shared/events';
import { AppError } from '../app-error';
import type { DatabaseRestorer } from './database-restorer';

/** What the restorer needs of the API's call gate: hold new calls while the database is swapped. */
export interface CallHold {
  /** Refuses new calls, then resolves once at most `running` calls (the caller's own) are still in flight. */
  close(running: number, timeoutMs: number): Promise<void>;
  open(): void;
}

export interface RestorerDeps {
  paths: DataPaths;
  migrationsFolder: string;
  log: Logger;
  events: EventBus<ServerEvent>;
  gate: CallHold;
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

    async restore(stagingId, io) {
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
        const { schemaVersion } = deps.current();
        log.info('database restored', { from: target.label, previous });
        // The call that asked for it records it in the restored database (its sessions go there too),
        // then announces it: every window signs in again.
        const announce = () => deps.events.publish({ type: 'signed-out', reason: 'restored' });
        return { restoredFrom: target.label, previous, contents, schemaVersion, announce };
      } finally {
        clearStaging(paths);
        deps.gate.open();
      }
    },
  };
}
