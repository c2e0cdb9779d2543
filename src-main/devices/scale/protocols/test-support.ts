/** Helpers shared by the parser tests (unit and fuzz); not used by the app. */
import { expect, it } from 'vitest';
import type { ScaleReading } from '../../../../src-shared/devices';
import type { FrameParser, ScaleCodec } from './types';

/** Bytes from a string whose chars are all < 0x100 (so '\xC4' is the byte 0xC4). */
export function b(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new RangeError('byte string');
    out[i] = c;
  }
  return out;
}

/** What 7E1 characters look like on a port opened as 8N1: the parity bit lands in bit 7. */
export function as7E1Read8N1(bytes: Uint8Array): Uint8Array {
  return bytes.map((x) => {
    const c = x & 0x7f;
    let ones = 0;
    for (let v = c; v; v >>= 1) ones += v & 1;
    return ones % 2 === 1 ? c | 0x80 : c;
  });
}

export function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

export function noise(n: number, seed: number): Uint8Array {
  const next = xorshift(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = next() & 0xff;
  return out;
}

export function bytewise(p: FrameParser, bytes: Uint8Array): ScaleReading[] {
  const out: ScaleReading[] = [];
  for (let i = 0; i < bytes.length; i++) out.push(...p.push(bytes.subarray(i, i + 1)));
  return out;
}

export function cat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const weight = (
  amount: number,
  decimals: number,
  unit: 'kg' | 'g' | 'lb' = 'kg',
  stable = true,
  net = false,
): ScaleReading => ({ kind: 'weight', weight: { amount, decimals, unit }, stable, net });

/**
 * Checks every parser must pass, given valid frames of its protocol and what each means:
 * fragmentation, garbage between frames, parity-mangled frames, endless garbage.
 */
export function commonParserChecks(codec: ScaleCodec, vectors: [Uint8Array, ScaleReading][]): void {
  const frames = cat(...vectors.map(([f]) => f));
  const expected = vectors.map(([, r]) => r);

  it('reads the frames whole, and byte by byte', () => {
    expect(codec.createParser().push(frames)).toEqual(expected);
    expect(bytewise(codec.createParser(), frames)).toEqual(expected);
  });

  it('drops garbage between frames and resynchronises', () => {
    const parts: Uint8Array[] = [];
    // Half the garbage ends its own line; the rest runs straight into the next frame.
    vectors.forEach(([f], i) => parts.push(noise(23 + i, 77 + i), i % 2 ? b('\r\n') : b(''), f));
    const got = codec.createParser().push(cat(...parts));
    expect(got).toEqual(expected);
  });

  it('never turns a partial frame into a reading', () => {
    const p = codec.createParser();
    for (const [f] of vectors) {
      for (let cut = 1; cut < f.length - 1; cut++) {
        // The head was lost (port opened mid-frame) ...
        p.reset();
        expect(p.push(f.subarray(cut))).toEqual([]);
        // ... or the tail was, and the next frame begins.
        p.reset();
        expect(p.push(cat(f.subarray(0, cut), f))).toEqual([vectors.find(([g]) => g === f)![1]]);
      }
    }
  });

  it('yields nothing from 7E1 frames read by a port set to 8N1', () => {
    const p = codec.createParser();
    for (const [f] of vectors) expect(p.push(as7E1Read8N1(f))).toEqual([]);
  });

  it('keeps its buffer bounded under endless garbage, and still reads the next frame', () => {
    const p = codec.createParser();
    for (let i = 0; i < 200; i++) {
      p.push(noise(997, 1000 + i));
      expect(p.buffered).toBeLessThanOrEqual(codec.maxBufferedBytes);
    }
    const [f, r] = vectors[0]!;
    expect(p.push(cat(b('\r\n'), f))).toEqual([r]);
  });
}
