/**
 * ScaleDriver against @serialport/binding-mock with maxReadSize 1, so every frame
 * arrives one byte per read: fragmentation, polling discipline, commands, offline.
 */
import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScaleProtocol, ScaleReading, SerialSettings } from '../../../src-shared/devices';
import type { PortFactory } from '../serial/port';
import { ScaleDriver, type ScaleDriverOptions } from './driver';
import { scaleFrame } from '../../tools/sim/scale-frames';
import { isWeight, StateLog, until } from './testing';

const PATH = '/dev/mock-scale';
const SERIAL: SerialSettings = { path: PATH, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 };
const kg = (amount: number, stable = true, net = false) =>
  ({ kind: 'weight', weight: { amount, decimals: 3, unit: 'kg' }, stable, net }) as const;

type Binding = NonNullable<SerialPortMock['port']>;

/** The device end of the mock port: what the scale sends, and what it hears. */
class MockDevice {
  binding: Binding | null = null;
  readonly heard: string[] = [];
  onHostBytes: (bytes: Buffer) => void = () => undefined;
  readonly ports: SerialPortMock[] = [];

  readonly factory: PortFactory = (s) => {
    const port = new SerialPortMock({ path: s.path, baudRate: s.baudRate, autoOpen: false });
    this.ports.push(port);
    port.on('open', () => {
      const b = port.port!;
      this.binding = b;
      const write = b.write.bind(b);
      b.write = async (buf: Buffer) => {
        await write(buf);
        this.heard.push(buf.toString('latin1'));
        this.onHostBytes(buf);
      };
    });
    return port;
  };

  send(bytes: Uint8Array): void {
    if (this.binding?.isOpen) this.binding.emitData(Buffer.from(bytes));
  }

  /** The cable is pulled: the app's port closes with an error and cannot be reopened. */
  unplug(): void {
    SerialPortMock.binding.reset();
    const port = this.ports.at(-1);
    if (port?.isOpen) port.close(undefined, new Error('device unplugged'));
    this.binding = null;
  }
}

let device: MockDevice;
let driver: ScaleDriver | null = null;
const timers: NodeJS.Timeout[] = [];

function createPort(readyData?: Uint8Array): void {
  SerialPortMock.binding.createPort(PATH, {
    echo: false,
    record: false,
    maxReadSize: 1,
    ...(readyData ? { readyData: Buffer.from(readyData) } : {}),
  });
}

function startDriver(
  protocol: ScaleProtocol,
  opts: Partial<ScaleDriverOptions> = {},
): { d: ScaleDriver; log: StateLog } {
  const d = new ScaleDriver({
    protocol,
    serial: SERIAL,
    pollIntervalMs: 20,
    responseTimeoutMs: 200,
    offlineAfterMs: 400,
    reopenEveryMs: 100,
    commandTimeoutMs: 1000,
    portFactory: device.factory,
    ...opts,
  });
  driver = d;
  const log = new StateLog(d);
  d.start();
  return { d, log };
}

/** A continuous scale: sends `frame()` every `ms`. */
function stream(frame: () => Uint8Array, ms = 20): void {
  timers.push(setInterval(() => device.send(frame()), ms));
}

beforeEach(() => {
  SerialPortMock.binding.reset();
  device = new MockDevice();
});

afterEach(async () => {
  for (const t of timers.splice(0)) clearInterval(t);
  await driver?.stop();
  driver = null;
  SerialPortMock.binding.reset();
});

describe('continuous protocol, one byte per read', () => {
  it('reads stable, unstable and overload frames, never calling an unstable weight stable', async () => {
    createPort();
    const cas = (r: ScaleReading) => scaleFrame('cas22', r)!;
    let next = cas(kg(1234));
    stream(() => next);
    const { log } = startDriver('cas22');
    await log.waitFor(isWeight(1234, true), 'stable 1.234 kg');
    const from = log.length;
    next = cas(kg(2500, false));
    await log.waitFor(isWeight(2500, false), 'unstable 2.500 kg', from);
    next = cas({ kind: 'overload' });
    await log.waitFor((s) => s.reading?.kind === 'overload', 'overload', from);
    expect(log.states.some(isWeight(2500, true))).toBe(false);
  });

  it('calls a Yaohua weight (no stability flag) stable only once it has held still, and unstable as it moves', async () => {
    createPort();
    const yh = (r: ScaleReading) => scaleFrame('yaohua-tf0', r)!;
    let next = yh(kg(1500, false));
    stream(() => next);
    const { log } = startDriver('yaohua-tf0', { settledAfterMs: 200 });
    const firstSeen = await log.waitFor(isWeight(1500), '1.500 kg');
    const settled = await log.waitFor(isWeight(1500, true), 'stable 1.500 kg', firstSeen);
    expect(log.states[settled]!.at - log.states[firstSeen]!.at).toBeGreaterThanOrEqual(200);
    expect(log.states.slice(firstSeen, settled).every(isWeight(1500, false))).toBe(true);

    // Goods added: the new weight starts unstable and settles again; the old one is never shown for it.
    const from = log.length;
    next = yh(kg(2750, false));
    const moved = await log.waitFor(isWeight(2750), '2.750 kg', from);
    expect(log.states[moved]!.reading).toMatchObject({ stable: false });
    const again = await log.waitFor(isWeight(2750, true), 'stable 2.750 kg', moved);
    expect(log.states[again]!.at - log.states[moved]!.at).toBeGreaterThanOrEqual(200);
  });

  it('drops what the scale left buffered before the port was opened', async () => {
    const cas = (r: ScaleReading) => scaleFrame('cas22', r)!;
    const stale = cas(kg(1111));
    createPort(new Uint8Array(Array.from({ length: 40 }, () => [...stale]).flat()));
    stream(() => cas(kg(2222)));
    const { log } = startDriver('cas22', { settleMs: 50 });
    await log.waitFor(isWeight(2222), 'current weight');
    const first = log.readings()[0];
    expect(first).toEqual(kg(2222));
    expect(log.states.some(isWeight(1111))).toBe(false);
  });

  it('rejects zero/tare with "not supported by this protocol"', async () => {
    createPort();
    stream(() => scaleFrame('ad-continuous', kg(5))!);
    const { d, log } = startDriver('ad-continuous');
    await log.waitFor((s) => s.status === 'online', 'online');
    await expect(d.zero()).rejects.toThrow(/not supported by this protocol/);
    await expect(d.tare()).rejects.toThrow(/use the key on the scale/);
    expect(d.supports('clearTare')).toBe(false);
  });
});

/** An 8217 on the mock port: W answers after `replyMs`, T/C after 150 ms; counts overlapping requests. */
function mt8217Device(state: { weight: number; motion: boolean; net: boolean }, replyMs = 10) {
  let busy = false;
  const stats = { overlaps: 0, requests: 0 };
  device.onHostBytes = (buf) => {
    for (const c of buf.toString('latin1')) {
      stats.requests++;
      if (busy) stats.overlaps++;
      busy = true;
      const delay = c === 'T' || c === 'C' ? 150 : replyMs;
      setTimeout(() => {
        if (c === 'T' && !state.motion) state.net = true;
        if (c === 'C') state.net = false;
        busy = false;
        device.send(
          scaleFrame('mt8217', state.motion ? { kind: 'error', code: 'motion' } : kg(state.weight, true, state.net))!,
        );
      }, delay);
    }
  };
  return stats;
}

describe('8217, one byte per read', () => {
  it('polls with one request outstanding at a time and reads the weight', async () => {
    createPort();
    const state = { weight: 1234, motion: false, net: false };
    const stats = mt8217Device(state, 30);
    const { log } = startDriver('mt8217', { pollIntervalMs: 1 });
    await log.waitFor(isWeight(1234, true), '1.234 kg');
    await until(() => stats.requests >= 10, '10 polls');
    expect(stats.overlaps).toBe(0);
    expect(device.heard.every((w) => w === 'W')).toBe(true);
  });

  it('tares, clears the tare, and explains a refused tare', async () => {
    createPort();
    const state = { weight: 500, motion: false, net: false };
    const stats = mt8217Device(state);
    const { d, log } = startDriver('mt8217');
    await log.waitFor(isWeight(500), 'gross 0.500 kg');
    await d.tare();
    expect(device.heard).toContain('T');
    await log.waitFor((s) => s.reading?.kind === 'weight' && s.reading.net, 'net reading');
    await d.clearTare();
    expect(device.heard).toContain('C');
    state.motion = true;
    const moving = await log.waitFor(
      (s) => s.reading?.kind === 'error' && s.reading.code === 'motion',
      'motion status',
    );
    await expect(d.tare()).rejects.toThrow(/wait until it settles/);
    await expect(d.zero()).rejects.toThrow(/not steady/);
    expect(stats.overlaps).toBe(0);
    // Motion means "no weight now": no weight at all, let alone a stable one.
    expect(log.readings(moving).every((r) => r.kind === 'error')).toBe(true);
  });

  it('goes offline when polls stay unanswered, saying nothing arrives', async () => {
    createPort();
    const { log } = startDriver('mt8217');
    const i = await log.waitFor((s) => s.status === 'offline', 'offline');
    expect(log.states[i]!.detail).toMatch(/nothing received .* does not answer/);
    expect(device.heard.length).toBeGreaterThan(0);
  });
});

describe('MT-SICS, one byte per read', () => {
  it('zeroes, and reports a refused command and a command timeout', async () => {
    createPort();
    let zeroReply: string | null = 'Z A\r\n';
    device.onHostBytes = (buf) => {
      const line = buf.toString('latin1').trim();
      if (line === 'SI') device.send(scaleFrame('mt-sics', kg(42))!);
      else if (line === 'Z' && zeroReply) device.send(Buffer.from(zeroReply, 'latin1'));
      else if (line === 'T') device.send(Buffer.from('ES\r\n', 'latin1'));
    };
    const { d, log } = startDriver('mt-sics', { commandTimeoutMs: 300 });
    await log.waitFor(isWeight(42), '0.042 kg');
    await d.zero();
    await expect(d.tare()).rejects.toThrow(/did not understand the command \(ES\)/);
    zeroReply = 'Z I\r\n';
    await expect(d.zero()).rejects.toThrow(/could not zero now/);
    zeroReply = null;
    await expect(d.zero()).rejects.toThrow(/did not answer within 0.3 s/);
    // Polling resumes after the timeout.
    const from = log.length;
    await log.waitFor(isWeight(42), 'readings again', from);
  });
});

describe('offline and recovery', () => {
  it('a wrong protocol yields no readings and says the bytes are unreadable', async () => {
    createPort();
    stream(() => scaleFrame('cas22', kg(1234))!);
    const { log } = startDriver('mt-sics');
    const i = await log.waitFor((s) => s.status === 'offline' && s.detail !== 'not started', 'offline');
    expect(log.states[i]!.detail).toMatch(/no valid frames for this protocol.*check the protocol and serial settings/);
    expect(log.readings()).toEqual([]);
  });

  it('a silent continuous scale is reported as "nothing received"', async () => {
    createPort();
    const { log } = startDriver('yaohua-tf0');
    const i = await log.waitFor((s) => s.status === 'offline', 'offline');
    expect(log.states[i]!.detail).toMatch(/nothing received/);
  });

  it('reports offline when the port goes away and reopens by itself when it returns', async () => {
    createPort();
    stream(() => scaleFrame('yaohua-reversed', kg(3000, false))!);
    const { d, log } = startDriver('yaohua-reversed');
    await log.waitFor(isWeight(3000, false), 'reading');
    device.unplug();
    const off = await log.waitFor((s) => s.status === 'offline', 'offline');
    expect(log.states[off]!.detail).toMatch(/closed/);
    await expect(d.tare()).rejects.toThrow(/not supported/);
    await log.waitFor(
      (s) => s.status === 'offline' && /cannot open|does not exist/.test(s.detail),
      'reopen attempt',
      off,
    );
    createPort();
    await log.waitFor(isWeight(3000, false), 'reading after replug', off);
  });

  it('reopens a port that stays silent, so a handle to a device that is gone does not hold it forever', async () => {
    createPort();
    const { log } = startDriver('yaohua-tf0');
    await log.waitFor((s) => s.status === 'offline' && /nothing received/.test(s.detail), 'silent');
    // The scale starts sending on the path again (behind it, a new device): a reopened port hears it.
    await vi.waitFor(() => expect(device.ports.length).toBeGreaterThanOrEqual(2), { timeout: 5000 });
    stream(() => scaleFrame('yaohua-tf0', kg(1500))!);
    await log.waitFor((s) => s.status === 'online', 'online after reopen');
  });

  it('refuses commands while offline, saying to reconnect', async () => {
    const { d, log } = startDriver('mt8217');
    await log.waitFor((s) => s.status === 'offline', 'offline');
    await expect(d.zero()).rejects.toThrow(/offline.*Reconnect it/);
  });

  it('stop() closes the port and leaves no timers', async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    createPort();
    mt8217Device({ weight: 1, motion: false, net: false });
    const { d, log } = startDriver('mt8217');
    await log.waitFor(isWeight(1), 'reading');
    await d.stop();
    driver = null;
    expect(d.lastState.status).toBe('offline');
    expect(device.ports.at(-1)!.isOpen).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    const after = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    expect(after).toBeLessThanOrEqual(timersBefore);
    const count = log.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(log.length).toBe(count);
  });
});
