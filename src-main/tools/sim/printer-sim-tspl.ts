/**
 * The simulator's TSPL side: splits the byte stream into immediate status
 * commands (`ESC ! x`, answered at once, even in the middle of a job) and jobs
 * (lines up to and including PRINT), and reads a job's commands into a label.
 */
import iconv from 'iconv-lite';
import { readTspl128Auto, readTspl128m } from './printer-sim-code128';
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

export type TsplEvent =
  | { type: 'status' }
  | { type: 'extended-status' }
  | { type: 'other-immediate'; byte: number }
  | { type: 'job'; bytes: Buffer };

const ESC = 0x1b;
const BANG = 0x21;

/** Incremental splitter for one connection. */
export class TsplStream {
  private buf = Buffer.alloc(0);
  private job: Buffer[] = [];

  feed(chunk: Uint8Array): TsplEvent[] {
    const events: TsplEvent[] = [];
    this.buf = Buffer.concat([this.buf, chunk]);
    // Immediate commands first: ESC ! x anywhere in the stream.
    for (let i = this.buf.indexOf(ESC); i >= 0; i = this.buf.indexOf(ESC, i)) {
      if (i + 2 >= this.buf.length) break; // incomplete: wait for more
      if (this.buf[i + 1] !== BANG) {
        i++;
        continue;
      }
      const cmd = this.buf[i + 2]!;
      events.push(
        cmd === 0x3f
          ? { type: 'status' }
          : cmd === 0x53
            ? { type: 'extended-status' }
            : { type: 'other-immediate', byte: cmd },
      );
      this.buf = Buffer.concat([this.buf.subarray(0, i), this.buf.subarray(i + 3)]);
    }
    // Then whole lines, up to a pending ESC.
    const pendingEsc = this.buf.indexOf(ESC);
    const limit = pendingEsc >= 0 ? pendingEsc : this.buf.length;
    let start = 0;
    for (let nl = this.buf.indexOf(0x0a, start); nl >= 0 && nl < limit; nl = this.buf.indexOf(0x0a, start)) {
      const line = this.buf.subarray(start, nl + 1);
      start = nl + 1;
      if (line.toString('latin1').trim() === '') continue;
      this.job.push(Buffer.from(line));
      if (/^PRINT\b/i.test(line.toString('latin1').trim())) {
        events.push({ type: 'job', bytes: Buffer.concat(this.job) });
        this.job = [];
      }
    }
    this.buf = this.buf.subarray(start);
    return events;
  }
}

/** Splits TSPL parameters on commas outside double quotes; quoted values are unquoted (`\["]` -> `"`). */
export function splitTsplParams(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  /** A quoted value is taken as it is, spaces included. */
  let wasQuoted = false;
  const end = () => {
    out.push(wasQuoted ? cur : cur.trim());
    cur = '';
    wasQuoted = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (s.startsWith('\\["]', i)) {
        cur += '"';
        i += 3;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') {
      quoted = true;
      wasQuoted = true;
      cur = '';
    } else if (c === ',') end();
    else if (!wasQuoted) cur += c;
  }
  end();
  return out;
}

/** "50 mm" -> 50; a bare number is inches in TSPL. */
function lengthMm(v: string | undefined): number {
  const m = /^\s*([\d.]+)\s*(mm|dot)?\s*$/i.exec(v ?? '');
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2]?.toLowerCase() === 'mm' ? n : n * 25.4;
}

/** Built-in bitmap font heights at 203 dpi (fonts 1-5), CJK fonts by name. */
const FONT_HEIGHT: Record<string, number> = {
  '1': 12,
  '2': 20,
  '3': 24,
  '4': 32,
  '5': 48,
  'TSS16.BF2': 16,
  'TSS24.BF2': 24,
  'TST24.BF2': 24,
};

/** Reads one job (GBK bytes) into a label at `dpi`. */
export function parseTsplJob(bytes: Uint8Array, dpi: 203 | 300): ParsedJob {
  const text = iconv.decode(Buffer.from(bytes), 'gbk');
  const k = dpi === 203 ? 8 : 12;
  let label = emptyLabel(Math.round(100 * k), Math.round(150 * k), dpi);
  const elements: SimElement[] = [];
  const barcodes: SimBarcode[] = [];
  const problems: string[] = [];
  let copies = 1;
  const num = (v: string | undefined) => Number(v);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const sp = line.indexOf(' ');
    const cmd = (sp < 0 ? line : line.slice(0, sp)).toUpperCase();
    const p = sp < 0 ? [] : splitTsplParams(line.slice(sp + 1));
    try {
      switch (cmd) {
        case 'SIZE': {
          const w = lengthMm(p[0]);
          const h = lengthMm(p[1]);
          if (!(w > 0 && h > 0)) throw new Error('bad size');
          label = { ...emptyLabel(Math.round(w * k), Math.round(h * k), dpi, label.gapMm), widthMm: w, heightMm: h };
          break;
        }
        case 'GAP':
          label.gapMm = lengthMm(p[0]);
          break;
        case 'DIRECTION':
        case 'CLS':
        case 'REFERENCE':
        case 'CODEPAGE':
        case 'SET':
        case 'DENSITY':
        case 'SPEED':
          break;
        case 'TEXT': {
          const [x, y, font, , , ym, data] = p;
          const cell = FONT_HEIGHT[font ?? ''];
          if (cell === undefined) throw new Error(`unknown font ${font}`);
          const height = cell * (num(ym) || 1);
          const t = data ?? '';
          elements.push({
            kind: 'text',
            x: num(x),
            y: num(y),
            height,
            text: t,
            bold: false,
            width: textWidth(t, height),
          });
          break;
        }
        case 'BARCODE': {
          const [x, y, type, h, , , narrow, , data = ''] = p;
          const t = (type ?? '').toUpperCase();
          if (t === '128M' || t === '128') {
            const read = t === '128M' ? readTspl128m(data) : readTspl128Auto(data);
            const r = code128Element(num(x), num(y), num(h), num(narrow), read, problems);
            elements.push(r.element);
            barcodes.push(r.barcode);
          } else if (t === 'EAN13') {
            if (!/^\d{12}$/.test(data)) throw new Error(`EAN13 data "${data}" is not 12 digits`);
            const digits = data + gs1CheckDigit(data);
            elements.push({
              kind: 'ean13',
              x: num(x),
              y: num(y),
              height: num(h),
              module: num(narrow),
              digits,
              width: 95 * num(narrow),
            });
            barcodes.push({ symbology: 'ean13', data: digits });
          } else throw new Error(`barcode type ${type} not simulated`);
          break;
        }
        case 'QRCODE': {
          const [x, y, ecc, cell, , , data = ''] = p;
          const e = (ecc ?? 'M').toUpperCase();
          if (!['L', 'M', 'Q', 'H'].includes(e)) throw new Error(`bad ECC level ${ecc}`);
          elements.push({ kind: 'qr', x: num(x), y: num(y), cell: num(cell), ecc: e as 'L' | 'M' | 'Q' | 'H', data });
          barcodes.push({ symbology: 'qr', data });
          break;
        }
        case 'BOX': {
          const [x, y, x2, y2, t] = p.map(num);
          elements.push({ kind: 'box', x: x!, y: y!, width: x2! - x!, height: y2! - y!, thickness: t ?? 1 });
          break;
        }
        case 'BAR': {
          const [x, y, w, h] = p.map(num);
          elements.push({ kind: 'box', x: x!, y: y!, width: w!, height: h!, thickness: Math.min(w!, h!) });
          break;
        }
        case 'PRINT':
          copies = (num(p[0]) || 1) * (num(p[1]) || 1);
          break;
        default:
          problems.push(`command not simulated: ${line}`);
      }
    } catch (e) {
      problems.push(`${line}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  label.elements = mergeBoldPasses(elements);
  const texts = label.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []));
  return { label, texts, barcodes, copies, problems };
}
