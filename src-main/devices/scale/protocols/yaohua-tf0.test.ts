import { describe, expect, it } from 'vitest';
import { scaleFrame } from '../../../tools/sim/scale-frames';
import { commonParserChecks, weight } from './test-support';
import { YaohuaTf0Parser, yaohuaTf0 } from './yaohua-tf0';

const DOC = Uint8Array.of(0x02, 0x2b, 0x30, 0x30, 0x32, 0x33, 0x30, 0x30, 0x32, 0x31, 0x38, 0x03);
const unstable = (amount: number, decimals: number) => weight(amount, decimals, 'kg', false);
/** Frames from the scale simulator's own writer (independent of this parser). */
const frame = (r: ReturnType<typeof weight>) => scaleFrame('yaohua-tf0', r)!;

describe('Yaohua tF=0 parser', () => {
  commonParserChecks(yaohuaTf0, [
    [DOC, unstable(2300, 2)],
    [frame(unstable(-5, 1)), unstable(-5, 1)],
    [frame(unstable(999999, 4)), unstable(999999, 4)],
    [frame(unstable(0, 0)), unstable(0, 0)],
  ]);

  it('reads the computed example +23.00 = 02 2B 30 30 32 33 30 30 32 31 38 03 (XOR 0x18)', () => {
    expect(yaohuaTf0.createParser().push(DOC)).toEqual([unstable(2300, 2)]);
  });

  it('drops a frame whose XOR does not match, or is lower-case', () => {
    const p = yaohuaTf0.createParser();
    const bad = DOC.slice();
    bad[10] = 0x39;
    expect(p.push(bad)).toEqual([]);
    const digit = DOC.slice();
    digit[5] = 0x34;
    expect(p.push(digit)).toEqual([]);
    // +0000010: XOR 0x1A, sent as '1' 'A'.
    const f = frame(unstable(1, 0));
    expect([f[9], f[10]]).toEqual([0x31, 0x41]);
    expect(p.push(f)).toEqual([unstable(1, 0)]);
    f[10] = 0x61;
    expect(p.push(f)).toEqual([]);
  });

  it('drops bad decimals, a bad sign or a missing ETX', () => {
    const p = yaohuaTf0.createParser();
    for (const [i, v] of [
      [8, 0x35],
      [1, 0x20],
      [11, 0x0d],
    ] as const) {
      const f = DOC.slice();
      f[i] = v;
      expect(p.push(f)).toEqual([]);
    }
  });

  it('never reports stable: the format has no stability flag', () => {
    expect(yaohuaTf0.createParser().push(frame(weight(2300, 2)))).toEqual([unstable(2300, 2)]);
  });

  it('takes the unit from the settings', () => {
    expect(new YaohuaTf0Parser('g').push(DOC)).toEqual([weight(2300, 2, 'g', false)]);
  });
});
