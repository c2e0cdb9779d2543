/** The simulator's CLI driven by line commands (as a demo script or a child process would), read by ScaleDriver. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { ScaleDriver } from '../../../src-main/devices/scale/driver';
import { isWeight, StateLog, until } from '../../../src-main/devices/scale/testing';
import { runScaleSim } from '../../../src-main/tools/sim/scale-sim-cli';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

it('prints the path to open and obeys weight, motion, unplug, replug and quit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scale-cli-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const link = join(dir, 'app');
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const run = runScaleSim(['scale', '--protocol', 'cas', '--link', link, '--interval', '50'], { stdin, stdout });
  cleanup.push(async () => {
    stdin.write('quit\n');
    await run;
  });
  await until(() => out.includes(`open ${link}`), 'the banner');
  expect(out).toMatch(/keys: .*q quit/);

  const driver = new ScaleDriver({
    protocol: 'cas22',
    serial: { path: link, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
    offlineAfterMs: 700,
    reopenEveryMs: 150,
  });
  cleanup.push(() => driver.stop());
  const log = new StateLog(driver);
  driver.start();
  await log.waitFor(isWeight(0, true), 'zero');

  stdin.write('weight 1234\n');
  await log.waitFor(isWeight(1234, true), '1.234 kg');
  stdin.write('motion on\n');
  await log.waitFor(isWeight(1234, false), 'motion');
  stdin.write('motion off\nunplug\n');
  const off = await log.waitFor((s) => s.status === 'offline', 'offline');
  stdin.write('weight 250\nreplug\n');
  await log.waitFor(isWeight(250, true), 'back after replug', off);
  stdin.write('bogus\n');
  await until(() => out.includes('unknown command bogus'), 'the complaint');
  stdin.write('quit\n');
  await run;
  expect(out).toContain('bye');
});

it('on a terminal, single keys drive it: digits+Enter, +, m, u, q', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'scale-cli-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const link = join(dir, 'app');
  const raw: boolean[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: (on: boolean) => raw.push(on) });
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const run = runScaleSim(['--protocol', '8217', '--link', link], { stdin, stdout });
  await until(() => out.includes(`open ${link}`), 'the banner');
  stdin.write('1234\r');
  await until(() => out.includes('1.234 kg'), 'weight shown');
  stdin.write('+');
  await until(() => out.includes('1.334 kg'), '+100 g');
  stdin.write('m');
  await until(() => out.includes('[motion]'), 'motion');
  stdin.write('u');
  await until(() => out.includes('(unplugged)'), 'unplugged');
  stdin.write('q');
  await run;
  expect(raw).toEqual([true, false]);
});

it('rejects an unknown protocol with the list of known ones', async () => {
  const io = { stdin: new PassThrough(), stdout: new PassThrough() };
  await expect(runScaleSim(['scale', '--protocol', 'nope'], io)).rejects.toThrow(/cas22.*yaohua-reversed/);
});
