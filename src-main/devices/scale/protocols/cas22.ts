/**
 * CAS 22-byte continuous frame: `ST,GS,` id-byte lamp-byte `,` 8-char data ` kg` CR LF,
 * e.g. `ST,GS,1\xC4,000013.5 kg\r\n`. The lamp byte is >= 0x80 by design, so the frame is
 * handled as bytes. Some CAS models send the A&D form instead; it is accepted too.
 */
import type { ScaleReading } from '../../../../src-shared/devices';
import { isDigit, isPrintable, isUnitText, latin, parseDecimal, parseUnit, SPACE } from './bytes';
import { findAdFrame } from './ad-continuous';
import { LineParser } from './line-parser';
import { type ParsedFrame, type ScaleCodec } from './types';

const COMMA = 0x2c;
/** Frame length without CR LF. */
const BODY = 20;
const MAX_LINE = 40;

export const LAMP = {
  always: 0x80,
  stable: 0x40,
  hold: 0x10,
  printer: 0x08,
  gross: 0x04,
  tare: 0x02,
  zero: 0x01,
} as const;

function decodeCas(buf: Uint8Array, s: number): ParsedFrame | null {
  const h1 = String.fromCharCode(buf[s]!, buf[s + 1]!);
  const h2 = String.fromCharCode(buf[s + 3]!, buf[s + 4]!);
  if (h1 !== 'ST' && h1 !== 'US' && h1 !== 'OL') return null;
  if (h2 !== 'GS' && h2 !== 'NT') return null;
  if (buf[s + 2] !== COMMA || buf[s + 5] !== COMMA || buf[s + 8] !== COMMA || buf[s + 17] !== SPACE) return null;
  if (!isDigit(buf[s + 6]!) || !((buf[s + 7]! & LAMP.always) !== 0)) return null;
  for (let i = s + 9; i < s + BODY; i++) if (!isPrintable(buf[i]!)) return null;
  const us = s + 18;
  const ue = s + BODY;
  if (!isUnitText(buf, us, ue)) return null;
  if (h1 === 'OL') return { type: 'reading', reading: { kind: 'overload' } };
  const value = parseDecimal(buf, s + 9, s + 17);
  if (!value) return null;
  const unit = parseUnit(buf, us, ue);
  // The header is the device's own stability verdict; the lamp byte only mirrors the display.
  const reading: ScaleReading =
    unit === null
      ? { kind: 'error', code: `unit ${latin(buf, us, ue).trim()}` }
      : { kind: 'weight', weight: { ...value, unit }, stable: h1 === 'ST', net: h2 === 'NT' };
  return { type: 'reading', reading };
}

export class Cas22Parser extends LineParser {
  constructor() {
    super(MAX_LINE);
  }

  protected line(buf: Uint8Array, len: number): void {
    // Frames are fixed length and end the line; whatever precedes them is garbage.
    const frame = len >= BODY ? decodeCas(buf, len - BODY) : null;
    if (frame) {
      this.emit(frame);
      return;
    }
    const ad = findAdFrame(buf, len);
    if (ad) this.emit(ad);
  }
}

export const cas22: ScaleCodec = {
  protocol: 'cas22',
  mode: 'continuous',
  maxBufferedBytes: 2 * MAX_LINE,
  createParser: () => new Cas22Parser(),
  commands: {},
  replyTo: () => undefined,
};
