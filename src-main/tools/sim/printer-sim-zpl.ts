/**
 * The simulator's ZPL side: `~HS` anywhere in the stream is answered at once;
 * `^XA`...`^XZ` is a job, read command by command into a label.
 */
import { readZplCode128 } from './printer-sim-code128';
import {
  code128Element,
  emptyLabel,
  mergeBoldPasses,
  textWidth,
  type ParsedJob,
  type SimBarcode,
  type SimElement,
} from './printer-sim-job';
import { gs1CheckDigit } from './sim-linear';

export type ZplEvent = { type: 'host-status' } | { type: 'job'; bytes: Buffer };

/** Incremental splitter for one connection. */
export class ZplStream {
  private buf = Buffer.alloc(0);

  feed(chunk: Uint8Array): ZplEvent[] {
    const events: ZplEvent[] = [];
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      // latin1 keeps byte offsets equal to string offsets.
      const s = this.buf.toString('latin1');
      const hs = s.indexOf('~HS');
      const xa = s.indexOf('^XA');
      if (hs >= 0 && (xa < 0 || hs < xa)) {
        events.push({ type: 'host-status' });
        this.buf = Buffer.concat([this.buf.subarray(0, hs), this.buf.subarray(hs + 3)]);
        continue;
      }
      if (xa < 0) {
        // Keep a possible partial "^X" / "~H" at the end, drop the rest (nothing to print there).
        const keep = /[~^][A-Z]?$/.exec(s);
        this.buf = keep ? this.buf.subarray(keep.index) : Buffer.alloc(0);
        break;
      }
      const xz = s.indexOf('^XZ', xa + 3);
      // A status query inside an unfinished job is still answered at once.
      const hsIn = s.indexOf('~HS', xa);
      if (hsIn >= 0 && (xz < 0 || hsIn < xz)) {
        events.push({ type: 'host-status' });
        this.buf = Buffer.concat([this.buf.subarray(0, hsIn), this.buf.subarray(hsIn + 3)]);
        continue;
      }
      if (xz < 0) {
        this.buf = this.buf.subarray(xa);
        break;
      }
      events.push({ type: 'job', bytes: Buffer.from(this.buf.subarray(xa, xz + 3)) });
      this.buf = this.buf.subarray(xz + 3);
    }
    return events;
  }
}

/** `_XX` hex escapes of a ^FH field, decoded as UTF-8 bytes. */
function unescapeFh(data: string): string {
  const bytes: number[] = [];
  const raw = Buffer.from(data, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x5f && i + 2 < raw.length) {
      const h = raw.subarray(i + 1, i + 3).toString('latin1');
      if (/^[0-9A-Fa-f]{2}$/.test(h)) {
        bytes.push(parseInt(h, 16));
        i += 2;
        continue;
      }
    }
    bytes.push(raw[i]!);
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Field {
  x: number;
  y: number;
  fontHeight: number;
  barcode: { type: 'BC' | 'BE' | 'BQ'; params: string[] } | null;
  fh: boolean;
  data: string | null;
}

/** Reads one `^XA`...`^XZ` job (UTF-8) into a label at `dpi` (ZPL positions are in dots already). */
export function parseZplJob(bytes: Uint8Array, dpi: 203 | 300): ParsedJob {
  const text = Buffer.from(bytes).toString('utf8');
  const elements: SimElement[] = [];
  const barcodes: SimBarcode[] = [];
  const problems: string[] = [];
  let width = 812;
  let height = 1218;
  let home = { x: 0, y: 0 };
  let module = 2;
  let copies = 1;
  const fresh = (): Field => ({ x: 0, y: 0, fontHeight: 30, barcode: null, fh: false, data: null });
  let f = fresh();
  let lastFontHeight = 30;

  const endField = () => {
    if (f.data === null) return;
    const data = f.fh ? unescapeFh(f.data) : f.data;
    const x = f.x + home.x;
    const y = f.y + home.y;
    if (!f.barcode) {
      elements.push({
        kind: 'text',
        x,
        y,
        height: f.fontHeight,
        text: data,
        bold: false,
        width: textWidth(data, f.fontHeight),
      });
      return;
    }
    const { type, params } = f.barcode;
    if (type === 'BC') {
      const r = code128Element(x, y, Number(params[1]) || 10, module, readZplCode128(data), problems);
      elements.push(r.element);
      barcodes.push(r.barcode);
    } else if (type === 'BE') {
      if (!/^\d{12}$/.test(data)) throw new Error(`^BE data "${data}" is not 12 digits`);
      const digits = data + gs1CheckDigit(data);
      elements.push({ kind: 'ean13', x, y, height: Number(params[1]) || 10, module, digits, width: 95 * module });
      barcodes.push({ symbology: 'ean13', data: digits });
    } else {
      const m = /^([HQML])([AM]),([^]*)$/.exec(data);
      if (!m) throw new Error(`^BQ data "${data}" lacks the "<ecc><mode>," prefix`);
      const cell = Number(params[2]) || 2;
      elements.push({ kind: 'qr', x, y, cell, ecc: m[1] as 'L' | 'M' | 'Q' | 'H', data: m[3]! });
      barcodes.push({ symbology: 'qr', data: m[3]! });
    }
  };

  // Commands: a caret or tilde, two characters, parameters up to the next caret/tilde.
  const re = /[\^~]([A-Z@0-9][A-Z@0-9]?)([^\^~]*)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const name = m[1]!.toUpperCase();
    const arg = name === 'FD' ? m[2]! : m[2]!.replace(/[\r\n]/g, '').trim();
    const params = arg.split(',');
    try {
      if (name.startsWith('A') && name.length === 2 && name !== 'A@') {
        // ^Afo,h,w: font f, orientation o.
        f.fontHeight = Number(params[1]) || lastFontHeight;
        lastFontHeight = f.fontHeight;
        continue;
      }
      switch (name) {
        case 'XA':
        case 'XZ':
        case 'CI':
        case 'CW':
        case 'FS':
          if (name === 'FS') {
            endField();
            f = fresh();
            f.fontHeight = lastFontHeight;
          }
          break;
        case 'A@':
          f.fontHeight = Number(params[1]) || lastFontHeight;
          lastFontHeight = f.fontHeight;
          break;
        case 'PW':
          width = Number(params[0]) || width;
          break;
        case 'LL':
          height = Number(params[0]) || height;
          break;
        case 'LH':
          home = { x: Number(params[0]) || 0, y: Number(params[1]) || 0 };
          break;
        case 'FO':
          f.x = Number(params[0]) || 0;
          f.y = Number(params[1]) || 0;
          break;
        case 'FH':
          f.fh = true;
          break;
        case 'FD':
          f.data = arg.replace(/\r?\n$/, '');
          break;
        case 'BY':
          module = Number(params[0]) || module;
          break;
        case 'BC':
        case 'BE':
        case 'BQ':
          f.barcode = { type: name, params };
          break;
        case 'GB': {
          const [w = 1, h = 1, t = 1] = params.map(Number);
          elements.push({ kind: 'box', x: f.x + home.x, y: f.y + home.y, width: w, height: h, thickness: t });
          break;
        }
        case 'GF': {
          // ^GFA,total,total,bytesPerRow,hex
          const [fmt, total, , perRow, hex = ''] = params;
          if (fmt !== 'A') throw new Error('only ^GFA (hex) graphics are simulated');
          const bits = Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
          const bpr = Number(perRow);
          if (bits.length !== Number(total) || !(bpr > 0)) throw new Error('^GF size does not match its data');
          const rows = bits.length / bpr;
          elements.push({
            kind: 'bitmap',
            x: f.x + home.x,
            y: f.y + home.y,
            width: bpr * 8,
            height: rows,
            bytesPerRow: bpr,
            bits,
          });
          break;
        }
        case 'PQ':
          copies = Number(params[0]) || 1;
          break;
        default:
          problems.push(`command not simulated: ^${name}${arg}`);
      }
    } catch (e) {
      problems.push(`^${name}: ${e instanceof Error ? e.message : String(e)}`);
      f = fresh();
    }
  }
  const label = emptyLabel(width, height, dpi);
  label.elements = mergeBoldPasses(elements);
  const texts = label.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
  return { label, texts, barcodes, copies, problems };
}
