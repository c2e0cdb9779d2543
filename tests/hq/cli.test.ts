import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'hq-cli-'));
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run hq -- ARGS` from the sources (the build runs the same main), output collected. */
function hq(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-hq/host/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, HQ_DATA_DIR: dir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number>((r) => child.on('exit', (code) => r(code ?? -1)));
  const until = async (re: RegExp, ms = 30_000) => {
    const end = Date.now() + ms;
    while (!re.test(out)) {
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no ${re} in:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return out;
  };
  return { child, exited, until, output: () => out };
}

describe('npm run hq', () => {
  it('creates an administrator, serves with demo stores, keeps a second process off its PGlite, stops on SIGTERM', async () => {
    const admin = hq(['--create-admin', 'chief'], { HQ_ADMIN_PASSWORD: 'long enough 1' });
    expect(await admin.exited).toBe(0);
    expect(admin.output()).toContain('HQ administrator chief created');

    // The demo without its stores' history (tests/hq/demo.test.ts has that): the stores wait, one with its code shown.
    const server = hq(['--port', '0', '--demo', '--demo-days', '0']);
    const text = await server.until(/DEMO-GZ.*\n/);
    const url = /HQ is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
    expect(text).toMatch(/DEMO-GZ\s+广州天河店\s+code [A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}/);
    expect(text).toMatch(/DEMO-SH\s+上海人民广场店\s+pending/);
    expect(text).not.toContain('HQ sign-in'); // an administrator exists already
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const login = await fetch(`${url}/api/session.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'chief', password: 'long enough 1' }),
    });
    expect(login.status).toBe(200);

    const second = hq(['--port', '0']);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another HQ process .* DATABASE_URL/s);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 90_000);

  it('refuses plain HTTP beyond this machine at once, saying how to serve HTTPS', async () => {
    const open = hq(['--host', '0.0.0.0']);
    expect(await open.exited).toBe(1);
    expect(open.output()).toMatch(/--cert FILE --key FILE/);
  }, 30_000);
});
