/** Raw TCP to a network printer (port 9100). The socket stays open between jobs and reopens after an error. */
import { Socket } from 'node:net';
import { AnswerCollector, PrinterConnectionError, type PrinterConnection } from './connection';

export interface TcpOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

export class TcpConnection implements PrinterConnection {
  readonly kind = 'tcp';
  private socket: Socket | null = null;
  private opening: Promise<Socket> | null = null;
  private readonly answers = new AnswerCollector();

  constructor(private readonly opts: TcpOptions) {}

  private open(): Promise<Socket> {
    if (this.socket) return Promise.resolve(this.socket);
    if (this.opening) return this.opening;
    const { host, port } = this.opts;
    const timeoutMs = this.opts.connectTimeoutMs ?? 3000;
    this.opening = new Promise<Socket>((resolve, reject) => {
      const s = new Socket();
      const fail = (why: string) => {
        clearTimeout(timer);
        s.destroy();
        reject(new PrinterConnectionError(`printer ${host}:${port}: ${why}`));
      };
      const timer = setTimeout(() => fail(`no connection within ${timeoutMs} ms`), timeoutMs);
      s.once('error', (e) => fail(e.message));
      s.connect({ host, port }, () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        s.setNoDelay(true);
        s.on('data', (d: Buffer) => this.answers.push(d));
        // An error is followed by close; the next call reconnects.
        s.on('error', () => undefined);
        s.on('close', () => {
          if (this.socket === s) this.socket = null;
          this.answers.abort();
        });
        this.socket = s;
        resolve(s);
      });
    }).finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const s = await this.open();
    await new Promise<void>((resolve, reject) =>
      s.write(bytes, (err) => (err ? reject(new PrinterConnectionError(`write failed: ${err.message}`)) : resolve())),
    );
  }

  query(bytes: Uint8Array, timeoutMs: number, complete?: (a: Uint8Array) => boolean): Promise<Uint8Array | null> {
    return this.answers.collect(() => this.write(bytes), timeoutMs, complete);
  }

  async close(): Promise<void> {
    const s = this.socket ?? (this.opening ? await this.opening.catch(() => null) : null);
    this.socket = null;
    if (!s || s.destroyed) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => s.destroy(), 500);
      s.once('close', () => {
        clearTimeout(t);
        resolve();
      });
      s.end();
    });
  }
}
