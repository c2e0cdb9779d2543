import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listSerialPorts, PortListError } from './list';
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

describe('listing ports without udev', () => {
  /** A /dev of our own: links named like device nodes, to the ptys of a socat pair (real character devices). */
  async function fakeDev(): Promise<string> {
    const dir = tempDir();
    const p = await pair(dir);
    const dev = join(dir, 'dev');
    mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true });
    mkdirSync(join(dev, 'usb'));
    symlinkSync(p.a, join(dev, 'ttyUSB7'));
    symlinkSync('../../ttyUSB7', join(dev, 'serial', 'by-id', 'usb-FTDI_FT232R_A10K-if00-port0'));
    symlinkSync(p.b, join(dev, 'usb', 'lp0'));
    symlinkSync(join(dir, 'gone'), join(dev, 'ttyACM0')); // unplugged: a dangling link is not a port
    writeFileSync(join(dev, 'ttyS9'), ''); // a plain file is not a port either
    writeFileSync(join(dev, 'console'), '');
    return dev;
  }

  const expected = (dev: string) => [
    {
      path: `${dev}/serial/by-id/usb-FTDI_FT232R_A10K-if00-port0`,
      manufacturer: 'usb-FTDI_FT232R_A10K-if00-port0 → ttyUSB7',
    },
    { path: `${dev}/ttyUSB7`, manufacturer: null },
    { path: `${dev}/usb/lp0`, manufacturer: null },
  ];

  it('finds the device nodes when udevadm is not on the PATH', async () => {
    const dev = await fakeDev();
    const path = process.env.PATH;
    process.env.PATH = tempDir(); // an empty folder: spawning udevadm fails as on a machine without udev
    try {
      const ports = await listSerialPorts({ devRoot: dev, platform: 'linux' });
      expect(ports.map((p) => ({ path: p.path, manufacturer: p.manufacturer }))).toEqual(expected(dev));
      // And the real /dev: no error whatever this machine has.
      await expect(listSerialPorts()).resolves.toBeInstanceOf(Array);
    } finally {
      process.env.PATH = path;
    }
  });

  it("adds the device nodes to the system's list, and uses them alone when that list fails", async () => {
    const dev = await fakeDev();
    const system = async () => [{ path: `${dev}/ttyUSB7`, manufacturer: 'FTDI', vendorId: '0403' }];
    const merged = await listSerialPorts({ devRoot: dev, systemList: system, platform: 'linux' });
    expect(merged.find((p) => p.path.endsWith('/ttyUSB7'))).toMatchObject({ manufacturer: 'FTDI', vendorId: '0403' });
    expect(merged).toHaveLength(3);
    const failing = () => Promise.reject(new Error('udevadm exited with code 1'));
    const alone = await listSerialPorts({ devRoot: dev, systemList: failing, platform: 'linux' });
    expect(alone.map((p) => p.path)).toEqual(expected(dev).map((p) => p.path));
  });

  it('says why when neither the system nor the device folder can be read', async () => {
    const failing = () => Promise.reject(new Error('spawn udevadm ENOENT'));
    const err = await listSerialPorts({
      devRoot: join(tempDir(), 'none'),
      systemList: failing,
      platform: 'linux',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortListError);
    expect((err as Error).message).toMatch(/udevadm ENOENT.*ENOENT/);
  });
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
