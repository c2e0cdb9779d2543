/**
 * ZPL II jobs (Zebra and compatibles) from a resolved label, UTF-8 (`^CI28`).
 * CJK text needs a CJK font resident on the printer, mapped with `^CW` (default
 * `E:SIMSUN.TTF` as font J; set `cjkFont` to what the printer has), or
 * `cjkMode: 'graphic'` to send such text as `^GFA` bitmaps drawn by render.ts
 * (bigger jobs, works on any printer). Code 128 is sent in mode N with the
 * layout's subset plan; human-readable lines are the layout's text elements,
 * so the interpretation line is off.
 */
import type { Code128Op } from '../../../src-shared/barcode/code128';
import type { ResolvedLabel, ResolvedText } from '../../../src-shared/labels/layout';
import { textToBitmap } from './text-bitmap';

export interface ZplOptions {
  copies?: number;
  /** Font file on the printer for CJK text (mapped to font letter J). */
  cjkFont?: string;
  /** 'font' (default): `^AJN` with the mapped font; 'graphic': CJK text as `^GFA` bitmaps. */
  cjkMode?: 'font' | 'graphic';
}

/**
 * Characters a field's data cannot carry as they are: `^` and `~` start
 * commands (a name holding `^XZ^XA` would end the label and start another),
 * control characters would reach the printer raw, and `_` is the escape
 * character itself once `^FH` is on.
 */

const FIELD_SPECIAL = /[\^~\u0000-\u001f\u007f]/;

const FH_ESCAPED = /[_^~\u0000-\u001f\u007f]/g;
const hex = (c: string) => '_' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/**
 * `^FD...^FS` for any field (text, Code 128, QR): plain when the data holds
 * nothing special, otherwise `^FH` with `_XX` hex escapes, so the data can
 * never become a command.
 */
export function zplField(data: string): string {
  if (!FIELD_SPECIAL.test(data)) return `^FD${data}^FS`;
  return `^FH^FD${data.replace(FH_ESCAPED, hex)}^FS`;
}

/** `^BC` mode N data: >; / >: start C/B, >5 / >6 switch to C/B, >8 FNC1, a literal > as ><. */
export function zplCode128Data(ops: readonly Code128Op[]): string {
  let s = '';
  for (const o of ops) {
    if (o.op === 'start') s += o.set === 'B' ? '>:' : '>;';
    else if (o.op === 'switch') s += o.set === 'B' ? '>6' : '>5';
    else if (o.op === 'fnc1') s += '>8';
    else if (o.op === 'digits') s += o.digits;
    else s += o.text.replace(/>/g, '><');
  }
  return s;
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/** `^GFA` with uncompressed hex rows. */
export function zplGraphic(bits: Uint8Array, bytesPerRow: number): string {
  const hex = Buffer.from(bits).toString('hex').toUpperCase();
  return `^GFA,${bits.length},${bits.length},${bytesPerRow},${hex}`;
}

function textFields(e: ResolvedText, opts: ZplOptions): string[] {
  const passes = e.bold ? [e.x, e.x + 1] : [e.x];
  if (!isAscii(e.text) && opts.cjkMode === 'graphic') {
    const bmp = textToBitmap(e.text, e.height, e.width, e.bold);
    return [`^FO${e.x},${e.y}${zplGraphic(bmp.bits, bmp.bytesPerRow)}^FS`];
  }
  const font = isAscii(e.text) ? `^A0N,${e.height},${e.height}` : `^AJN,${e.height},${e.height}`;
  return passes.map((x) => `^FO${x},${e.y}${font}${zplField(e.text)}`);
}

/** The job's commands, one per line. */
export function zplLines(label: ResolvedLabel, opts: ZplOptions = {}): string[] {
  const copies = Math.max(1, Math.floor(opts.copies ?? 1));
  const lines = ['^XA', '^CI28', `^PW${label.width}`, `^LL${label.height}`, '^LH0,0'];
  const needsFont = opts.cjkMode !== 'graphic' && label.elements.some((e) => e.kind === 'text' && !isAscii(e.text));
  if (needsFont) lines.push(`^CWJ,${opts.cjkFont ?? 'E:SIMSUN.TTF'}`);
  for (const e of label.elements) {
    switch (e.kind) {
      case 'text':
        lines.push(...textFields(e, opts));
        break;
      case 'code128':
        lines.push(`^FO${e.x},${e.y}^BY${e.module}^BCN,${e.height},N,N,N${zplField(zplCode128Data(e.ops))}`);
        break;
      case 'ean13':
        lines.push(`^FO${e.x},${e.y}^BY${e.module}^BEN,${e.height},N,N${zplField(e.digits.slice(0, 12))}`);
        break;
      case 'qr':
        lines.push(`^FO${e.x},${e.y}^BQN,2,${e.cell}${zplField(`${e.ecc}A,${e.data}`)}`);
        break;
      case 'box':
        lines.push(`^FO${e.x},${e.y}^GB${e.width},${e.height},${e.thickness}^FS`);
        break;
      case 'bitmap':
        lines.push(`^FO${e.x},${e.y}${zplGraphic(e.bits, e.bytesPerRow)}^FS`);
        break;
    }
  }
  lines.push(`^PQ${copies}`, '^XZ');
  return lines;
}

/** The job as UTF-8 bytes (lines end in LF, which ZPL ignores between commands). */
export function buildZplJob(label: ResolvedLabel, opts: ZplOptions = {}): Buffer {
  return Buffer.from(zplLines(label, opts).join('\n') + '\n', 'utf8');
}
