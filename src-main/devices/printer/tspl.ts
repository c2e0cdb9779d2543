/**
 * TSPL/TSPL2 jobs (TSC, Gprinter, Xprinter) from a resolved label. Text uses
 * the printers' GB fonts (TSS16.BF2 / TSS24.BF2), so the whole job is sent
 * GBK-encoded; barcodes are sent in manual mode (`128M`) with the layout's
 * subset plan. Human-readable lines are the layout's own text elements, so the
 * barcodes are sent with human = 0.
 */
import iconv from 'iconv-lite';
import type { Code128Op } from '../../../src-shared/barcode/code128';
import { snapTsplText, type ResolvedLabel } from '../../../src-shared/labels/layout';

export interface TsplOptions {
  copies?: number;
  /** TSPL DIRECTION (0 or 1: which way the label comes out); default 1. */
  direction?: 0 | 1;
}

export class TsplEncodeError extends Error {
  override name = 'TsplEncodeError';
}

/**
 * A string inside double quotes. TSPL writes `"` as `\["]`; a backslash starts
 * such an escape and has no documented escape of its own, so it is sent as
 * the full-width ＼ (one GB font glyph, GBK A3 DC), which means nothing to the
 * firmware. CR or LF would end the command (the rest of the string would run
 * as commands of its own) and ESC starts an immediate command even inside a
 * job: control characters become spaces. The layout has already cleaned the
 * text (printable.ts); this keeps the job safe whatever it is given.
 */
export function tsplQuote(s: string): string {
  const safe = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\\/g, '＼');
  return `"${safe.replace(/"/g, '\\["]')}"`;
}

/**
 * Barcode and QR data inside double quotes: every character must reach the
 * symbol unchanged, so what cannot be sent literally (a backslash, a control
 * character) is refused instead of replaced.
 */
export function tsplDataQuote(s: string): string {
  const bad = /[\\\u0000-\u001f\u007f]/.exec(s);
  if (bad)
    throw new TsplEncodeError(`barcode data cannot carry ${JSON.stringify(bad[0])} in TSPL: ${JSON.stringify(s)}`);
  return `"${s.replace(/"/g, '\\["]')}"`;
}

const mm = (v: number) => String(Math.round(v * 100) / 100);

/** `128M` data for a subset plan: !104/!105 start B/C, !100/!099 switch to B/C, !102 FNC1. */
export function tspl128mData(ops: readonly Code128Op[]): string {
  let s = '';
  for (const o of ops) {
    if (o.op === 'start') s += o.set === 'B' ? '!104' : '!105';
    else if (o.op === 'switch') s += o.set === 'B' ? '!100' : '!099';
    else if (o.op === 'fnc1') s += '!102';
    else if (o.op === 'digits') s += o.digits;
    else {
      // `!` starts a code in 128M data; how a literal one is written is not documented, so refuse it.
      if (o.text.includes('!')) throw new TsplEncodeError(`"!" in barcode data "${o.text}" cannot be sent in 128M`);
      s += o.text;
    }
  }
  return s;
}

/** The job's lines (text, before GBK encoding), without line ends. */
export function tsplLines(label: ResolvedLabel, opts: TsplOptions = {}): string[] {
  const copies = Math.max(1, Math.floor(opts.copies ?? 1));
  const lines = [
    `SIZE ${mm(label.widthMm)} mm,${mm(label.heightMm)} mm`,
    `GAP ${mm(label.gapMm)} mm,0 mm`,
    `DIRECTION ${opts.direction ?? 1}`,
    'CLS',
  ];
  for (const e of label.elements) {
    switch (e.kind) {
      case 'text': {
        const f = snapTsplText(e.height);
        const cmd = (x: number) => `TEXT ${x},${e.y},"${f.font}",0,${f.mul},${f.mul},${tsplQuote(e.text)}`;
        lines.push(cmd(e.x));
        // Bitmap fonts have no bold: a second pass one dot to the right.
        if (e.bold) lines.push(cmd(e.x + 1));
        break;
      }
      case 'code128':
        lines.push(
          `BARCODE ${e.x},${e.y},"128M",${e.height},0,0,${e.module},${e.module},${tsplDataQuote(tspl128mData(e.ops))}`,
        );
        break;
      case 'ean13':
        // TSPL takes 12 digits and adds the check digit itself.
        lines.push(
          `BARCODE ${e.x},${e.y},"EAN13",${e.height},0,0,${e.module},${e.module},${tsplDataQuote(e.digits.slice(0, 12))}`,
        );
        break;
      case 'qr':
        lines.push(`QRCODE ${e.x},${e.y},${e.ecc},${e.cell},A,0,${tsplDataQuote(e.data)}`);
        break;
      case 'box':
        if (e.thickness * 2 >= Math.min(e.width, e.height)) lines.push(`BAR ${e.x},${e.y},${e.width},${e.height}`);
        else lines.push(`BOX ${e.x},${e.y},${e.x + e.width},${e.y + e.height},${e.thickness}`);
        break;
      case 'bitmap':
        throw new TsplEncodeError('bitmaps are not supported in TSPL jobs');
    }
  }
  lines.push(`PRINT 1,${copies}`);
  return lines;
}

/** The job as bytes on the wire: GBK, every line ended with CR LF. Characters GBK lacks become "?". */
export function buildTsplJob(label: ResolvedLabel, opts: TsplOptions = {}): Buffer {
  return iconv.encode(tsplLines(label, opts).join('\r\n') + '\r\n', 'gbk');
}
