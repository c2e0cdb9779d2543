/**
 * Printer status queries and their answers, mapped to PrinterStatus. A printer
 * that does not answer is never "ready": some ZPL printers go silent when out
 * of media or with the head open, and an unplugged cable looks the same.
 */
import type { PrinterFault, PrinterLanguage, PrinterStatus } from '../../../src-shared/devices';

export const TSPL_STATUS_QUERY = Uint8Array.of(0x1b, 0x21, 0x3f); // ESC ! ?
export const TSPL_EXTENDED_STATUS_QUERY = Uint8Array.of(0x1b, 0x21, 0x53); // ESC ! S
export const ZPL_HOST_STATUS_QUERY = new TextEncoder().encode('~HS');

const STX = 0x02;
const ETX = 0x03;

export const NO_ANSWER: PrinterStatus = Object.freeze({ ready: false, faults: ['no_answer'] }) as PrinterStatus;

function status(faults: PrinterFault[]): PrinterStatus {
  const unique = [...new Set(faults)];
  return { ready: unique.length === 0, faults: unique };
}

/** TSPL `ESC ! ?` bits. Bit 5 (printing) is not a fault. */
const TSPL_BITS: [number, PrinterFault][] = [
  [0x01, 'head_open'],
  [0x02, 'paper_jam'],
  [0x04, 'paper_out'],
  [0x08, 'ribbon_out'],
  [0x10, 'paused'],
  [0x40, 'cover_open'],
  [0x80, 'over_temp'],
];

/** The one-byte answer to `ESC ! ?`. */
export function parseTsplStatusByte(byte: number): PrinterStatus {
  return status(TSPL_BITS.filter(([bit]) => (byte & bit) !== 0).map(([, f]) => f));
}

/** True when the printer reports it is printing (bit 5), which is not a fault. */
export function tsplIsPrinting(byte: number): boolean {
  return (byte & 0x20) !== 0;
}

/**
 * `ESC ! S` (newer firmware): STX + 4 characters + ETX CR LF, each `@` when
 * normal. Documented: 4th `A` paper empty, `B` paper jam, `D` ribbon empty,
 * `` ` `` head open; 3rd `A` head overheat, `H` cutter jam. These read as bits
 * over 0x40, so combinations are decoded bit by bit; undocumented bits count as
 * 'other'. The 1st (mode) and 2nd (warnings) characters are not faults.
 * Returns null when the bytes are not such an answer.
 */
export function parseTsplExtendedStatus(bytes: Uint8Array): PrinterStatus | null {
  const start = bytes.indexOf(STX);
  if (start < 0 || bytes.length < start + 6 || bytes[start + 5] !== ETX) return null;
  const c3 = bytes[start + 3]!;
  const c4 = bytes[start + 4]!;
  if ((c3 & 0xc0) !== 0x40 || (c4 & 0xc0) !== 0x40) return null;
  const faults: PrinterFault[] = [];
  const e3 = c3 & 0x3f;
  if (e3 & 0x01) faults.push('over_temp');
  if (e3 & ~0x01) faults.push('other'); // cutter jam (H) and undocumented bits
  const e4 = c4 & 0x3f;
  if (e4 & 0x01) faults.push('paper_out');
  if (e4 & 0x02) faults.push('paper_jam');
  if (e4 & 0x04) faults.push('ribbon_out');
  if (e4 & 0x20) faults.push('head_open');
  if (e4 & 0x18) faults.push('other');
  return status(faults);
}

/** STX...ETX payloads in `bytes`, as text. */
function stxLines(bytes: Uint8Array): string[] {
  const out: string[] = [];
  let start = -1;
  bytes.forEach((b, i) => {
    if (b === STX) start = i + 1;
    else if (b === ETX && start >= 0) {
      out.push(new TextDecoder('latin1').decode(bytes.subarray(start, i)));
      start = -1;
    }
  });
  return out;
}

/**
 * `~HS` answer: line 1 `aaa,b,c,dddd,eee,f,g,h,iii,j,k,l` (b paper out, c pause,
 * f buffer full, j corrupt RAM, k under temperature, l over temperature);
 * line 2 `mmm,n,o,p,...` (o head up, p ribbon out); line 3 is not used.
 * Returns null unless the first two lines are complete.
 */
export function parseZplHostStatus(bytes: Uint8Array): PrinterStatus | null {
  const lines = stxLines(bytes);
  if (lines.length < 2) return null;
  const l1 = lines[0]!.split(',').map((s) => s.trim());
  const l2 = lines[1]!.split(',').map((s) => s.trim());
  if (l1.length < 12 || l2.length < 4) return null;
  const on = (v: string | undefined) => v === '1';
  const faults: PrinterFault[] = [];
  if (on(l1[1])) faults.push('paper_out');
  if (on(l1[2])) faults.push('paused');
  if (on(l1[5])) faults.push('buffer_full');
  if (on(l1[9])) faults.push('other');
  if (on(l1[10]) || on(l1[11])) faults.push('over_temp');
  if (on(l2[2])) faults.push('head_open');
  if (on(l2[3])) faults.push('ribbon_out');
  return status(faults);
}

/** How to ask a printer of `language` for its status, and how to read the answer. */
export interface StatusQuery {
  bytes: Uint8Array;
  /** True once `answer` holds a whole reply (stop waiting). */
  complete(answer: Uint8Array): boolean;
  /** The status from a reply; a missing or unreadable reply is a fault. */
  parse(answer: Uint8Array | null): PrinterStatus;
}

export function statusQuery(language: PrinterLanguage): StatusQuery {
  if (language === 'tspl') {
    return {
      bytes: TSPL_STATUS_QUERY,
      complete: (a) => a.length >= 1,
      parse: (a) => (a && a.length >= 1 ? parseTsplStatusByte(a[a.length - 1]!) : NO_ANSWER),
    };
  }
  return {
    bytes: ZPL_HOST_STATUS_QUERY,
    complete: (a) => a.filter((b) => b === ETX).length >= 3,
    parse: (a) => {
      if (!a || a.length === 0) return NO_ANSWER;
      return parseZplHostStatus(a) ?? { ready: false, faults: ['other'] };
    },
  };
}

/** Plain words for a fault list (logs, error messages). */
export function describeFaults(faults: readonly PrinterFault[]): string {
  const words: Record<PrinterFault, string> = {
    head_open: 'print head open',
    paper_out: 'out of paper',
    paper_jam: 'paper jam',
    ribbon_out: 'out of ribbon',
    paused: 'paused',
    over_temp: 'over temperature',
    buffer_full: 'receive buffer full',
    cover_open: 'cover open',
    no_answer: 'no answer to the status query',
    other: 'other printer error',
  };
  return faults.map((f) => words[f]).join(', ');
}
