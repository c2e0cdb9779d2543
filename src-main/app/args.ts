import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../lib/paths';

export interface AppArgs {
  dataDir: string;
  demo: boolean;
}

/**
 * Reads our own flags from the Electron command line. Not strict: Chromium and
 * Electron switches (and the app path in development, `electron <dir> ...`)
 * share argv with ours and must pass through untouched.
 * `--data-dir` beats BACKOFFICE_DATA_DIR, which beats the per-user default that
 * the Node host uses too, so both hosts open the same database.
 */
export function parseAppArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): AppArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: false,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      demo: { type: 'boolean' },
    },
  });
  const flag = values['data-dir'];
  const dir = typeof flag === 'string' && flag.trim() ? flag : defaultDataDir(env);
  // Electron's setPath throws on relative paths; resolve against where we were started.
  return { dataDir: resolve(dir), demo: values.demo === true };
}
