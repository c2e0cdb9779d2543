/**
 * The simulated scales' side of each protocol, written from the protocol
 * facts (shared/docs/devices.md) and nothing else: it shares no code with the
 * app's parsers in src-main/devices/scale/protocols, so a frame that went
 * through the simulator and the app's parser checks one against the other
 * instead of a codec against itself.
 */
import type { ScaleProtocol, ScaleReading, Weight } from '../../../src-shared/devices';

const STX = 0x02;
const ETX = 0x03;
const CR = '\r';
const CRLF = '\r\n';

export const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const join = (...parts: (Uint8Array | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

/** `amount` shifted `decimals` places as text: 1234, 3 -> "1.234"; -5, 2 -> "-0.05". */
function decimalText(amount: number, decimals: number): string {
  const digits = String(Math.abs(amount)).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = decimals > 0 ? '.' + digits.slice(digits.length - decimals) : '';
  return (amount < 0 ? '-' : '') + int + frac;
}

/** The weight in kg or lb with exactly `decimals` decimals, or null when that would lose digits. */
function exactly(w: Weight, unit: 'kg' | 'lb', decimals: number): Weight | null {
  let { amount, decimals: d } = w;
  if (w.unit !== unit) {
    if (unit !== 'kg' || w.unit !== 'g') return null;
    d += 3; // grams to kilograms: move the point
  }
  while (d < decimals) {
    amount *= 10;
    d++;
  }
  while (d > decimals) {
    if (amount % 10 !== 0) return null;
    amount /= 10;
    d--;
  }
  return Number.isSafeInteger(amount) ? { amount, decimals, unit } : null;
}

// --- Mettler Toledo 8217: STX weight [N] CR, or STX ? status CR -------------------------------

/** Status byte bits; bit 6 is always 1, so `@` (0x40) is "no flag". */
export const MT8217_STATUS = { motion: 0x01, over: 0x02, under: 0x04, outsideZero: 0x08, net: 0x20, always: 0x40 };

const mt8217Status = (flags: number) => join([STX, 0x3f, MT8217_STATUS.always | flags], bytes(CR));

function mt8217(r: ScaleReading): Uint8Array | null {
  if (r.kind === 'overload') return mt8217Status(MT8217_STATUS.over);
  if (r.kind === 'underload') return mt8217Status(MT8217_STATUS.under);
  if (r.kind === 'error') {
    if (r.code === 'motion') return mt8217Status(MT8217_STATUS.motion);
    if (r.code === 'outside-zero-range') return mt8217Status(MT8217_STATUS.outsideZero);
    return null;
  }
  // No weight while moving: the status says motion (and net, when a tare is on).
  if (!r.stable) return mt8217Status(MT8217_STATUS.motion | (r.net ? MT8217_STATUS.net : 0));
  // Kilograms WW.WWW, pounds 0WW.WW; nothing below zero (that is the under-zero status).
  const unit = r.weight.unit === 'lb' ? 'lb' : 'kg';
  const w = exactly(r.weight, unit, unit === 'kg' ? 3 : 2);
  if (!w) return null;
  if (w.amount < 0) return mt8217Status(MT8217_STATUS.under);
  const text = decimalText(w.amount, w.decimals).padStart(6, '0');
  if (text.length > 6) return null; // over what the display holds
  return join([STX], bytes(text + (r.net ? 'N' : '') + CR));
}

// --- MT-SICS: "S S     100.00 g" CR LF -----------------------------------------------------------

/** MT-SICS pads the value to a fixed field; readers split on runs of spaces. */
const sicsValue = (w: Weight) => decimalText(w.amount, w.decimals).padStart(10, ' ');

function mtSics(r: ScaleReading): Uint8Array | null {
  switch (r.kind) {
    case 'weight':
      return bytes(`S ${r.stable ? 'S' : 'D'} ${sicsValue(r.weight)} ${r.weight.unit}${CRLF}`);
    case 'overload':
      return bytes(`S +${CRLF}`);
    case 'underload':
      return bytes(`S -${CRLF}`);
    case 'error':
      return ['S I', 'S L', 'ES', 'ET', 'EL'].includes(r.code) ? bytes(r.code + CRLF) : null;
  }
}

/** Replies to zero, tare and clear-tare: `Z A`, `T S <tare> <unit>`, `TAC A`, or the refusal code. */
export function mtSicsAck(command: 'zero' | 'tare' | 'clearTare', code: string, tare?: Weight): Uint8Array {
  if (command === 'tare' && code === 'S') {
    const t = tare ?? { amount: 0, decimals: 3, unit: 'kg' };
    return bytes(`T S ${sicsValue(t)} ${t.unit}${CRLF}`);
  }
  return bytes(`${command === 'zero' ? 'Z' : command === 'tare' ? 'T' : 'TAC'} ${code}${CRLF}`);
}

// --- A&D continuous: "ST,GS,+0012.34kg" CR LF --------------------------------------------------

/** The 8-character data field: sign, zero padding, decimal point; null when it does not fit. */
function signedField(w: Weight, signForPositive: string): string | null {
  const text = decimalText(Math.abs(w.amount), w.decimals);
  const sign = w.amount < 0 ? '-' : signForPositive;
  const field = sign + text.padStart(8 - sign.length, '0');
  return field.length === 8 ? field : null;
}

function adContinuous(r: ScaleReading): Uint8Array | null {
  switch (r.kind) {
    case 'weight': {
      const data = signedField(r.weight, '+');
      const unit = r.weight.unit.padStart(2, ' ');
      return data ? bytes(`${r.stable ? 'ST' : 'US'},${r.net ? 'NT' : 'GS'},${data}${unit}${CRLF}`) : null;
    }
    // Out of range: blank digits. OL over capacity; UL (Dini Argeo's header) under zero.
    case 'overload':
      return bytes(`OL,GS,${' '.repeat(8)}kg${CRLF}`);
    case 'underload':
      return bytes(`UL,GS,${' '.repeat(8)}kg${CRLF}`);
    case 'error':
      return r.code === 'LO' ? bytes(`LO,GS,${' '.repeat(8)}kg${CRLF}`) : null;
  }
}

// --- CAS 22 bytes: "ST,GS," id lamp "," 8-char data " kg" CR LF --------------------------------

export const CAS_LAMP = { always: 0x80, stable: 0x40, hold: 0x10, printer: 0x08, gross: 0x04, tare: 0x02, zero: 0x01 };
/** Device id 01 is sent as the digit '1'. */
const CAS_ID = 0x31;

function cas(header: string, lamp: number, data: string, unit: string): Uint8Array {
  return join(bytes(header + ','), [CAS_ID, lamp], bytes(`,${data} ${unit.padStart(2, ' ')}${CRLF}`));
}

function cas22(r: ScaleReading): Uint8Array | null {
  if (r.kind === 'overload') return cas('OL,GS', CAS_LAMP.always | CAS_LAMP.gross, ' '.repeat(8), 'kg');
  if (r.kind !== 'weight') return null;
  const w = r.weight;
  const data = signedField(w, '');
  if (!data) return null;
  const lamp =
    CAS_LAMP.always |
    (r.stable ? CAS_LAMP.stable : 0) |
    (r.net ? CAS_LAMP.tare : CAS_LAMP.gross) |
    (w.amount === 0 ? CAS_LAMP.zero : 0);
  return cas(`${r.stable ? 'ST' : 'US'},${r.net ? 'NT' : 'GS'}`, lamp, data, w.unit);
}

// --- Yaohua XK3190-A9+ tF=0: STX sign 6 digits decimals XOR-hi XOR-lo ETX ---------------------

const hexChar = (n: number) => (n < 10 ? 0x30 + n : 0x37 + n);

function yaohuaTf0(r: ScaleReading): Uint8Array | null {
  if (r.kind !== 'weight') return null; // the frame has no flags: only a number
  const w = r.weight;
  const digits = String(Math.abs(w.amount));
  if (digits.length > 6 || w.decimals > 4) return null;
  const body = bytes(`${w.amount < 0 ? '-' : '+'}${digits.padStart(6, '0')}${w.decimals}`);
  const xor = body.reduce((x, b) => x ^ b, 0);
  return join([STX], body, [hexChar(xor >> 4), hexChar(xor & 0x0f), ETX]);
}

// --- Yaohua "=" reversed: "=" + 7 characters least significant first + sign ------------------

function yaohuaReversed(r: ScaleReading): Uint8Array | null {
  if (r.kind !== 'weight') return null;
  const w = r.weight;
  const text = decimalText(Math.abs(w.amount), w.decimals).padStart(7, '0');
  if (text.length > 7 || w.decimals > 5) return null;
  return bytes('=' + [...text].reverse().join('') + (w.amount < 0 ? '-' : '0'));
}

const FRAMES: Record<ScaleProtocol, (r: ScaleReading) => Uint8Array | null> = {
  mt8217,
  'mt-sics': mtSics,
  'ad-continuous': adContinuous,
  cas22,
  'yaohua-tf0': yaohuaTf0,
  'yaohua-reversed': yaohuaReversed,
};

/** The bytes a scale speaking `protocol` sends for `reading`, or null when the format cannot say it. */
export function scaleFrame(protocol: ScaleProtocol, reading: ScaleReading): Uint8Array | null {
  return FRAMES[protocol](reading);
}

/** 8217 host commands: single letters, no terminator (W weight, Z zero, T tare, C clear tare). */
export function mt8217Commands(chunk: Uint8Array): ('weight' | 'zero' | 'tare' | 'clearTare')[] {
  const letters: Record<string, 'weight' | 'zero' | 'tare' | 'clearTare'> = {
    W: 'weight',
    Z: 'zero',
    T: 'tare',
    C: 'clearTare',
  };
  return [...chunk].flatMap((b) => {
    const c = letters[String.fromCharCode(b)];
    return c ? [c] : [];
  });
}

/** MT-SICS host commands: upper-case words, parameters space-separated, lines ended by CR LF (or either). */
export class SicsLines {
  private line = '';

  push(chunk: Uint8Array): string[][] {
    const out: string[][] = [];
    for (const b of chunk) {
      if (b === 0x0d || b === 0x0a) {
        const words = this.line.split(' ').filter(Boolean);
        this.line = '';
        if (words.length) out.push(words);
      } else if (this.line.length < 80) this.line += String.fromCharCode(b);
    }
    return out;
  }
}
