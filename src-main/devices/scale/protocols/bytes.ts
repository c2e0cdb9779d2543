import type { WeightUnit } from '../../../../src-shared/devices';

export const STX = 0x02;
export const ETX = 0x03;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
const DOT = 0x2e;
const PLUS = 0x2b;
const MINUS = 0x2d;

/** Longest digit run accepted: keeps amounts exact (< 2^53). */
const MAX_DIGITS = 12;
const MAX_DECIMALS = 6;

export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new RangeError(`not ASCII: ${JSON.stringify(s)}`);
    out[i] = c;
  }
  return out;
}

/** Decodes bytes already validated as printable ASCII (for codes in error readings). */
export function latin(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

export const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;
export const isPrintable = (b: number): boolean => b >= 0x20 && b <= 0x7e;

export interface Decimal {
  amount: number;
  decimals: number;
}

/**
 * Parses `spaces* [+|-] spaces* digits [. digits]` spanning exactly [start, end).
 * Manual digit arithmetic: no float ever holds the weight.
 */
export function parseDecimal(buf: Uint8Array, start: number, end: number): Decimal | null {
  let i = start;
  while (i < end && buf[i] === SPACE) i++;
  let neg = false;
  if (i < end && (buf[i] === PLUS || buf[i] === MINUS)) {
    neg = buf[i] === MINUS;
    i++;
    while (i < end && buf[i] === SPACE) i++;
  }
  let amount = 0;
  let intDigits = 0;
  let fracDigits = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const b = buf[i]!;
    if (isDigit(b)) {
      amount = amount * 10 + (b - 0x30);
      if (seenDot) fracDigits++;
      else intDigits++;
    } else if (b === DOT && !seenDot) {
      seenDot = true;
    } else {
      return null;
    }
  }
  if (intDigits === 0 || (seenDot && fracDigits === 0)) return null;
  if (intDigits + fracDigits > MAX_DIGITS || fracDigits > MAX_DECIMALS) return null;
  return { amount: neg && amount !== 0 ? -amount : amount, decimals: fracDigits };
}

/** Trims spaces and maps the unit text; null for a unit we do not weigh in (or junk). */
export function parseUnit(buf: Uint8Array, start: number, end: number): WeightUnit | null {
  let s = start;
  let e = end;
  while (s < e && buf[s] === SPACE) s++;
  while (e > s && buf[e - 1] === SPACE) e--;
  const n = e - s;
  const a = buf[s];
  const b = buf[s + 1];
  if (n === 1 && a === 0x67) return 'g';
  if (n === 2 && a === 0x6b && b === 0x67) return 'kg';
  if (n === 2 && a === 0x6c && b === 0x62) return 'lb';
  return null;
}

/** True when [start, end) holds a plausible unit word (letters, %, spaces): the frame is well formed. */
export function isUnitText(buf: Uint8Array, start: number, end: number): boolean {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x25) letters++;
    else if (b !== SPACE) return false;
  }
  return letters > 0;
}

/** Upper-case ASCII hex digit value, or -1. */
export function hexValue(b: number): number {
  if (isDigit(b)) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}
