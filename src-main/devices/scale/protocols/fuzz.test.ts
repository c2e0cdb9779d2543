/**
 * Property-based fuzzing of every scale parser: 1,000,000+ seeded byte streams in
 * total (a fast PRNG loop), plus fast-check properties that shrink to a minimal
 * failing stream. Streams are built from valid frames, random garbage and
 * random chunk splits, or are pure noise / mutated frames. The valid frames come
 * from the scale simulator's own frame writer (written from the protocol
 * document, sharing no code with these parsers), so a parser and an encoder
 * cannot agree on the same mistake.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SCALE_PROTOCOLS,
  type ScaleProtocol,
  type ScaleReading,
  type WeightUnit,
} from '../../../../src-shared/devices';
import { scaleFrame } from '../../../tools/sim/scale-frames';
import { codecFor } from './index';
import { MOTION_CODE } from './mt8217';
import { xorshift } from './test-support';
import type { FrameParser, ScaleCodec } from './types';
import { xorOf } from './yaohua-tf0';

const STREAMS_PER_PARSER = 170_000;
let totalStreams = 0;
let parsersFuzzed = 0;

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng() % xs.length]!;
const range = (rng: Rng, lo: number, hi: number): number => lo + (rng() % (hi - lo + 1));

/** Random readings each protocol can express (the simulator's frame writer skips anything else). */
function randomReading(protocol: ScaleProtocol, rng: Rng, stableAllowed = true): ScaleReading {
  const stable = stableAllowed && rng() % 2 === 0;
  const net = rng() % 3 === 0;
  const roll = rng() % 10;
  const mag = [9, 99, 999, 9999, 99_999, 999_999, 9_999_999][rng() % 7]!;
  const signed = (max: number) => {
    const v = rng() % (max + 1);
    return rng() % 4 === 0 ? -v || 0 : v;
  };
  const units: WeightUnit[] = ['kg', 'g', 'lb'];
  switch (protocol) {
    case 'mt8217':
      if (roll === 0) return { kind: 'overload' };
      if (roll === 1) return { kind: 'underload' };
      if (roll === 2) return { kind: 'error', code: MOTION_CODE };
      return rng() % 4 === 0
        ? { kind: 'weight', weight: { amount: rng() % 100_000, decimals: 2, unit: 'lb' }, stable, net }
        : { kind: 'weight', weight: { amount: rng() % 100_000, decimals: 3, unit: 'kg' }, stable, net };
    case 'mt-sics':
      if (roll === 0) return { kind: 'overload' };
      if (roll === 1) return { kind: 'underload' };
      if (roll === 2) return { kind: 'error', code: 'S I' };
      return {
        kind: 'weight',
        weight: { amount: signed(mag), decimals: range(rng, 0, 5), unit: pick(rng, units) },
        stable,
        net: false,
      };
    case 'ad-continuous':
    case 'cas22':
      if (roll === 0) return { kind: 'overload' };
      if (roll === 1 && protocol === 'ad-continuous') return { kind: 'underload' };
      return {
        kind: 'weight',
        weight: { amount: signed(mag), decimals: range(rng, 0, 4), unit: pick(rng, units) },
        stable,
        net,
      };
    case 'yaohua-tf0':
    case 'yaohua-reversed':
      return {
        kind: 'weight',
        weight: { amount: signed(mag), decimals: range(rng, 0, 4), unit: 'kg' },
        stable: false,
        net: false,
      };
  }
}

export function readingKey(r: ScaleReading): string {
  if (r.kind === 'weight') return `w|${r.weight.amount}|${r.weight.decimals}|${r.weight.unit}|${r.stable}|${r.net}`;
  return r.kind === 'error' ? `e|${r.code}` : r.kind;
}

interface PoolFrame {
  bytes: Uint8Array;
  /** What the frame decodes to on its own. */
  reading: ScaleReading;
  key: string;
}

function sameReading(a: ScaleReading, b: ScaleReading): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'weight' && b.kind === 'weight')
    return a.stable === b.stable && a.net === b.net && sameWeightReading(a, b);
  return a.kind !== 'error' || (b.kind === 'error' && a.code === b.code);
}

function sameReadings(a: ScaleReading[], b: readonly ScaleReading[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameReading(a[i]!, b[i]!)) return false;
  return true;
}

function sameWeightReading(a: ScaleReading, b: ScaleReading): boolean {
  if (a.kind !== 'weight' || b.kind !== 'weight') return false;
  return (
    a.weight.amount === b.weight.amount && a.weight.decimals === b.weight.decimals && a.weight.unit === b.weight.unit
  );
}

/** Encodes N random readings once; decodes each alone to learn what it must yield. */
function framePool(codec: ScaleCodec, rng: Rng, n: number, stableAllowed: boolean): PoolFrame[] {
  const out: PoolFrame[] = [];
  while (out.length < n) {
    const r = randomReading(codec.protocol, rng, stableAllowed);
    const bytes = scaleFrame(codec.protocol, r);
    if (!bytes) continue;
    const got = codec.createParser().push(bytes);
    const d = got[0];
    // 8217 has no weight while in motion: it sends the motion status instead.
    const ok =
      got.length === 1 &&
      d !== undefined &&
      (r.kind === 'weight'
        ? d.kind === 'weight'
          ? sameWeightReading(d, r) && (!d.stable || r.stable)
          : codec.protocol === 'mt8217' && !r.stable && d.kind === 'error'
        : readingKey(d) === readingKey(r));
    if (!ok) expect(got, `${codec.protocol} round trip of ${JSON.stringify(r)}`).toEqual([r]);
    out.push({ bytes, reading: d!, key: readingKey(d!) });
  }
  return out;
}

/** Pushes `bytes` in random chunks, checking the buffer bound after every push. */
function pushSplit(p: FrameParser, codec: ScaleCodec, bytes: Uint8Array, rng: Rng, out: ScaleReading[]): void {
  let i = 0;
  while (i < bytes.length) {
    const n = rng() % 3 === 0 ? 1 : 1 + (rng() % 24);
    for (const r of p.push(bytes.subarray(i, i + n))) out.push(r);
    if (p.buffered > codec.maxBufferedBytes) throw new Error(`buffer ${p.buffered} > ${codec.maxBufferedBytes}`);
    i += n;
  }
}

function isSubsequence(got: string[], want: string[]): boolean {
  let j = 0;
  for (const k of got) {
    while (j < want.length && want[j] !== k) j++;
    if (j === want.length) return false;
    j++;
  }
  return true;
}

function wellFormed(r: ScaleReading): boolean {
  if (r.kind !== 'weight') return true;
  const w = r.weight;
  return Number.isSafeInteger(w.amount) && Number.isInteger(w.decimals) && w.decimals >= 0 && w.decimals <= 6;
}

/**
 * Formats with a single encoding per reading (the Yaohua ones; -0 aside): a reading
 * drawn from noise or mutated frames must come from those exact bytes in the stream.
 */
function canonicalFrames(codec: ScaleCodec, r: ScaleReading): Uint8Array[] | null {
  if (codec.protocol !== 'yaohua-tf0' && codec.protocol !== 'yaohua-reversed') return null;
  const f = scaleFrame(codec.protocol, r)!;
  if (r.kind !== 'weight' || r.weight.amount !== 0) return [f];
  const negativeZero = f.slice();
  if (codec.protocol === 'yaohua-reversed') negativeZero[8] = 0x2d;
  else {
    negativeZero[1] = 0x2d;
    const x = xorOf(negativeZero, 1, 9);
    negativeZero[9] = hexDigit(x >> 4);
    negativeZero[10] = hexDigit(x & 0x0f);
  }
  return [f, negativeZero];
}

function contains(stream: Uint8Array, frame: Uint8Array): boolean {
  outer: for (let i = 0; i + frame.length <= stream.length; i++) {
    for (let j = 0; j < frame.length; j++) if (stream[i + j] !== frame[j]) continue outer;
    return true;
  }
  return false;
}

/** An upper-case hex digit as the Yaohua frames send it. */
const hexDigit = (n: number) => (n < 10 ? 0x30 + n : 0x37 + n);

const buf = new Uint8Array(4096);

describe.each(SCALE_PROTOCOLS.map((p) => [p]))('%s parser under fuzzing', (protocol) => {
  const codec = codecFor(protocol);
  const seed = 0x9e3779b9 ^ (protocol.length * 7919 + protocol.charCodeAt(0));
  const rng = xorshift(seed);
  const pool = framePool(codec, rng, 1500, true);
  const unstablePool = framePool(codec, rng, 500, false);
  // Bytes the protocol uses, for noise that looks almost like frames.
  const alphabet = [...new Set(pool.flatMap((f) => [...f.bytes]))];

  it(`${STREAMS_PER_PARSER.toLocaleString('en')} seeded streams: no throw, bounded buffer, only sent readings`, () => {
    const parser = codec.createParser();
    const whole = codec.createParser();
    for (let s = 0; s < STREAMS_PER_PARSER; s++) {
      parser.reset();
      const kind = s % 5;
      let len = 0;
      const want: ScaleReading[] = [];
      if (kind <= 2) {
        // 0: clean frames; 1, 2: frames with uniform random garbage around them. 3: only unstable frames.
        const frames = range(rng, 0, 6);
        for (let f = 0; f < frames; f++) {
          const garbage = kind === 0 ? 0 : rng() % 2 ? rng() % 17 : 0;
          for (let g = 0; g < garbage; g++) buf[len++] = rng() & 0xff;
          const fr = pick(rng, pool);
          buf.set(fr.bytes, len);
          len += fr.bytes.length;
          want.push(fr.reading);
        }
        if (kind !== 0) for (let g = rng() % 9; g > 0; g--) buf[len++] = rng() & 0xff;
      } else if (kind === 3) {
        const frames = range(rng, 1, 6);
        for (let f = 0; f < frames; f++) {
          for (let g = rng() % 2 ? rng() % 17 : 0; g > 0; g--) buf[len++] = rng() & 0xff;
          const fr = pick(rng, unstablePool);
          buf.set(fr.bytes, len);
          len += fr.bytes.length;
        }
      } else {
        // Noise: uniform, or built from the protocol's own bytes, or mutated frames.
        len = range(rng, 0, 160);
        const mode = rng() % 3;
        for (let i = 0; i < len; i++) buf[i] = mode === 0 ? rng() & 0xff : pick(rng, alphabet);
        if (mode === 2) {
          len = 0;
          for (let f = range(rng, 1, 5); f > 0; f--) {
            const fr = pick(rng, pool).bytes;
            buf.set(fr, len);
            len += fr.length;
          }
          for (let m = range(rng, 1, 4); m > 0; m--) {
            const at = rng() % len;
            const op = rng() % 3;
            if (op === 0) buf[at] = rng() & 0xff;
            else if (op === 1) buf[at] = pick(rng, alphabet);
            else buf[at] = buf[rng() % len]!;
          }
        }
      }
      const stream = buf.subarray(0, len);
      const got: ScaleReading[] = [];
      pushSplit(parser, codec, stream, rng, got);
      if (kind <= 2) {
        // Uniform garbage (seeded, so this is deterministic) never hides a frame nor forges one.
        if (!sameReadings(got, want)) {
          const keys = got.map(readingKey);
          const wanted = want.map(readingKey);
          expect(isSubsequence(keys, wanted), `stream #${s} yields a reading never sent`).toBe(true);
          expect(keys, `stream #${s} lost a frame`).toEqual(wanted);
        }
      } else if (kind === 3) {
        if (got.some((r) => r.kind === 'weight' && r.stable))
          expect.fail(`stream #${s}: unstable frames yielded stable`);
      } else {
        if (!got.every(wellFormed)) expect.fail(`stream #${s}: malformed reading ${JSON.stringify(got)}`);
        for (const r of got) {
          const frames = canonicalFrames(codec, r);
          if (frames && !frames.some((f) => contains(stream, f)))
            expect.fail(`stream #${s}: ${JSON.stringify(r)} is not in the bytes`);
        }
        // Chunk boundaries must not matter.
        whole.reset();
        const once = whole.push(stream);
        if (!sameReadings(got, once)) expect(got, `stream #${s} depends on chunking`).toEqual(once);
      }
    }
    totalStreams += STREAMS_PER_PARSER;
    parsersFuzzed++;
  });

  it('fast-check: frames, garbage and splits yield only sent readings, in order', () => {
    const runs = 2000;
    const arbItem = fc.oneof(
      fc.nat({ max: pool.length - 1 }).map((i) => ({ frame: i })),
      fc.uint8Array({ maxLength: 24 }).map((garbage) => ({ garbage })),
    );
    fc.assert(
      fc.property(
        fc.array(arbItem, { maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1 }),
        (items, splits) => {
          const parts: Uint8Array[] = [];
          const want: string[] = [];
          for (const it of items) {
            if ('frame' in it) {
              parts.push(pool[it.frame]!.bytes);
              want.push(pool[it.frame]!.key);
            } else parts.push(it.garbage);
          }
          const stream = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let o = 0;
          for (const p of parts) {
            stream.set(p, o);
            o += p.length;
          }
          const parser = codec.createParser();
          const got: string[] = [];
          let i = 0;
          let k = 0;
          while (i < stream.length) {
            const n = splits[k++ % splits.length]!;
            for (const r of parser.push(stream.subarray(i, i + n))) got.push(readingKey(r));
            i += n;
          }
          return isSubsequence(got, want) && parser.buffered <= codec.maxBufferedBytes;
        },
      ),
      { numRuns: runs, seed: seed | 0 },
    );
    totalStreams += runs;
  });

  it('fast-check: arbitrary bytes never throw and never grow the buffer', () => {
    const runs = 1000;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const p = codec.createParser();
        p.push(bytes);
        return p.buffered <= codec.maxBufferedBytes;
      }),
      { numRuns: runs, seed: (seed + 1) | 0 },
    );
    totalStreams += runs;
  });
});

afterAll(() => {
  // At least a million streams across the parsers (checked when the whole file ran, not a -t subset).
  if (parsersFuzzed === SCALE_PROTOCOLS.length) expect(totalStreams).toBeGreaterThanOrEqual(1_000_000);
});
