// Shared by the benchmark scripts: the built Node host as a child process, and Debian's Chromium.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = new URL('..', import.meta.url).pathname;
/** The same flags as the end-to-end tests, from one file. */
const CHROMIUM_ARGS = JSON.parse(readFileSync(join(ROOT, 'tests/e2e/support/chromium-args.json'), 'utf8'));
export const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
export const pct = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((a.length * p) / 100))];

/** Starts out/main/serve.js on a free port; resolves when it prints its URL (t0 = spawn time). */
export function startHost(dataDir) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'out/main/serve.js'), '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) ok({ child, url: m[1], t0 });
    });
    child.on('exit', (c) => fail(new Error(`host exited ${c}: ${out}`)));
  });
}

export async function stop(child) {
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

/** Debian's Chromium, headless, with the flags this machine needs (the same as the e2e tests). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
