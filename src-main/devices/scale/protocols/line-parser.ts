import { ByteParser } from './types';
import { CR, LF } from './bytes';

/**
 * Base for CR LF terminated formats. It keeps at most the last `2 * maxLine` bytes of
 * the current line (so endless garbage cannot grow memory; only a line's tail can hold
 * a frame) and hands complete lines, without CR LF, to `line()`. A line that does not
 * end in CR is dropped whole.
 */
export abstract class LineParser extends ByteParser {
  private readonly buf: Uint8Array;
  private len = 0;

  constructor(private readonly maxLine: number) {
    super();
    this.buf = new Uint8Array(2 * maxLine);
  }

  get buffered(): number {
    return this.len;
  }

  reset(): void {
    this.len = 0;
  }

  protected feed(b: number): void {
    if (b === LF) {
      const n = this.len;
      this.len = 0;
      if (n > 0 && this.buf[n - 1] === CR) {
        // Hand over at most maxLine bytes: the same window however the line was chunked.
        const from = Math.max(0, n - 1 - this.maxLine);
        this.line(from === 0 ? this.buf : this.buf.subarray(from), n - 1 - from);
      }
      return;
    }
    if (this.len === this.buf.length) {
      // Amortised O(1): slide half the buffer away at once.
      this.buf.copyWithin(0, this.maxLine);
      this.len = this.maxLine;
    }
    this.buf[this.len++] = b;
  }

  /** `buf[0, len)` is one line (its last `maxLine` bytes at most); find a frame ending at `len`. */
  protected abstract line(buf: Uint8Array, len: number): void;
}

/** Index just after the last byte outside printable ASCII: no frame can start before it. */
export function printableFrom(buf: Uint8Array, len: number): number {
  for (let i = len - 1; i >= 0; i--) {
    const b = buf[i]!;
    if (b < 0x20 || b > 0x7e) return i + 1;
  }
  return 0;
}
