/**
 * A label printer simulator (TSPL or ZPL) on a TCP port or a socat pty: it
 * answers status queries from its state at once, and renders every complete
 * job it accepts to a PNG (with the raw job next to it) so tests and demos can
 * see what would print. It reads jobs and draws barcodes and QR codes with its
 * own code (printer-sim-*.ts, sim-*.ts), never the app's generators, layout or
 * preview renderer: what the app sends is checked by an independent reader.
 *
 * Faults: while the paper is out or the head is open, jobs are NOT printed and
 * are discarded (counted in `dropped`, 'dropped' event); a real TSPL printer
 * would keep them and print after the fault clears, but the app never sends a
 * job to a printer that reports a fault, so discarding keeps the state simple.
 * Silent mode answers no status query (like some ZPL printers in media-out)
 * and changes nothing else.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { SerialPort } from 'serialport';
import type { PrinterLanguage } from '../../../src-shared/devices';
import { renderSimLabel } from './printer-sim-render';
import type { ParsedJob } from './printer-sim-job';
import { startPtyPair, type PtyPair } from './printer-sim-pty';
import { parseTsplJob, TsplStream } from './printer-sim-tspl';
import { parseZplJob, ZplStream } from './printer-sim-zpl';

export type PrinterSimTransport = { kind: 'tcp'; port: number; host?: string } | { kind: 'pty'; link: string };

export interface PrinterSimOptions {
  language: PrinterLanguage;
  transport: PrinterSimTransport;
  outDir: string;
  /** Dots per inch used to turn TSPL millimetres into dots (default 203). */
  dpi?: 203 | 300;
  /** false: parse jobs but write no PNG (benchmarks). Default true. */
  render?: boolean;
}

export interface SimLabel extends ParsedJob {
  index: number;
  language: PrinterLanguage;
  /** Null when rendering is off. */
  pngPath: string | null;
  jobPath: string;
  /** Dark pixels in the PNG (0 would be a blank label). */
  darkPixels: number;
}

export interface SimState {
  paperOut: boolean;
  headOpen: boolean;
  silent: boolean;
}

interface Peer {
  write(b: Uint8Array): void;
  feed(chunk: Buffer): void;
}

export class PrinterSimulator extends EventEmitter {
  readonly language: PrinterLanguage;
  readonly outDir: string;
  /** TCP port listened on (tcp transport). */
  port: number | null = null;
  /** The path the app opens (pty transport). */
  link: string | null = null;
  readonly labels: SimLabel[] = [];
  /** Jobs received while a fault was active (not printed). */
  dropped = 0;
  bytesReceived = 0;
  private readonly state: SimState = { paperOut: false, headOpen: false, silent: false };
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private pty: PtyPair | null = null;
  private serial: SerialPort | null = null;
  private jobCount = 0;
  private renderChain: Promise<void> = Promise.resolve();

  private constructor(private readonly opts: PrinterSimOptions) {
    super();
    this.language = opts.language;
    this.outDir = resolve(opts.outDir);
  }

  static async start(opts: PrinterSimOptions): Promise<PrinterSimulator> {
    const sim = new PrinterSimulator(opts);
    mkdirSync(sim.outDir, { recursive: true });
    try {
      if (opts.transport.kind === 'tcp') await sim.listen(opts.transport.port, opts.transport.host ?? '127.0.0.1');
      else await sim.openPty(opts.transport.link);
    } catch (e) {
      await sim.close();
      throw e;
    }
    return sim;
  }

  get status(): Readonly<SimState> {
    return { ...this.state };
  }

  setPaperOut(on: boolean): void {
    this.state.paperOut = on;
    this.emit('state', this.status);
  }

  setHeadOpen(on: boolean): void {
    this.state.headOpen = on;
    this.emit('state', this.status);
  }

  setSilent(on: boolean): void {
    this.state.silent = on;
    this.emit('state', this.status);
  }

  /** Resolves with the next label printed (rendered) after this call. */
  nextLabel(timeoutMs = 10_000): Promise<SimLabel> {
    return new Promise((resolve, reject) => {
      const onLabel = (l: SimLabel) => {
        clearTimeout(t);
        resolve(l);
      };
      const t = setTimeout(() => {
        this.off('label', onLabel);
        reject(new Error(`no label within ${timeoutMs} ms`));
      }, timeoutMs);
      this.once('label', onLabel);
    });
  }

  /** Finishes rendering what was received. */
  idle(): Promise<void> {
    return this.renderChain;
  }

  private peer(write: (b: Uint8Array) => void): Peer {
    if (this.language === 'tspl') {
      const stream = new TsplStream();
      return {
        write,
        feed: (chunk) => {
          for (const ev of stream.feed(chunk)) {
            if (ev.type === 'job') this.onJob(ev.bytes);
            else if (ev.type === 'status') this.answer(write, Uint8Array.of(this.tsplStatusByte()));
            else if (ev.type === 'extended-status') this.answer(write, this.tsplExtendedStatus());
          }
        },
      };
    }
    const stream = new ZplStream();
    return {
      write,
      feed: (chunk) => {
        for (const ev of stream.feed(chunk)) {
          if (ev.type === 'job') this.onJob(ev.bytes);
          else this.answer(write, this.zplHostStatus());
        }
      },
    };
  }

  private answer(write: (b: Uint8Array) => void, bytes: Uint8Array): void {
    this.emit('query', { answered: !this.state.silent });
    if (!this.state.silent) write(bytes);
  }

  private tsplStatusByte(): number {
    return (this.state.headOpen ? 0x01 : 0) | (this.state.paperOut ? 0x04 : 0);
  }

  private tsplExtendedStatus(): Uint8Array {
    const c4 = 0x40 | (this.state.paperOut ? 0x01 : 0) | (this.state.headOpen ? 0x20 : 0);
    return Uint8Array.of(0x02, 0x40, 0x40, 0x40, c4, 0x03, 0x0d, 0x0a);
  }

  private zplHostStatus(): Uint8Array {
    const b = this.state.paperOut ? 1 : 0;
    const o = this.state.headOpen ? 1 : 0;
    const l1 = `030,${b},0,0240,000,0,0,0,000,0,0,0`;
    const l2 = `000,0,${o},0,0,2,6,0,00000000,1,000`;
    const l3 = '1234,0';
    return Buffer.from([l1, l2, l3].map((l) => `\x02${l}\x03\r\n`).join(''), 'latin1');
  }

  private onJob(bytes: Buffer): void {
    if (this.state.paperOut || this.state.headOpen) {
      this.dropped++;
      this.emit('dropped', { bytes, reason: this.state.paperOut ? 'paper_out' : 'head_open' });
      return;
    }
    const index = ++this.jobCount;
    this.emit('job', { index, bytes });
    this.renderChain = this.renderChain
      .then(() => this.renderJob(index, bytes))
      .catch((e: unknown) => {
        this.emit('renderError', e);
      });
  }

  private async renderJob(index: number, bytes: Buffer): Promise<void> {
    const dpi = this.opts.dpi ?? 203;
    const parsed = this.language === 'tspl' ? parseTsplJob(bytes, dpi) : parseZplJob(bytes, dpi);
    const base = join(this.outDir, `label-${String(index).padStart(4, '0')}`);
    const jobPath = `${base}.${this.language}`;
    await writeFile(jobPath, bytes);
    let pngPath: string | null = null;
    let darkPixels = 0;
    if (this.opts.render !== false) {
      const img = renderSimLabel(parsed.label);
      darkPixels = img.darkPixels;
      pngPath = `${base}.png`;
      await writeFile(pngPath, img.png);
    }
    const label: SimLabel = { ...parsed, index, language: this.language, pngPath, jobPath, darkPixels };
    this.labels.push(label);
    this.emit('label', label);
  }

  private listen(port: number, host: string): Promise<void> {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      const peer = this.peer((b) => {
        if (!socket.destroyed) socket.write(b);
      });
      socket.on('data', (d: Buffer) => {
        this.bytesReceived += d.length;
        peer.feed(d);
      });
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return new Promise((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => {
        const addr = this.server!.address();
        this.port = typeof addr === 'object' && addr ? addr.port : port;
        resolve();
      });
    });
  }

  private async openPty(link: string): Promise<void> {
    this.pty = await startPtyPair(link, `${link}.sim`);
    this.link = link;
    const port = new SerialPort({ path: this.pty.simLink, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    this.serial = port;
    const peer = this.peer((b) => {
      if (port.isOpen) port.write(Buffer.from(b));
    });
    port.on('data', (d: Buffer) => {
      this.bytesReceived += d.length;
      peer.feed(d);
    });
    port.on('error', () => undefined);
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (this.server) {
      const server = this.server;
      this.server = null;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (this.serial?.isOpen) {
      const port = this.serial;
      await new Promise<void>((resolve) => port.close(() => resolve()));
    }
    this.serial = null;
    if (this.pty) {
      await this.pty.close();
      this.pty = null;
    }
    await this.renderChain;
  }
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * CLI: `sim printer --lang tspl|zpl [--tcp 9100 | --link /tmp/printer-app] [--out dir] [--dpi 203|300]`.
 * Keys on a TTY: p paper out, h head open, s silent, q quit. Otherwise lines on
 * stdin: `paper out`, `paper ok`, `head open`, `head closed`, `silent on`, `silent off`, `quit`.
 */
export async function runPrinterSim(argv: string[]): Promise<void> {
  const args = argv[0] === 'printer' ? argv.slice(1) : argv;
  const lang = argValue(args, 'lang') ?? 'tspl';
  if (lang !== 'tspl' && lang !== 'zpl') throw new Error(`--lang must be tspl or zpl, not ${lang}`);
  const link = argValue(args, 'link');
  const transport: PrinterSimTransport = link
    ? { kind: 'pty', link }
    : { kind: 'tcp', port: Number(argValue(args, 'tcp') ?? 9100) };
  const dpi = argValue(args, 'dpi') === '300' ? 300 : 203;
  const outDir = argValue(args, 'out') ?? 'sim-labels';
  const sim = await PrinterSimulator.start({ language: lang, transport, outDir, dpi });

  const where = sim.link ? `serial port ${sim.link}` : `tcp 127.0.0.1:${sim.port}`;
  console.log(`${lang.toUpperCase()} printer simulator on ${where}; labels go to ${sim.outDir}`);
  const show = () => {
    const s = sim.status;
    console.log(
      `state: paper ${s.paperOut ? 'OUT' : 'ok'}, head ${s.headOpen ? 'OPEN' : 'closed'}${s.silent ? ', silent' : ''}`,
    );
  };
  sim.on('label', (l: SimLabel) => {
    console.log(`label ${l.index}: ${l.pngPath ?? l.jobPath} — ${l.texts.join(' | ')}`);
    for (const p of l.problems) console.log(`  ! ${p}`);
  });
  sim.on('dropped', (d: { reason: string }) => console.log(`job dropped (${d.reason})`));
  sim.on('renderError', (e: unknown) => console.error('render failed:', e));

  await new Promise<void>((done) => {
    const quit = () => {
      process.off('SIGINT', quit);
      process.stdin.pause();
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      done();
    };
    process.once('SIGINT', quit);
    if (process.stdin.isTTY) {
      console.log('keys: p paper out/ok, h head open/closed, s silent on/off, q quit');
      process.stdin.setRawMode(true);
      process.stdin.resume();
      process.stdin.on('data', (d: Buffer) => {
        const key = d.toString();
        if (key === 'p') sim.setPaperOut(!sim.status.paperOut);
        else if (key === 'h') sim.setHeadOpen(!sim.status.headOpen);
        else if (key === 's') sim.setSilent(!sim.status.silent);
        else if (key === 'q' || key === '\u0003') return quit();
        show();
      });
    } else {
      console.log('commands: paper out | paper ok | head open | head closed | silent on | silent off | quit');
      let buf = '';
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (d: string) => {
        buf += d;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const cmd = buf.slice(0, nl).trim().toLowerCase();
          buf = buf.slice(nl + 1);
          if (cmd === 'paper out') sim.setPaperOut(true);
          else if (cmd === 'paper ok') sim.setPaperOut(false);
          else if (cmd === 'head open') sim.setHeadOpen(true);
          else if (cmd === 'head closed') sim.setHeadOpen(false);
          else if (cmd === 'silent on') sim.setSilent(true);
          else if (cmd === 'silent off') sim.setSilent(false);
          else if (cmd === 'quit') return quit();
          else if (cmd) console.log(`unknown command: ${cmd}`);
          show();
        }
      });
      process.stdin.once('end', quit);
      process.stdin.resume();
    }
  });
  await sim.close();
}
