/**
 * Yaohua "=" reversed continuous format, 9 bytes, no terminator:
 *   `=` + 7 weight characters (decimal point included) least significant first + sign (`0` or `-`)
 * e.g. 3.000 -> `=000.3000`, -1.00 -> `=00.1000-`. No stability flag and no unit.
 */
import type { ScaleReading, WeightUnit } from '../../../../src-shared/devices';
import { isDigit } from './bytes';
import { ByteParser, type ParserOptions, type ScaleCodec } from './types';

const EQ = 0x3d;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;
const FRAME = 9;

export class YaohuaReversedParser extends ByteParser {
  private readonly frame = new Uint8Array(FRAME);
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
    // '=' never occurs inside a frame: it always starts a new one.
    if (b === EQ) {
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
    const sign = f[8];
    if (sign !== ZERO && sign !== MINUS) return null;
    let amount = 0;
    let decimals = 0;
    // Most significant character is the last of the seven.
    for (let i = 7; i >= 1; i--) {
      const b = f[i]!;
      if (isDigit(b)) amount = amount * 10 + (b - 0x30);
      // The point needs a digit on each side; only one is allowed.
      else if (b === DOT && decimals === 0 && i > 1 && i < 7) decimals = i - 1;
      else return null;
    }
    if (sign === MINUS && amount !== 0) amount = -amount;
    return { kind: 'weight', weight: { amount, decimals, unit: this.unit }, stable: false, net: false };
  }
}

export const yaohuaReversed: ScaleCodec = {
  protocol: 'yaohua-reversed',
  mode: 'continuous',
  maxBufferedBytes: FRAME,
  createParser: (opts?: ParserOptions) => new YaohuaReversedParser(opts?.unit),
  commands: {},
  replyTo: () => undefined,
};
