import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { StartupError } from './startup-error';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data directory: two hosts writing the same store database
 * (or a restore while the app runs) must be impossible. A lock left by a
 * crashed process (its pid is gone) is taken over.
 */
export function acquireDataDirLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      // Our own pid counts as held: two backends in one process must not share a database either.
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new StartupError(
          'DATA_DIR_LOCKED',
          `Another copy of the app (process ${pid}) is using this data directory.`,
          'Close the other window or stop the other service, then start again. If no other copy runs, delete the file ' +
            lockFile,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new StartupError('DATA_DIR_LOCKED', 'Could not lock the data directory.', `Delete ${lockFile} and retry.`);
}
