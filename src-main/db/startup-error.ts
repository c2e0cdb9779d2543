/**
 * A reason the app refuses to start, with what the user should do. The host
 * prints it (Node) or shows it in a dialog (Electron) and exits without
 * touching the database.
 */
export type StartupErrorCode = 'DB_CORRUPT' | 'DB_NEWER' | 'DATA_DIR_LOCKED' | 'DATA_DIR_UNWRITABLE';

export class StartupError extends Error {
  constructor(
    readonly code: StartupErrorCode,
    message: string,
    readonly instructions: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
