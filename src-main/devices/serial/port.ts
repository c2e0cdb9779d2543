import type * as SerialportModule from 'serialport';
import { lazyRequire } from '../../lib/lazy-require';

const serialport = lazyRequire<typeof SerialportModule>('serialport');
import type { SerialSettings } from '../../../src-shared/devices';

type Callback = (err: Error | null) => void;

/**
 * The part of serialport's stream we use. Both `SerialPort` and `SerialPortMock`
 * satisfy it, which is how tests inject `@serialport/binding-mock`.
 */
export interface RawPort {
  readonly isOpen: boolean;
  open(cb: Callback): void;
  close(cb?: Callback): void;
  write(data: Uint8Array, cb?: (err: Error | null | undefined) => void): boolean;
  flush(cb?: Callback): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeAllListeners(event?: string): unknown;
}

export type PortFactory = (settings: SerialSettings) => RawPort;

export const nativePortFactory: PortFactory = (s) =>
  new (serialport().SerialPort)({
    path: s.path,
    baudRate: s.baudRate,
    dataBits: s.dataBits,
    parity: s.parity,
    stopBits: s.stopBits,
    autoOpen: false,
  });

export interface PortHandlers {
  onData(chunk: Uint8Array): void;
  /** The port went away without us closing it (unplugged, socat gone, read error). Called once. */
  onClose(err: Error | null): void;
}

export interface OpenedPort {
  readonly path: string;
  readonly isOpen: boolean;
  write(bytes: Uint8Array): Promise<void>;
  /** Closes without calling onClose. Safe to call twice. */
  close(): Promise<void>;
}

export interface OpenOptions {
  factory?: PortFactory;
  /**
   * Bytes arriving this long after the flush are dropped: they were already in flight
   * (adapter FIFO, socat's buffer) and describe the past. Default 30 ms.
   */
  settleMs?: number;
}

function call(fn: (cb: Callback) => void): Promise<void> {
  return new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));
}

/**
 * Opens a port, discards whatever a continuous-output device left buffered while
 * nobody read, then delivers bytes as they come.
 */
export async function openSerialPort(
  settings: SerialSettings,
  handlers: PortHandlers,
  opts: OpenOptions = {},
): Promise<OpenedPort> {
  const port = (opts.factory ?? nativePortFactory)(settings);
  const settleMs = opts.settleMs ?? 30;
  let closedByUs = false;
  let ended = false;
  let deliverFrom = Number.POSITIVE_INFINITY;

  const end = (err: Error | null): void => {
    if (ended) return;
    ended = true;
    if (!closedByUs) handlers.onClose(err);
  };
  // Without an error listener a write error on an unplugged port would crash the process.
  port.on('error', (err: Error) => {
    if (port.isOpen) port.close(() => end(err));
    else end(err);
  });
  port.on('close', (err: Error | null) => end(err ?? null));
  port.on('data', (chunk: Buffer) => {
    if (performance.now() < deliverFrom) return;
    handlers.onData(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
  });

  try {
    await call((cb) => port.open(cb));
    await call((cb) => port.flush(cb));
  } catch (err) {
    closedByUs = true;
    if (port.isOpen) await new Promise<void>((r) => port.close(() => r()));
    port.removeAllListeners();
    throw err;
  }
  deliverFrom = performance.now() + settleMs;

  return {
    path: settings.path,
    get isOpen() {
      return port.isOpen && !ended;
    },
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        // serialport queues writes to a closed port until it reopens: fail fast instead.
        if (ended || !port.isOpen) {
          reject(new Error(`${settings.path} is closed`));
          return;
        }
        port.write(bytes, (err) => (err ? reject(err) : resolve()));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        closedByUs = true;
        if (!port.isOpen) {
          ended = true;
          resolve();
          return;
        }
        port.close(() => {
          ended = true;
          resolve();
        });
      }),
  };
}

export function describeOpenError(path: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/cannot lock port|resource busy|access denied/i.test(msg))
    return `${path} is in use by another program (${msg}): close it or pick another port`;
  if (/no such file|enoent|file not found|cannot find/i.test(msg))
    return `${path} does not exist (${msg}): check the cable and the port in the device settings`;
  if (/permission denied|eacces/i.test(msg))
    return `no permission to open ${path} (${msg}): add the user to the dialout group`;
  return `cannot open ${path}: ${msg}`;
}
