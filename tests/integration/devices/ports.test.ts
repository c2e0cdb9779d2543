/**
 * The device form's port list on a machine without udev (a fresh Debian
 * install, a container): udevadm is taken off the PATH, and the list still
 * comes back, from the device nodes under /dev, instead of a server error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openSetUpBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
afterEach(() => t?.close());

it('devices.ports answers without udevadm on the PATH', async () => {
  t = await openSetUpBackend();
  const empty = mkdtempSync(join(tmpdir(), 'no-udevadm-'));
  const path = process.env.PATH;
  process.env.PATH = empty;
  try {
    const ports = await t.call('devices.ports', {});
    for (const p of ports) {
      expect(p.path).toMatch(/^\/dev\//);
      expect(p.label.startsWith(p.path)).toBe(true);
    }
  } finally {
    process.env.PATH = path;
    rmSync(empty, { recursive: true, force: true });
  }
});
