/**
 * The simulator's frames against the protocol document's byte examples, and
 * the app's parsers against both: the document's bytes and the simulator's
 * frames for many readings. A parser bug that its own encoder would mirror
 * (the old round trip) is caught here, as the last test shows with a
 * deliberately wrong parser.
 */
import { describe, expect, it } from 'vitest';
import type { ScaleProtocol, ScaleReading } from '../../../src-shared/devices';
import { codecFor } from '../../devices/scale/protocols';
import type { FrameParser } from '../../devices/scale/protocols/types';
import { YaohuaReversedParser } from '../../devices/scale/protocols/yaohua-reversed';
import { mt8217Commands, mtSicsAck, scaleFrame, SicsLines } from './scale-frames';

const hex = (s: string) => Uint8Array.from(s.split(' '), (h) => parseInt(h, 16));
const text = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const kg = (amount: number, decimals: number, stable = true, net = false): ScaleReading => ({
  kind: 'weight',
  weight: { amount, decimals, unit: 'kg' },
  stable,
  net,
});
/** Yaohua frames carry neither a stability flag nor net/gross. */
const bare = (amount: number, decimals: number) => kg(amount, decimals, false, false);

/** Byte examples from shared/docs/devices.md, each with what it means. */
const DOCUMENT: [ScaleProtocol, string, Uint8Array, ScaleReading][] = [
  ['mt8217', '02 30 31 2E 32 33 34 0D = 1.234 kg gross', hex('02 30 31 2E 32 33 34 0D'), kg(1234, 3)],
  ['mt8217', '02 3F 41 0D = in motion', hex('02 3F 41 0D'), { kind: 'error', code: 'motion' }],
  [
    'mt-sics',
    'S S     100.00 g',
    text('S S     100.00 g\r\n'),
    { kind: 'weight', weight: { amount: 10000, decimals: 2, unit: 'g' }, stable: true, net: false },
  ],
  ['ad-continuous', 'ST,NT,+0012.34kg', text('ST,NT,+0012.34kg\r\n'), kg(1234, 2, true, true)],
  ['cas22', 'ST,GS,1?,000013.5 kg', text('ST,GS,1\xc4,000013.5 kg\r\n'), kg(135, 1)],
  ['yaohua-tf0', '+23.00 (computed)', hex('02 2B 30 30 32 33 30 30 32 31 38 03'), bare(2300, 2)],
  ['yaohua-reversed', '3.000 -> =000.3000', text('=000.3000'), bare(3000, 3)],
  ['yaohua-reversed', '-1.00 -> =00.1000-', text('=00.1000-'), bare(-100, 2)],
];

const parse = (protocol: ScaleProtocol, bytes: Uint8Array) => codecFor(protocol).createParser().push(bytes);

describe('scale simulator frames, from the protocol document', () => {
  it('writes the details the document gives for each format', () => {
    // 8217: net marked N; no weight while moving or over capacity, a status instead; kg WW.WWW, lb 0WW.WW.
    expect(scaleFrame('mt8217', kg(0, 3, true, true))).toEqual(text('\x0200.000N\r'));
    expect(scaleFrame('mt8217', kg(1234, 3, false))).toEqual(text('\x02?A\r'));
    expect(scaleFrame('mt8217', { kind: 'overload' })).toEqual(text('\x02?B\r'));
    expect(scaleFrame('mt8217', kg(-5, 3))).toEqual(text('\x02?D\r'));
    const lb = { kind: 'weight', weight: { amount: 150, decimals: 2, unit: 'lb' }, stable: true, net: false } as const;
    expect(scaleFrame('mt8217', lb)).toEqual(text('\x02001.50\r'));
    // A&D: 18 bytes, sign and point in the 8-character field.
    const g = { kind: 'weight', weight: { amount: -5, decimals: 3, unit: 'g' }, stable: false, net: false } as const;
    expect(scaleFrame('ad-continuous', g)).toEqual(text('US,GS,-000.005 g\r\n'));
    expect(scaleFrame('ad-continuous', kg(1234, 2))!.length).toBe(18);
    expect(scaleFrame('ad-continuous', kg(123_456_789, 0))).toBeNull();
    // CAS: 22 bytes, lamp byte >= 0x80 with stable, gross/tare and zero bits.
    expect(scaleFrame('cas22', kg(135, 1))!.length).toBe(22);
    expect(scaleFrame('cas22', kg(0, 1))![7]).toBe(0xc5);
    expect(scaleFrame('cas22', kg(135, 1, false, true))![7]).toBe(0x82);
    expect(scaleFrame('cas22', { kind: 'underload' })).toBeNull();
    // tF=0: XOR 0x1A of +0000010 is sent as the characters '1' 'A'.
    expect([...scaleFrame('yaohua-tf0', bare(1, 0))!.subarray(9, 11)]).toEqual([0x31, 0x41]);
  });

  it.each(DOCUMENT)('%s: %s', (protocol, _what, bytes, reading) => {
    const frame = scaleFrame(protocol, reading)!;
    if (protocol === 'cas22') {
      // The document leaves the lamp byte open ("1?"): bit 7 always, bit 6 stable, bit 2 gross.
      expect([...frame.subarray(0, 7), ...frame.subarray(8)]).toEqual([...bytes.subarray(0, 7), ...bytes.subarray(8)]);
      expect(frame[7]! & 0xc4).toBe(0xc4);
    } else expect([...frame]).toEqual([...bytes]);
    // ... and the app reads the document's bytes as the document says.
    expect(parse(protocol, bytes)).toEqual([reading]);
  });

  it('answers host commands as the document writes them', () => {
    expect(mt8217Commands(text('WxZTC'))).toEqual(['weight', 'zero', 'tare', 'clearTare']);
    const lines = new SicsLines();
    expect(lines.push(text('S'))).toEqual([]);
    expect(lines.push(text('I\r\nTAC\r\n'))).toEqual([['SI'], ['TAC']]);
    expect(mtSicsAck('tare', 'S', { amount: 500, decimals: 3, unit: 'kg' })).toEqual(text('T S      0.500 kg\r\n'));
    expect(mtSicsAck('zero', 'I')).toEqual(text('Z I\r\n'));
    const sics = new SicsLines();
    expect(sics.push(text('SI\r\nZ\r'))).toEqual([['SI'], ['Z']]);
    expect(sics.push(text('\nTA'))).toEqual([]);
    expect(sics.push(text('C\r\n'))).toEqual([['TAC']]);
    expect(mtSicsAck('clearTare', 'A')).toEqual(text('TAC A\r\n'));
    // Formats that cannot say a condition have no frame for it.
    expect(scaleFrame('yaohua-tf0', { kind: 'overload' })).toBeNull();
    expect(scaleFrame('mt8217', kg(100_000, 3))).toBeNull();
  });
});

/** What the app's parser makes of the simulator's frames for `readings`: mismatches, as text. */
function crossCheck(protocol: ScaleProtocol, parser: () => FrameParser, readings: ScaleReading[]): string[] {
  const wrong: string[] = [];
  for (const r of readings) {
    const frame = scaleFrame(protocol, r);
    if (!frame) continue;
    const got = parser().push(frame);
    if (JSON.stringify(got) !== JSON.stringify([r])) wrong.push(`${JSON.stringify(r)} read as ${JSON.stringify(got)}`);
  }
  return wrong;
}

const weights = (f: (amount: number, decimals: number) => ScaleReading) =>
  [0, 1, 7, 42, 1234, 5000, 12_345, 99_999, 123_456].flatMap((a) => [0, 1, 2, 3].map((d) => f(a, d)));

describe("the app's parsers read the simulator's frames", () => {
  it.each([
    ['ad-continuous', (a: number, d: number) => kg(a % 2 ? -a : a, d, a % 3 === 0, a % 2 === 0)],
    ['cas22', (a: number, d: number) => kg(a, d, a % 3 !== 0, a % 2 === 1)],
    ['mt-sics', (a: number, d: number) => kg(a % 2 ? -a : a, d, a % 3 === 0, false)],
    ['yaohua-tf0', (a: number, d: number) => bare(a % 2 ? -a : a, d)],
    ['yaohua-reversed', (a: number, d: number) => bare(a % 2 ? -a : a, d)],
  ] as const)('%s', (protocol, f) => {
    expect(crossCheck(protocol, () => codecFor(protocol).createParser(), weights(f))).toEqual([]);
  });

  it('a deliberately wrong parser is caught (its own encoder would have agreed with it)', () => {
    // The classic mistake: reading the "=" format most significant digit first, like every other format.
    class MostSignificantFirst extends YaohuaReversedParser {
      override push(chunk: Uint8Array): ScaleReading[] {
        const reversed =
          chunk.length === 9 ? Uint8Array.of(chunk[0]!, ...[...chunk.subarray(1, 8)].reverse(), chunk[8]!) : chunk;
        return super.push(reversed);
      }
    }
    const wrong = crossCheck('yaohua-reversed', () => new MostSignificantFirst(), weights(bare));
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong).toContain(`${JSON.stringify(bare(1234, 3))} read as ${JSON.stringify([bare(432_100, 3)])}`);
    // A round trip through an encoder that makes the same mistake (what a codec checked against itself is) passes.
    const sameMistake = (r: ScaleReading) => {
      const f = scaleFrame('yaohua-reversed', r)!;
      return Uint8Array.of(f[0]!, ...[...f.subarray(1, 8)].reverse(), f[8]!);
    };
    for (const r of weights(bare)) expect(new MostSignificantFirst().push(sameMistake(r))).toEqual([r]);
    // The document's own example catches it as well.
    expect(new MostSignificantFirst().push(text('=000.3000'))).not.toEqual([bare(3000, 3)]);
  });
});
