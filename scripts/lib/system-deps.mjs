// The system packages the tests need: the one list the test command checks
// and installs from (a later need, such as PostgreSQL for HQ, is one more
// entry). Each entry tells how to see that it is there without asking dpkg,
// so a Chromium or a font installed some other way counts too.
import { accessSync, constants, existsSync } from 'node:fs';
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
];
