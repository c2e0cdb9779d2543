/** Serial / USB-serial printers. The port is flushed right after opening (stale bytes are not an answer). */
import type { SerialPort } from 'serialport';
import type * as SerialportModule from 'serialport';
import { lazyRequire } from '../../../lib/lazy-require';

const serialport = lazyRequire<typeof SerialportModule>('serialport');
import type { SerialSettings } from '../../../../src-shared/devices';
import { AnswerCollector, PrinterConnectionError, type PrinterConnection } from './connection';

export class SerialConnection implements PrinterConnection {
  readonly kind = 'serial';
  private port: SerialPort | null = null;
  private opening: Promise<SerialPort> | null = null;
  private readonly answers = new AnswerCollector();

  constructor(private readonly settings: SerialSettings) {}

  private open(): Promise<SerialPort> {
    if (this.port?.isOpen) return Promise.resolve(this.port);
    if (this.opening) return this.opening;
    const s = this.settings;
    this.opening = new Promise<SerialPort>((resolve, reject) => {
      const port = new (serialport().SerialPort)({
        path: s.path,
        baudRate: s.baudRate,
        dataBits: s.dataBits,
        parity: s.parity,
        stopBits: s.stopBits,
        autoOpen: false,
      });
      port.open((err) => {
        if (err) return reject(new PrinterConnectionError(`printer ${s.path}: ${err.message}`));
        port.flush(() => {
          port.on('data', (d: Buffer) => this.answers.push(d));
          port.on('error', () => undefined);
          port.on('close', () => {
            if (this.port === port) this.port = null;
            this.answers.abort();
          });
          this.port = port;
          resolve(port);
        });
      });
    }).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = await this.open();
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => {
        if (err) return reject(new PrinterConnectionError(`write failed: ${err.message}`));
        port.drain((e) => (e ? reject(new PrinterConnectionError(`drain failed: ${e.message}`)) : resolve()));
      });
    });
  }

  query(bytes: Uint8Array, timeoutMs: number, complete?: (a: Uint8Array) => boolean): Promise<Uint8Array | null> {
    return this.answers.collect(() => this.write(bytes), timeoutMs, complete);
  }

  async close(): Promise<void> {
    const port = this.port ?? (this.opening ? await this.opening.catch(() => null) : null);
    this.port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
