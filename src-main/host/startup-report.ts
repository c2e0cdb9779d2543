import { StartupError } from '../db/startup-error';

/** Prints why the app did not start and what to do; returns the exit code. */
export function reportStartupFailure(err: unknown): number {
  if (err instanceof StartupError) {
    console.error(`The store back office did not start: ${err.message}`);
    console.error(`What to do: ${err.instructions}`);
    return 3;
  }
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error('The port is already in use: another copy may be running. Start with --port N to use another port.');
    return 4;
  }
  console.error('The store back office did not start:', err);
  return 1;
}
