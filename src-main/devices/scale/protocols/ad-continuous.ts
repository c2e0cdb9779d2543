/**
 * A&D-style continuous output (copied by many indicators), CR LF terminated:
 *   indicator `ST,GS,+0012.34kg`   (header1, header2, 8-char data, 2-char unit)
 *   balance   `ST,+0001.234 kg`    (header1, 9-char data, 3-char unit)
 *   Dini      `ST,GS,    0.0,kg`   (header1, header2, data, unit; `UL` underload)
 */
import type { ScaleReading } from '../../../../src-shared/devices';
import { isUnitText, latin, parseDecimal, parseUnit } from './bytes';
import { LineParser, printableFrom } from './line-parser';
import { type ParsedFrame, type ScaleCodec } from './types';

const COMMA = 0x2c;
const MAX_LINE = 40;
const MAX_DATA = 10;

const HEADER1 = ['ST', 'US', 'OL', 'LO', 'UL', 'QT'] as const;
const HEADER2 = ['GS', 'NT', 'TR'] as const;

function header<T extends string>(buf: Uint8Array, at: number, set: readonly T[]): T | null {
  const x = buf[at];
  const y = buf[at + 1];
  for (const h of set) if (h.charCodeAt(0) === x && h.charCodeAt(1) === y) return h;
  return null;
}

/** One A&D frame spanning exactly [s, e) of printable bytes, or null. */
function decodeAt(buf: Uint8Array, s: number, e: number): ParsedFrame | null {
  const n = e - s;
  if (n < 6 || buf[s + 2] !== COMMA) return null;
  const h1 = header(buf, s, HEADER1);
  if (!h1) return null;
  if (n === 15) {
    const f = frameFrom(h1, 'GS', buf, s + 3, s + 12, s + 12, e);
    if (f) return f;
  }
  if (buf[s + 5] !== COMMA) return null;
  const h2 = header(buf, s + 3, HEADER2);
  if (!h2) return null;
  if (n === 16) {
    const f = frameFrom(h1, h2, buf, s + 6, s + 14, s + 14, e);
    if (f) return f;
  }
  // Dini: the data runs to the next comma.
  let c = s + 6;
  while (c < e && buf[c] !== COMMA) c++;
  if (c === e || c - (s + 6) > MAX_DATA || e - (c + 1) > 3) return null;
  return frameFrom(h1, h2, buf, s + 6, c, c + 1, e);
}

/**
 * The frame that ends line `buf[0, len)`: garbage before a frame shares its line, so
 * the leftmost suffix that is a whole frame wins. Exported for the CAS parser, whose
 * devices sometimes send this form.
 */
export function findAdFrame(buf: Uint8Array, len: number): ParsedFrame | null {
  for (let i = printableFrom(buf, len); i + 6 <= len; i++) {
    const frame = decodeAt(buf, i, len);
    if (frame) return frame;
  }
  return null;
}

function frameFrom(
  h1: string,
  h2: string,
  buf: Uint8Array,
  ds: number,
  de: number,
  us: number,
  ue: number,
): ParsedFrame | null {
  if (!isUnitText(buf, us, ue)) return null;
  if (h1 === 'OL') return { type: 'reading', reading: { kind: 'overload' } };
  if (h1 === 'UL') return { type: 'reading', reading: { kind: 'underload' } };
  if (h1 === 'LO' || h1 === 'QT') return { type: 'reading', reading: { kind: 'error', code: h1 } };
  const value = parseDecimal(buf, ds, de);
  if (!value) return null;
  // A tare readout is not the load on the platter.
  if (h2 === 'TR') return { type: 'info' };
  const unit = parseUnit(buf, us, ue);
  const reading: ScaleReading =
    unit === null
      ? { kind: 'error', code: `unit ${latin(buf, us, ue).trim()}` }
      : { kind: 'weight', weight: { ...value, unit }, stable: h1 === 'ST', net: h2 === 'NT' };
  return { type: 'reading', reading };
}

export class AdContinuousParser extends LineParser {
  constructor() {
    super(MAX_LINE);
  }

  protected line(buf: Uint8Array, len: number): void {
    const frame = findAdFrame(buf, len);
    if (frame) this.emit(frame);
  }
}

export const adContinuous: ScaleCodec = {
  protocol: 'ad-continuous',
  mode: 'continuous',
  maxBufferedBytes: 2 * MAX_LINE,
  createParser: () => new AdContinuousParser(),
  commands: {},
  replyTo: () => undefined,
};
