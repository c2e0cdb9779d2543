/**
 * Keeps one serial scale's state current: opens the port (flushing stale bytes), polls
 * request/response protocols one request at a time, parses frames, reports offline within
 * a bounded time and reopens the port by itself when the device returns.
 */
import { EventEmitter } from 'node:events';
import type {
  DeviceStatus,
  ScaleProtocol,
  ScaleReading,
  ScaleState,
  SerialSettings,
  WeightUnit,
} from '../../../src-shared/devices';
import { describeOpenError, openSerialPort, type OpenedPort, type PortFactory } from '../serial/port';
import { SCALE_PROTOCOL_INFO } from '../../../src-shared/devices';
import { codecFor } from './protocols';
import type { FrameParser, ParsedFrame, ScaleAction, ScaleCodec, ScaleCommand } from './protocols/types';

export interface ScaleDriverOptions {
  protocol: ScaleProtocol;
  serial: SerialSettings;
  /** Polled protocols: time between weight requests. Default 200 ms. */
  pollIntervalMs?: number;
  /** A poll unanswered this long is given up (and counts toward offline). Default 500 ms. */
  responseTimeoutMs?: number;
  /** No valid frame for this long means offline. Default 1500 ms. */
  offlineAfterMs?: number;
  /** While the port cannot be opened, retry this often. Default 1000 ms. */
  reopenEveryMs?: number;
  /** Zero/tare may block until the weight settles (MT-SICS). Default 5000 ms. */
  commandTimeoutMs?: number;
  /** Bytes arriving this soon after open + flush are stale and dropped. Default 30 ms. */
  settleMs?: number;
  /** Unit for formats that do not send one (Yaohua). Default kg. */
  unit?: WeightUnit;
  /**
   * Formats without a stability flag (Yaohua): a weight is called stable once the
   * scale has sent exactly that weight for this long, in at least 3 frames, as an
   * indicator's own motion detection does. Default 800 ms.
   */
  settledAfterMs?: number;
  /** Tests inject `@serialport/binding-mock` here. */
  portFactory?: PortFactory;
}

export interface ScaleDriverEvents {
  state: [ScaleState];
}

interface Pending {
  action: ScaleAction;
  resolve(): void;
  reject(err: Error): void;
}

interface Outstanding {
  command: ScaleCommand;
  pending: Pending | null;
  timer: NodeJS.Timeout;
}

const ACTION_LABEL: Record<ScaleAction, string> = { zero: 'Zero', tare: 'Tare', clearTare: 'Clearing the tare' };
const MAX_QUEUED = 4;

export class ScaleDriver extends EventEmitter<ScaleDriverEvents> {
  private readonly codec: ScaleCodec;
  private readonly parser: FrameParser;
  private readonly judgesStability: boolean;
  /** The weight being watched for motion (formats without a stability flag), since when, in how many frames. */
  private still: { key: string; since: number; frames: number } | null = null;
  private readonly o: Required<Omit<ScaleDriverOptions, 'portFactory' | 'unit'>> &
    Pick<ScaleDriverOptions, 'portFactory'>;
  private current: ScaleState = { status: 'offline', reading: null, at: Date.now(), detail: 'not started' };
  private running = false;
  /** Bumped on every open attempt and on stop: callbacks from older ports are ignored. */
  private gen = 0;
  private port: OpenedPort | null = null;
  private reopenTimer: NodeJS.Timeout | null = null;
  /** Watchdog periods in a row with no frame on the open port. */
  private silences = 0;
  private watchdog: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private outstanding: Outstanding | null = null;
  private queue: Pending[] = [];
  private lastPollAt = 0;
  /** Bytes received since the last valid frame or watchdog check: tells garbage from silence. */
  private unreadBytes = 0;

  constructor(opts: ScaleDriverOptions) {
    super();
    this.codec = codecFor(opts.protocol);
    this.parser = this.codec.createParser(opts.unit ? { unit: opts.unit } : {});
    this.judgesStability = !SCALE_PROTOCOL_INFO[opts.protocol].stabilityFlag;
    this.o = {
      protocol: opts.protocol,
      serial: opts.serial,
      pollIntervalMs: opts.pollIntervalMs ?? 200,
      responseTimeoutMs: opts.responseTimeoutMs ?? 500,
      offlineAfterMs: opts.offlineAfterMs ?? 1500,
      reopenEveryMs: opts.reopenEveryMs ?? 1000,
      commandTimeoutMs: opts.commandTimeoutMs ?? 5000,
      settleMs: opts.settleMs ?? 30,
      settledAfterMs: opts.settledAfterMs ?? 800,
      portFactory: opts.portFactory,
    };
  }

  get lastState(): ScaleState {
    return this.current;
  }

  get protocol(): ScaleProtocol {
    return this.o.protocol;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.setStatus('connecting', `opening ${this.o.serial.path}`);
    void this.open();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.gen++;
    for (const t of [this.reopenTimer, this.watchdog, this.pollTimer]) if (t) clearTimeout(t);
    this.reopenTimer = this.watchdog = this.pollTimer = null;
    this.failAll(new Error('The scale was disconnected by the app (driver stopped).'));
    const port = this.port;
    this.port = null;
    this.setStatus('offline', 'stopped');
    await port?.close();
  }

  zero(): Promise<void> {
    return this.command('zero');
  }

  tare(): Promise<void> {
    return this.command('tare');
  }

  clearTare(): Promise<void> {
    return this.command('clearTare');
  }

  supports(action: ScaleAction): boolean {
    return this.codec.commands[action] !== undefined;
  }

  private command(action: ScaleAction): Promise<void> {
    const label = ACTION_LABEL[action];
    if (!this.supports(action))
      return Promise.reject(
        new Error(`${label} is not supported by this protocol (${this.o.protocol}): use the key on the scale itself.`),
      );
    if (!this.running || !this.port || this.current.status !== 'online')
      return Promise.reject(
        new Error(`${label} failed: the scale is offline (${this.current.detail}). Reconnect it and try again.`),
      );
    if (this.queue.length >= MAX_QUEUED)
      return Promise.reject(new Error(`${label} failed: the scale is still busy with earlier commands; try again.`));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ action, resolve, reject });
      this.pump();
    });
  }

  private async open(): Promise<void> {
    this.reopenTimer = null;
    const gen = ++this.gen;
    let port: OpenedPort;
    try {
      port = await openSerialPort(
        this.o.serial,
        {
          onData: (chunk) => {
            if (gen === this.gen) this.onData(chunk);
          },
          onClose: (err) => {
            if (gen === this.gen) this.onPortGone(err);
          },
        },
        { factory: this.o.portFactory, settleMs: this.o.settleMs },
      );
    } catch (err) {
      if (gen !== this.gen) return;
      this.setStatus('offline', describeOpenError(this.o.serial.path, err));
      this.scheduleReopen();
      return;
    }
    if (gen !== this.gen || !this.running) {
      await port.close();
      return;
    }
    this.port = port;
    this.parser.reset();
    this.unreadBytes = 0;
    if (this.current.status === 'offline') this.setStatus('offline', `${port.path} is open; waiting for the scale`);
    this.armWatchdog();
    if (this.codec.mode === 'polled') this.schedulePump(this.o.settleMs);
  }

  private onPortGone(err: Error | null): void {
    this.port = null;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.pollTimer = this.watchdog = null;
    this.failAll(new Error('The scale went offline before answering: reconnect it and try again.'));
    const why = err?.message ? ` (${err.message})` : '';
    this.setStatus('offline', `the port ${this.o.serial.path} closed${why}: the scale was unplugged or switched off`);
    this.scheduleReopen();
  }

  private scheduleReopen(): void {
    if (!this.running || this.reopenTimer) return;
    this.reopenTimer = setTimeout(() => void this.open(), this.o.reopenEveryMs);
  }

  private armWatchdog(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.onSilence(), this.o.offlineAfterMs);
  }

  private onSilence(): void {
    this.watchdog = null;
    if (!this.port) return;
    // A blocking command (MT-SICS Z/T wait for a steady weight) keeps the line quiet; its own timeout rules.
    if (this.outstanding && this.outstanding.command !== 'poll') {
      this.armWatchdog();
      return;
    }
    const path = this.o.serial.path;
    const secs = (this.o.offlineAfterMs / 1000).toFixed(1);
    const detail =
      this.unreadBytes > 0
        ? `bytes arrive on ${path} but no valid frames for this protocol (${this.o.protocol}): check the protocol and serial settings (baud rate, data bits, parity)`
        : this.codec.mode === 'polled'
          ? `nothing received on ${path} for ${secs} s: the scale does not answer ${this.o.protocol} requests; check that it is on, the cable, and the protocol`
          : `nothing received on ${path} for ${secs} s: check that the scale is on and connected, and that it sends continuously (a scale that only answers requests needs the mt8217 or mt-sics protocol)`;
    this.unreadBytes = 0;
    this.setStatus('offline', detail);
    // Silent twice in a row: the open handle may be a device that is gone while its path now names
    // another (a USB adapter replugged under the same by-id link, a new pty behind the same
    // link) and such a handle never reports an error. Reopen by the path, as after an unplug.
    if (++this.silences >= 2) {
      this.silences = 0;
      const port = this.port;
      this.port = null;
      this.gen++; // the old handle's close must not count as the scale going away again
      void port.close().finally(() => this.scheduleReopen());
      return;
    }
    this.armWatchdog();
  }

  private onData(chunk: Uint8Array): void {
    this.unreadBytes += chunk.length;
    const frames = this.parser.pushFrames(chunk);
    if (frames.length === 0) return;
    const at = Date.now();
    this.unreadBytes = 0;
    this.silences = 0;
    this.armWatchdog();
    for (const f of frames) this.onFrame(f, at);
  }

  private onFrame(frame: ParsedFrame, at: number): void {
    let show = frame.type === 'reading' || frame.type === 'rejected';
    const out = this.outstanding;
    if (out) {
      if (out.command === 'poll') {
        if (show) this.finish();
      } else if (out.pending) {
        const outcome = this.codec.replyTo(out.pending.action, frame);
        if (outcome) {
          const pending = out.pending;
          this.finish();
          if (outcome.ok) pending.resolve();
          else pending.reject(new Error(outcome.message));
          // A status answer to a command ("no weight now") is not what the display should show.
          show = show && frame.type === 'reading' && frame.reading.kind !== 'error';
        }
      }
    }
    if (show) {
      const raw: ScaleReading =
        frame.type === 'reading' ? frame.reading : { kind: 'error', code: frame.type === 'rejected' ? frame.code : '' };
      const reading = this.judgesStability ? this.withMotionCheck(raw, at) : raw;
      this.publish({ status: 'online', reading, at, detail: '' });
    } else if (this.current.status !== 'online') {
      this.publish({ status: 'online', reading: this.current.reading, at, detail: '' });
    }
  }

  /**
   * For formats that never say "stable": the reading is stable once the same
   * weight has held for `settledAfterMs` over 3 or more frames. Any change, or
   * anything but a weight, starts the watch again.
   */
  private withMotionCheck(reading: ScaleReading, at: number): ScaleReading {
    if (reading.kind !== 'weight') {
      this.still = null;
      return reading;
    }
    const w = reading.weight;
    const key = `${w.amount}/${w.decimals}/${w.unit}/${reading.net}`;
    if (this.still?.key === key) this.still.frames++;
    else this.still = { key, since: at, frames: 1 };
    const stable = this.still.frames >= 3 && at - this.still.since >= this.o.settledAfterMs;
    return { ...reading, stable };
  }

  /** Ends the outstanding request and lets the next one go. */
  private finish(): void {
    if (!this.outstanding) return;
    clearTimeout(this.outstanding.timer);
    this.outstanding = null;
    this.pump();
  }

  private schedulePump(delay: number): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.pump();
    }, delay);
  }

  /** Sends the next request if none is outstanding: queued commands first, then the poll when due. */
  private pump(): void {
    if (!this.port || this.outstanding || !this.running) return;
    const next = this.queue.shift();
    if (next) {
      this.send(next.action, next);
      return;
    }
    if (this.codec.mode !== 'polled') return;
    const wait = this.lastPollAt + this.o.pollIntervalMs - Date.now();
    if (wait > 0) {
      if (!this.pollTimer) this.schedulePump(wait);
      return;
    }
    this.lastPollAt = Date.now();
    this.send('poll', null);
  }

  private send(command: ScaleCommand, pending: Pending | null): void {
    const bytes = this.codec.commands[command];
    const port = this.port;
    if (!bytes || !port) {
      pending?.reject(new Error(`${command} cannot be sent now.`));
      return;
    }
    const timeout = command === 'poll' ? this.o.responseTimeoutMs : this.o.commandTimeoutMs;
    const timer = setTimeout(() => this.onNoReply(), timeout);
    this.outstanding = { command, pending, timer };
    port.write(bytes).catch(() => {
      // The port's close handler reports the failure.
    });
  }

  private onNoReply(): void {
    const out = this.outstanding;
    if (!out) return;
    this.outstanding = null;
    if (out.pending) {
      const secs = (this.o.commandTimeoutMs / 1000).toFixed(1);
      const label = ACTION_LABEL[out.pending.action];
      out.pending.reject(
        new Error(
          `${label} failed: the scale did not answer within ${secs} s. Check that it shows no error, then try again.`,
        ),
      );
    }
    // An unanswered poll needs nothing more: the watchdog counts the silence.
    this.pump();
  }

  private failAll(err: Error): void {
    const out = this.outstanding;
    this.outstanding = null;
    if (out) {
      clearTimeout(out.timer);
      out.pending?.reject(err);
    }
    const queued = this.queue;
    this.queue = [];
    for (const p of queued) p.reject(err);
  }

  private setStatus(status: DeviceStatus, detail: string): void {
    if (status !== 'online') this.still = null;
    if (this.current.status === status && this.current.detail === detail) return;
    this.publish({ status, reading: status === 'online' ? this.current.reading : null, at: Date.now(), detail });
  }

  private publish(state: ScaleState): void {
    this.current = state;
    this.emit('state', state);
  }
}
