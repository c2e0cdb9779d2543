/**
 * A serial scale in software, for tests and demos: streams continuous formats ~10 frames/s
 * and answers 8217 / MT-SICS requests, with weight, motion, overload and "unplugging"
 * under the caller's control. Without a port path it makes its own socat cable.
 */
import { EventEmitter } from 'node:events';
import { SCALE_PROTOCOL_INFO, type ScaleProtocol, type ScaleReading, type Weight } from '../../../src-shared/devices';
import { openSerialPort, type OpenedPort, type PortFactory } from '../../devices/serial/port';
import { startSocatPair, type SocatPair } from '../../devices/serial/socat';
import { scaleFrame } from './scale-frames';
import { ScaleModel } from './scale-sim-model';
import { mt8217Responder, mtSicsResponder, silentResponder, type Responder } from './scale-sim-responders';

export interface ScaleSimulatorOptions {
  protocol: ScaleProtocol;
  /** The port end the simulator opens (a real port, or a pty someone else created). */
  path?: string;
  /** Without `path`: create a socat pair; the app opens `link`, the simulator `${link}.sim`. */
  link?: string;
  /** Continuous formats: time between frames. Default 100 ms. */
  intervalMs?: number;
  /** MT-SICS `S`, `Z`, `T` wait this long for a steady weight. Default 3000 ms. */
  blockMs?: number;
  portFactory?: PortFactory;
}

export interface ScaleSimulatorEvents {
  /** A frame is about to be written (performance.now() time): the benchmark's start mark. */
  frame: [ScaleReading, number];
  /** A host request was received. */
  request: [string];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Seeded so a failing garbage test can be replayed. */
function garbageBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed | 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export class ScaleSimulator extends EventEmitter<ScaleSimulatorEvents> {
  readonly protocol: ScaleProtocol;
  readonly model = new ScaleModel();
  /** Host requests seen, in order (W, Z, SI, TAC, ...). */
  readonly requests: string[] = [];
  /** Requests that arrived while an earlier one was still being answered. */
  overlappingRequests = 0;
  private readonly opts: ScaleSimulatorOptions;
  private readonly responder: Responder;
  private socat: SocatPair | null = null;
  private port: OpenedPort | null = null;
  private plugged = false;
  private started = false;
  private streamTimer: NodeJS.Timeout | null = null;
  private repeat = false;
  private silent = false;
  private byteDelayMs = 0;
  private writes: Promise<void> = Promise.resolve();
  private tasks: Promise<void> = Promise.resolve();
  private busy = 0;
  private garbageSeed = 0x2545f491;
  /** Frames sent while moving: a scale with no stability flag shows motion as a weight that keeps changing. */
  private jitterStep = 0;

  constructor(opts: ScaleSimulatorOptions) {
    super();
    if (!opts.path && !opts.link) throw new Error('ScaleSimulator needs a port path or a link path for its socat pair');
    this.opts = opts;
    this.protocol = opts.protocol;
    const ctx = {
      model: this.model,
      blockMs: opts.blockMs ?? 3000,
      run: (name: string, task: () => Promise<void>) => this.runRequest(name, task),
      sendReading: (r?: ScaleReading) => this.sendReading(r),
      send: (bytes: Uint8Array) => this.write(bytes),
      sleep,
      active: () => this.plugged,
      setRepeat: (on: boolean) => {
        this.repeat = on;
      },
    };
    this.responder =
      opts.protocol === 'mt8217'
        ? mt8217Responder(ctx)
        : opts.protocol === 'mt-sics'
          ? mtSicsResponder(ctx)
          : silentResponder;
  }

  /** The path the app should open, when the simulator made the socat pair. */
  get appPath(): string | null {
    return this.opts.path ? null : this.opts.link!;
  }

  get isPlugged(): boolean {
    return this.plugged;
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.plugIn();
    this.started = true;
    this.streamTimer = setInterval(() => this.tick(), this.opts.intervalMs ?? 100);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.streamTimer) clearInterval(this.streamTimer);
    this.streamTimer = null;
    await this.unplug();
  }

  setWeight(w: Weight): void {
    this.model.load = w;
  }

  setMotion(on: boolean): void {
    this.model.motion = on;
  }

  setOverload(on: boolean): void {
    this.model.overload = on;
  }

  setUnderload(on: boolean): void {
    this.model.underload = on;
  }

  setNet(on: boolean): void {
    this.model.net = on;
  }

  /** A silent scale (switched off, cable still in): sends and answers nothing; sendRaw/sendGarbage still write. */
  setSilent(on: boolean): void {
    this.silent = on;
  }

  /** Writes every byte separately, `ms` apart (0 = whole frames): fragmentation on a real pty. */
  setByteDelay(ms: number): void {
    this.byteDelayMs = ms;
  }

  /** Stops sending and answering and closes the port; with its own socat, kills it so the app's port closes too. */
  async unplug(): Promise<void> {
    this.plugged = false;
    const port = this.port;
    this.port = null;
    await this.writes.catch(() => undefined);
    await port?.close();
    if (this.socat) {
      await this.socat.kill();
      this.socat = null;
    }
  }

  /** Recreates the cable (same link paths) and resumes. */
  async replug(): Promise<void> {
    if (this.plugged) return;
    await this.plugIn();
  }

  /** Writes random bytes (or the given ones) between frames. */
  sendGarbage(bytes?: Uint8Array | number): Promise<void> {
    const data = bytes instanceof Uint8Array ? bytes : garbageBytes(bytes ?? 32, this.garbageSeed++);
    return this.write(data);
  }

  /** Writes bytes as they are (e.g. frames made with the codec, to leave stale data in the buffer). */
  sendRaw(bytes: Uint8Array): Promise<void> {
    return this.write(bytes);
  }

  /**
   * The bytes this protocol would send now, or null if nothing can be sent.
   * Built by the simulator's own frame writer (scale-frames.ts), never by the
   * app's codecs, so what the app reads from it is a real check of its parser.
   */
  frameFor(reading: ScaleReading = this.model.reading()): Uint8Array | null {
    const frame = scaleFrame(this.protocol, this.jitter(reading));
    if (frame) return frame;
    // A condition the format cannot express (e.g. overload on Yaohua): such a device shows a plain weight.
    return scaleFrame(this.protocol, {
      kind: 'weight',
      weight: this.model.shown(),
      stable: false,
      net: this.model.net,
    });
  }

  /** Moving goods on a format without a stability flag: the last digits wander (0, +3, -2, +5, -4 divisions). */
  private jitter(r: ScaleReading): ScaleReading {
    if (r.kind !== 'weight' || r.stable || SCALE_PROTOCOL_INFO[this.protocol].stabilityFlag) return r;
    const offset = JITTER[this.jitterStep++ % JITTER.length]!;
    return { ...r, weight: { ...r.weight, amount: r.weight.amount + offset } };
  }

  private async plugIn(): Promise<void> {
    let path = this.opts.path;
    if (!path) {
      const link = this.opts.link!;
      this.socat = await startSocatPair(link, `${link}.sim`);
      path = this.socat.b;
    }
    this.port = await openSerialPort(
      { path, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      {
        onData: (chunk) => {
          if (this.plugged && !this.silent) this.responder.onBytes(chunk);
        },
        onClose: () => {
          this.plugged = false;
          this.port = null;
        },
      },
      { factory: this.opts.portFactory, settleMs: 0 },
    );
    this.plugged = true;
  }

  private tick(): void {
    if (!this.plugged || this.silent) return;
    if (!SCALE_PROTOCOL_INFO[this.protocol].polled || this.repeat) void this.sendReading();
  }

  private sendReading(r?: ScaleReading): Promise<void> {
    const reading = r ?? this.model.reading();
    const bytes = this.frameFor(reading);
    if (!bytes) return Promise.resolve();
    return this.write(bytes, reading);
  }

  private runRequest(name: string, task: () => Promise<void>): void {
    this.requests.push(name);
    this.emit('request', name);
    if (this.busy > 0) this.overlappingRequests++;
    this.busy++;
    this.tasks = this.tasks
      .then(task)
      .catch(() => undefined)
      .finally(() => {
        this.busy--;
      });
  }

  /** Serialised so frames never interleave, even when written byte by byte. */
  private write(bytes: Uint8Array, reading?: ScaleReading): Promise<void> {
    const job = async (): Promise<void> => {
      const port = this.port;
      if (!this.plugged || !port) return;
      if (reading) this.emit('frame', reading, performance.now());
      if (this.byteDelayMs <= 0) {
        await port.write(bytes);
        return;
      }
      for (let i = 0; i < bytes.length && this.plugged; i++) {
        await port.write(bytes.subarray(i, i + 1));
        await sleep(this.byteDelayMs);
      }
    };
    const p = this.writes.then(job);
    this.writes = p.catch(() => undefined);
    return p.catch(() => undefined);
  }
}

const JITTER = [0, 3, -2, 5, -4];
