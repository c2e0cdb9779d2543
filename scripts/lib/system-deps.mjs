// The system packages the tests need: the one list the test command checks
// and installs from (a later need, such as PostgreSQL for HQ, is one more
// entry). Each entry tells how to see that it is there without asking dpkg,
// so a Chromium or a font installed some other way counts too.
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `cmd` somewhere on PATH, as a shell would find it. */
export function onPath(cmd, env = process.env) {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, cmd)));
}

/** The browser the end-to-end tests drive (tests/e2e/support/browser.ts reads the same variable). */
export const chromiumPath = (env = process.env) => env.CHROMIUM_PATH || DEFAULT_CHROMIUM;

/**
 * The programs of the newest PostgreSQL server installed from Debian's packages
 * (not on PATH: /usr/lib/postgresql/<major>/bin), or PG_BIN; null when none.
 */
export function postgresBinDir(env = process.env) {
  const usable = (dir) => executable(join(dir, 'pg_ctl')) && executable(join(dir, 'initdb'));
  if (env.PG_BIN) return usable(env.PG_BIN) ? env.PG_BIN : null;
  let majors = [];
  try {
    majors = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v));
  } catch {
    return null;
  }
  const dirs = majors.sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`);
  return dirs.find(usable) ?? null;
}

/**
 * `apt`: the Debian/Ubuntu package; `why`: shown when it is missing;
 * `present(env)`: whether the tests will find it.
 */
export const SYSTEM_PACKAGES = [
  {
    apt: 'chromium',
    why: 'end-to-end tests (Playwright drives Debian’s Chromium; CHROMIUM_PATH picks another)',
    present: (env = process.env) => executable(chromiumPath(env)),
  },
  {
    apt: 'fonts-wqy-microhei',
    why: 'Chinese glyphs in screenshots, label previews and PDFs',
    present: () => existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
  },
  {
    apt: 'socat',
    why: 'real tty pairs for the scale and printer tests and the simulators',
    present: (env = process.env) => onPath('socat', env),
  },
  {
    apt: 'postgresql',
    why: 'HQ and its sync tests run against a real PostgreSQL as well as PGlite (a private cluster per test file, as the postgres user)',
    present: (env = process.env) => postgresBinDir(env) !== null,
  },
];
