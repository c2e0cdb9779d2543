import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronCheck = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Finds the Electron binary without `require('electron')`, which would try to
 * download it (and fail on machines without internet access).
 */
export function findElectron(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): ElectronCheck {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(pkg)) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = join(pkg, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = rel ? join(dist, rel) : null;
  if (!binary || !existsSync(binary)) {
    return {
      ok: false,
      reason: 'the Electron binary is not downloaded (run "npx install-electron" on a machine with internet access)',
    };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'there is no graphical display (DISPLAY is not set)' };
  }
  return { ok: true, binary };
}
