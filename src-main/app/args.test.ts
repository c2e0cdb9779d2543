import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../lib/paths';
import { parseAppArgs } from './args';

describe('Electron command line', () => {
  it('uses the same default data folder as the Node host', () => {
    expect(parseAppArgs(['.'], {})).toEqual({ dataDir: defaultDataDir({}), demo: false });
  });

  it('lets --data-dir beat BACKOFFICE_DATA_DIR, and resolves relative paths', () => {
    const env = { BACKOFFICE_DATA_DIR: '/srv/env-dir' };
    expect(parseAppArgs([], env).dataDir).toBe(resolve('/srv/env-dir'));
    expect(parseAppArgs(['--data-dir', 'rel/dir'], env).dataDir).toBe(resolve('rel/dir'));
    expect(parseAppArgs(['--data-dir=/srv/flag'], env).dataDir).toBe(resolve('/srv/flag'));
  });

  it('reads --demo and ignores Chromium switches and the app path', () => {
    const args = parseAppArgs(['/work/main', '--no-sandbox', '--enable-logging=stderr', '--demo'], {
      BACKOFFICE_DATA_DIR: '/d',
    });
    expect(args).toEqual({ dataDir: resolve('/d'), demo: true });
  });
});
