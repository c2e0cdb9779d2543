/**
 * Every scale protocol end to end over a real pty pair (socat): the simulator drives
 * one end, ScaleDriver reads the other. Conditions are awaited with generous ceilings;
 * no test asserts how long anything took.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { SCALE_PROTOCOLS, type ScaleProtocol, type ScaleState, type Weight } from '../../../src-shared/devices';
import { ScaleDriver, type ScaleDriverOptions } from '../../../src-main/devices/scale/driver';
import { codecFor } from '../../../src-main/devices/scale/protocols';
import { scaleFrame } from '../../../src-main/tools/sim/scale-frames';
import { isWeight, StateLog, until } from '../../../src-main/devices/scale/testing';
import { nativePortFactory, type PortFactory } from '../../../src-main/devices/serial/port';
import { startSocatPair } from '../../../src-main/devices/serial/socat';
import { ScaleSimulator } from '../../../src-main/tools/sim/scale-sim';

const kg = (grams: number): Weight => ({ amount: grams, decimals: 3, unit: 'kg' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Rig {
  dir: string;
  sim: ScaleSimulator;
  driver: ScaleDriver | null;
  chunks: number[];
}
let rig: Rig | null = null;

async function setUp(protocol: ScaleProtocol, simProtocol = protocol): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'scale-pty-'));
  const sim = new ScaleSimulator({ protocol: simProtocol, link: join(dir, 'app'), intervalMs: 50, blockMs: 300 });
  rig = { dir, sim, driver: null, chunks: [] };
  await sim.start();
  return rig;
}

function startDriver(r: Rig, protocol: ScaleProtocol, opts: Partial<ScaleDriverOptions> = {}): StateLog {
  // Records the size of every read, to prove fragmentation really happened.
  const spy: PortFactory = (s) => {
    const p = nativePortFactory(s);
    p.on('data', (c: Buffer) => r.chunks.push(c.length));
    return p;
  };
  const d = new ScaleDriver({
    protocol,
    serial: { path: join(r.dir, 'app'), baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
    pollIntervalMs: 50,
    responseTimeoutMs: 300,
    offlineAfterMs: 700,
    reopenEveryMs: 150,
    commandTimeoutMs: 2000,
    portFactory: spy,
    ...opts,
  });
  r.driver = d;
  const log = new StateLog(d);
  d.start();
  return log;
}

afterEach(async () => {
  const r = rig;
  rig = null;
  if (!r) return;
  await r.driver?.stop();
  await r.sim.stop();
  rmSync(r.dir, { recursive: true, force: true });
});

/** Yaohua frames carry no stability flag: the driver judges it from the weight holding still. */
const flagsStability = (p: ScaleProtocol) => !p.startsWith('yaohua');
const isMoving = (p: ScaleProtocol, grams: number) => (s: ScaleState) =>
  p === 'mt8217' ? s.reading?.kind === 'error' && s.reading.code === 'motion' : isWeight(grams, false)(s);

describe.each(SCALE_PROTOCOLS.map((p) => [p]))('%s over a pty', (protocol) => {
  const codec = codecFor(protocol);
  const stable = flagsStability(protocol);

  it('reads stable and unstable weights, overload, fragmented frames and frames among garbage', async () => {
    const r = await setUp(protocol);
    r.sim.setWeight(kg(1234));
    const log = startDriver(r, protocol);
    await log.waitFor(isWeight(1234, stable), 'the first weight');

    {
      // Moving goods: a flag says so, or (Yaohua) the weight keeps changing; stable only once it settles.
      const from = log.length;
      r.sim.setWeight(kg(2500));
      r.sim.setMotion(true);
      await log.waitFor(isMoving(protocol, 2500), 'motion', from);
      await sleep(stable ? 200 : 1000);
      const cleared = log.length;
      r.sim.setMotion(false);
      await log.waitFor(isWeight(2500, true), 'settled 2.500 kg', cleared);
      // While the scale was moving nothing said "stable 2.500 kg".
      expect(log.states.slice(from, cleared).some(isWeight(2500, true))).toBe(false);
    }

    if (scaleFrame(protocol, { kind: 'overload' })) {
      const from = log.length;
      r.sim.setOverload(true);
      await log.waitFor((s) => s.reading?.kind === 'overload', 'overload', from);
      r.sim.setOverload(false);
    }

    // Fragmentation: the simulator writes one byte at a time.
    r.chunks.length = 0;
    r.sim.setByteDelay(1);
    let from = log.length;
    r.sim.setWeight(kg(3000));
    await log.waitFor(isWeight(3000, stable), '3.000 kg written byte by byte', from);
    const frameLen = r.sim.frameFor()!.length;
    expect(r.chunks.some((n) => n < frameLen)).toBe(true);
    r.sim.setByteDelay(0);

    // Garbage between frames: only true readings, and readings keep coming.
    from = log.length;
    r.sim.setWeight(kg(4000));
    await log.waitFor(isWeight(4000), '4.000 kg', from);
    from = log.length;
    for (let i = 0; i < 15; i++) {
      await r.sim.sendGarbage(24);
      await sleep(30);
    }
    const readings = log.readings(from);
    await until(() => log.readings(from).length > readings.length, 'readings after the garbage');
    for (const reading of log.readings(from)) expect(reading).toMatchObject({ kind: 'weight', weight: kg(4000) });
    // Without a stability flag a weight is stable only after holding still (800 ms), never on arrival.
    if (!stable) {
      const firstSeen = log.states.findIndex(isWeight(4000));
      const settled = await log.waitFor(isWeight(4000, true), 'settled 4.000 kg');
      expect(log.states[settled]!.at - log.states[firstSeen]!.at).toBeGreaterThanOrEqual(800);
    }
  });

  it('reports offline when unplugged and reads again by itself when plugged back', async () => {
    const r = await setUp(protocol);
    r.sim.setWeight(kg(1500));
    const log = startDriver(r, protocol);
    await log.waitFor(isWeight(1500), 'reading');
    await r.sim.unplug();
    const off = await log.waitFor((s) => s.status === 'offline', 'offline');
    expect(log.states[off]!.reading).toBeNull();
    await sleep(300);
    r.sim.setWeight(kg(1600));
    await r.sim.replug();
    await log.waitFor(isWeight(1600), 'reading after replug', off);
  });

  it('drops stale frames buffered before the port was opened', async () => {
    const r = await setUp(protocol);
    const stale = scaleFrame(protocol, { kind: 'weight', weight: kg(1111), stable: stable, net: false })!;
    // Enough to overflow the pty's buffer: the rest waits in socat and arrives after any open-time flush.
    const burst = new Uint8Array(Array.from({ length: Math.ceil(24_000 / stale.length) }, () => [...stale]).flat());
    r.sim.setSilent(true);

    // Control: a plain port opened now does receive frames written before it was opened.
    await r.sim.sendRaw(burst);
    const control = new SerialPort({ path: join(r.dir, 'app'), baudRate: 9600, autoOpen: false });
    const got: number[] = [];
    control.on('data', (c: Buffer) => got.push(...c));
    await new Promise<void>((res, rej) => control.open((e) => (e ? rej(e) : res())));
    await until(() => codec.createParser().push(Uint8Array.from(got)).length > 0, 'stale frames on a plain port');
    await new Promise<void>((res) => control.close(() => res()));

    // The same again, then the scale carries on with the current weight.
    void r.sim.sendRaw(burst);
    await sleep(100);
    r.sim.setWeight(kg(2222));
    r.sim.setSilent(false);
    // The settle window is wider than the default: this 2-core box is often busy.
    const log = startDriver(r, protocol, { settleMs: 100 });
    await log.waitFor((s) => s.reading !== null, 'a first reading');
    expect(log.readings()[0]).toMatchObject({ kind: 'weight', weight: kg(2222) });
    expect(log.states.some(isWeight(1111))).toBe(false);
  });

  const zeroTare = async (): Promise<void> => {
    const r = await setUp(protocol);
    r.sim.setWeight(kg(5));
    const log = startDriver(r, protocol);
    await log.waitFor(isWeight(5), '0.005 kg');
    await r.driver!.zero();
    let from = log.length;
    await log.waitFor(isWeight(0), 'zeroed', from);

    r.sim.setWeight(kg(505));
    await log.waitFor(isWeight(500), 'a 0.500 kg container', from);
    await r.driver!.tare();
    from = log.length;
    await log.waitFor((s) => isWeight(0)(s) && s.reading?.kind === 'weight' && s.reading.net, 'net 0', from);
    r.sim.setWeight(kg(805));
    await log.waitFor((s) => isWeight(300)(s) && s.reading?.kind === 'weight' && s.reading.net, 'net 0.300 kg', from);
    await r.driver!.clearTare();
    from = log.length;
    await log.waitFor(
      (s) => isWeight(800)(s) && s.reading?.kind === 'weight' && !s.reading.net,
      'gross 0.800 kg',
      from,
    );

    r.sim.setMotion(true);
    await log.waitFor(isMoving(protocol, 800), 'motion', from);
    await expect(r.driver!.tare()).rejects.toThrow(/settle/);
    expect(r.sim.overlappingRequests).toBe(0);
  };

  const notSupported = async (): Promise<void> => {
    const r = await setUp(protocol);
    const log = startDriver(r, protocol);
    await log.waitFor((s) => s.status === 'online', 'online');
    await expect(r.driver!.zero()).rejects.toThrow(/not supported by this protocol/);
    await expect(r.driver!.tare()).rejects.toThrow(/not supported by this protocol/);
    await expect(r.driver!.clearTare()).rejects.toThrow(/not supported by this protocol/);
  };

  if (codec.commands.zero) it('zeroes, tares and clears the tare; refuses while in motion', zeroTare);
  else it('says zero and tare are not supported by this protocol', notSupported);
});

describe('other situations over a pty', () => {
  it('a wrong protocol yields no readings and an offline detail that says why', async () => {
    const r = await setUp('ad-continuous', 'cas22');
    const log = startDriver(r, 'ad-continuous');
    const i = await log.waitFor((s) => s.status === 'offline' && /no valid frames/.test(s.detail), 'offline');
    expect(log.states[i]!.detail).toMatch(/check the protocol and serial settings/);
    expect(log.readings()).toEqual([]);
  });

  it('a polled protocol against a continuous scale also explains it', async () => {
    const r = await setUp('mt-sics', 'yaohua-tf0');
    const log = startDriver(r, 'mt-sics');
    const i = await log.waitFor((s) => s.status === 'offline' && s.detail.includes('no valid frames'), 'offline');
    expect(log.readings()).toEqual([]);
    expect(log.states[i]!.detail).toContain('mt-sics');
  });

  it('a continuous protocol against a silent (polled) scale says nothing arrives', async () => {
    const r = await setUp('cas22', 'mt8217');
    const log = startDriver(r, 'cas22');
    const i = await log.waitFor((s) => s.status === 'offline' && s.detail.includes('nothing received'), 'offline');
    expect(log.states[i]!.detail).toMatch(/mt8217 or mt-sics/);
  });

  it('a scale that falls silent with the cable in goes offline by the watchdog, then comes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scale-pty-'));
    const cable = await startSocatPair(join(dir, 'app'), join(dir, 'dev'));
    // The simulator opens an existing port end, as it would a real /dev/ttyUSB0.
    const sim = new ScaleSimulator({ protocol: 'mt-sics', path: cable.b });
    rig = { dir, sim, driver: null, chunks: [] };
    try {
      await sim.start();
      sim.setWeight(kg(700));
      const log = startDriver(rig, 'mt-sics');
      await log.waitFor(isWeight(700), 'reading');
      sim.setSilent(true);
      let off = await log.waitFor((s) => s.status === 'offline', 'offline by silence');
      expect(log.states[off]!.detail).toMatch(/nothing received .* does not answer mt-sics requests/);
      sim.setSilent(false);
      await log.waitFor(isWeight(700), 'answers again', off);
      // Unplugging a simulator on a given path closes only its own end: the app sees silence.
      await sim.unplug();
      off = await log.waitFor((s) => s.status === 'offline', 'offline after unplug', off);
      expect(log.states[off]!.detail).toMatch(/nothing received/);
      await sim.replug();
      await log.waitFor(isWeight(700), 'answers after replug', off);
    } finally {
      await rig.driver?.stop();
      await sim.stop();
      await cable.kill();
      rig = null;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
