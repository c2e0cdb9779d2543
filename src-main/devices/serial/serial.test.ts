import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSerialPorts } from './list';
import { describeOpenError, openSerialPort, type OpenedPort } from './port';
import { startSocatPair, type SocatPair } from './socat';

const SETTINGS = { baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 } as const;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'serial-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function pair(dir: string): Promise<SocatPair> {
  const p = await startSocatPair(join(dir, 'a'), join(dir, 'b'));
  cleanup.push(() => p.kill());
  return p;
}

const noop = { onData: () => undefined, onClose: () => undefined };

describe('socat pairs', () => {
  it('creates both links, and kill (by PID) removes them', async () => {
    const p = await pair(tempDir());
    expect(existsSync(p.a) && existsSync(p.b)).toBe(true);
    expect(p.alive).toBe(true);
    await p.kill();
    expect(p.alive).toBe(false);
    expect(existsSync(p.a) || existsSync(p.b)).toBe(false);
  });

  it('replaces a dangling link but refuses one a live socat owns', async () => {
    const dir = tempDir();
    symlinkSync('/nonexistent/pts', join(dir, 'a'));
    const p = await pair(dir);
    await expect(startSocatPair(p.a, join(dir, 'c'))).rejects.toThrow(/in use/);
  });
});

describe('openSerialPort', () => {
  it('passes bytes both ways and reports the other end going away', async () => {
    const p = await pair(tempDir());
    const got: number[] = [];
    let closed: Error | null | undefined;
    const a = await openSerialPort({ path: p.a, ...SETTINGS }, noop);
    cleanup.push(() => a.close());
    const b: OpenedPort = await openSerialPort(
      { path: p.b, ...SETTINGS },
      { onData: (c) => got.push(...c), onClose: (e) => (closed = e) },
      { settleMs: 0 },
    );
    cleanup.push(() => b.close());
    await a.write(Uint8Array.of(0x02, 0xc5, 0x0d));
    await until(() => got.length === 3);
    expect(got).toEqual([0x02, 0xc5, 0x0d]);
    await p.kill();
    await until(() => closed !== undefined);
    expect(b.isOpen).toBe(false);
    await expect(b.write(Uint8Array.of(1))).rejects.toThrow(/closed/);
  });

  it('explains a missing port and a port already in use', async () => {
    const dir = tempDir();
    const missing = await openSerialPort({ path: join(dir, 'nope'), ...SETTINGS }, noop).catch((e: unknown) => e);
    expect(describeOpenError(join(dir, 'nope'), missing)).toMatch(/does not exist.*check the cable/);
    const p = await pair(dir);
    const first = await openSerialPort({ path: p.a, ...SETTINGS }, noop);
    cleanup.push(() => first.close());
    const second = await openSerialPort({ path: p.a, ...SETTINGS }, noop).catch((e: unknown) => e);
    expect(describeOpenError(p.a, second)).toMatch(/in use by another program/);
  });
});

it('lists serial ports as plain records', async () => {
  const ports = await listSerialPorts();
  for (const p of ports) expect(typeof p.path).toBe('string');
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
