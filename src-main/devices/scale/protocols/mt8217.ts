/**
 * Mettler Toledo 8217 (POS scanner-scales), 9600 7E1. The host sends single letters;
 * the scale answers `STX weight [N] CR` (only when the weight is stable) or
 * `STX ? status CR` when it has no weight to give (motion, over capacity, under zero).
 */
import type { ScaleReading } from '../../../../src-shared/devices';
import { ascii, CR, isDigit, STX, SPACE } from './bytes';
import { ByteParser, type CommandOutcome, type ParsedFrame, type ScaleAction, type ScaleCodec } from './types';

const QUESTION = 0x3f;
const N = 0x4e;
const DOT = 0x2e;
/** Longest body between STX and CR we accept: `WW.WWWN` plus some leading spaces. */
const MAX_BODY = 12;

export const STATUS = {
  motion: 1 << 0,
  overCapacity: 1 << 1,
  underZero: 1 << 2,
  outsideZeroRange: 1 << 3,
  centreOfZero: 1 << 4,
  net: 1 << 5,
  /** Bit 6 is always 1 on the wire. */
  always: 1 << 6,
} as const;

export const MOTION_CODE = 'motion';
export const OUTSIDE_ZERO_CODE = 'outside-zero-range';

export function statusReading(status: number): ScaleReading {
  if (status & STATUS.overCapacity) return { kind: 'overload' };
  if (status & STATUS.underZero) return { kind: 'underload' };
  if (status & STATUS.motion) return { kind: 'error', code: MOTION_CODE };
  if (status & STATUS.outsideZeroRange) return { kind: 'error', code: OUTSIDE_ZERO_CODE };
  return { kind: 'error', code: `status-${status.toString(16)}` };
}

export class Mt8217Parser extends ByteParser {
  private readonly body = new Uint8Array(MAX_BODY);
  /** -1: hunting for STX. */
  private len = -1;

  get buffered(): number {
    return Math.max(0, this.len + 1);
  }

  reset(): void {
    this.len = -1;
  }

  protected feed(b: number): void {
    if (b === STX) {
      this.len = 0;
      return;
    }
    if (this.len < 0) return;
    if (b === CR) {
      const frame = decodeBody(this.body, this.len);
      this.len = -1;
      if (frame) this.emit(frame);
      return;
    }
    if (this.len === MAX_BODY) {
      this.len = -1;
      return;
    }
    this.body[this.len++] = b;
  }
}

function decodeBody(body: Uint8Array, len: number): ParsedFrame | null {
  if (len === 2 && body[0] === QUESTION) {
    const s = body[1]!;
    // A 7E1 byte read as 8N1 can carry bit 7; bit 6 is always set by the scale.
    if (s & 0x80 || !(s & STATUS.always)) return null;
    return { type: 'reading', reading: statusReading(s) };
  }
  let end = len;
  const net = end > 0 && body[end - 1] === N;
  if (net) end--;
  let i = 0;
  while (i < end && body[i] === SPACE) i++;
  let amount = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const b = body[i]!;
    if (isDigit(b)) {
      amount = amount * 10 + (b - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (b === DOT && decimals < 0) {
      decimals = 0;
    } else {
      return null;
    }
  }
  // WW.WWW is kilograms, 0WW.WW pounds; anything else has no unit we can trust.
  if (digits === 0 || (decimals !== 3 && decimals !== 2)) return null;
  return {
    type: 'reading',
    reading: {
      kind: 'weight',
      weight: { amount, decimals, unit: decimals === 3 ? 'kg' : 'lb' },
      stable: true,
      net,
    },
  };
}

/**
 * 8217 scales answer Z/T/C with a weight or a status frame: the first frame after the
 * command is its answer. A status frame naming a condition means the command failed.
 */
function replyTo(command: ScaleAction, frame: ParsedFrame): CommandOutcome | undefined {
  if (frame.type !== 'reading') return undefined;
  const r = frame.reading;
  if (r.kind === 'weight') return { ok: true };
  const what = command === 'zero' ? 'zero' : command === 'tare' ? 'tare' : 'clear the tare';
  if (r.kind === 'overload')
    return { ok: false, message: `The scale is over capacity and cannot ${what}: remove the load and try again.` };
  if (r.kind === 'underload') {
    const hint = command === 'zero' ? 'check that the platter sits right' : 'zero the empty scale first';
    return { ok: false, message: `The scale reads below zero and could not ${what}: ${hint}, then try again.` };
  }
  if (r.code === MOTION_CODE)
    return {
      ok: false,
      message: `The weight is not steady, so the scale could not ${what}: wait until it settles and try again.`,
    };
  if (r.code === OUTSIDE_ZERO_CODE && command === 'zero')
    return { ok: false, message: 'The load is outside the zero range: empty the platter and try again.' };
  return { ok: true };
}

export const mt8217: ScaleCodec = {
  protocol: 'mt8217',
  mode: 'polled',
  maxBufferedBytes: MAX_BODY + 1,
  createParser: () => new Mt8217Parser(),
  commands: { poll: ascii('W'), zero: ascii('Z'), tare: ascii('T'), clearTare: ascii('C') },
  replyTo,
};
