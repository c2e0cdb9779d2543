/**
 * Yaohua XK3190-A9+ continuous output (tF=0), 12 bytes:
 *   STX sign 6-digits decimals-count XOR-hi XOR-lo ETX
 * XOR covers sign..decimals; each nibble is sent as an upper-case ASCII hex digit.
 * The frame carries no stability flag and no unit: readings are never stable and the
 * unit comes from the settings.
 */
import type { ScaleReading, WeightUnit } from '../../../../src-shared/devices';
import { ETX, hexValue, isDigit, STX } from './bytes';
import { ByteParser, type ParserOptions, type ScaleCodec } from './types';

const FRAME = 12;
const PLUS = 0x2b;
const MINUS = 0x2d;

export function xorOf(bytes: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

export class YaohuaTf0Parser extends ByteParser {
  private readonly frame = new Uint8Array(FRAME);
  /** 0: hunting for STX. */
  private len = 0;

  constructor(private readonly unit: WeightUnit = 'kg') {
    super();
  }

  get buffered(): number {
    return this.len;
  }

  reset(): void {
    this.len = 0;
  }

  protected feed(b: number): void {
    // STX never occurs inside a frame, so it always starts a new one.
    if (b === STX) {
      this.frame[0] = b;
      this.len = 1;
      return;
    }
    if (this.len === 0) return;
    this.frame[this.len++] = b;
    if (this.len < FRAME) return;
    this.len = 0;
    const reading = this.decode();
    if (reading) this.emit({ type: 'reading', reading });
  }

  private decode(): ScaleReading | null {
    const f = this.frame;
    if (f[11] !== ETX) return null;
    const sign = f[1];
    if (sign !== PLUS && sign !== MINUS) return null;
    let amount = 0;
    for (let i = 2; i < 8; i++) {
      const b = f[i]!;
      if (!isDigit(b)) return null;
      amount = amount * 10 + (b - 0x30);
    }
    const decimals = f[8]! - 0x30;
    if (decimals < 0 || decimals > 4) return null;
    const hi = hexValue(f[9]!);
    const lo = hexValue(f[10]!);
    if (hi < 0 || lo < 0 || ((hi << 4) | lo) !== xorOf(f, 1, 9)) return null;
    if (sign === MINUS && amount !== 0) amount = -amount;
    return { kind: 'weight', weight: { amount, decimals, unit: this.unit }, stable: false, net: false };
  }
}

export const yaohuaTf0: ScaleCodec = {
  protocol: 'yaohua-tf0',
  mode: 'continuous',
  maxBufferedBytes: FRAME,
  createParser: (opts?: ParserOptions) => new YaohuaTf0Parser(opts?.unit),
  commands: {},
  replyTo: () => undefined,
};
