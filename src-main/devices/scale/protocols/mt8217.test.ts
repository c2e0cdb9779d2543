import { describe, expect, it } from 'vitest';
import { mt8217, MOTION_CODE } from './mt8217';
import { b, commonParserChecks, weight } from './test-support';

describe('8217 parser', () => {
  commonParserChecks(mt8217, [
    [b('\x0201.234\r'), weight(1234, 3)],
    [b('\x0201.234N\r'), weight(1234, 3, 'kg', true, true)],
    [b('\x02001.50\r'), weight(150, 2, 'lb')],
    [b('\x02?A\r'), { kind: 'error', code: MOTION_CODE }],
    [b('\x02?B\r'), { kind: 'overload' }],
    [b('\x02?D\r'), { kind: 'underload' }],
    [b('\x02?H\r'), { kind: 'error', code: 'outside-zero-range' }],
  ]);

  it('reads the manual example 02 30 31 2E 32 33 34 0D as 1.234 kg gross, stable', () => {
    const p = mt8217.createParser();
    expect(p.push(Uint8Array.of(0x02, 0x30, 0x31, 0x2e, 0x32, 0x33, 0x34, 0x0d))).toEqual([weight(1234, 3)]);
  });

  it('tolerates leading spaces like the common regex, and nothing else', () => {
    const p = mt8217.createParser();
    expect(p.push(b('\x02 1.234\r'))).toEqual([weight(1234, 3)]);
    expect(p.push(b('\x0201.23X\r\x02\r\x0212345\r\x021.2345\r\x02N\r\x02?\r\x02?AB\r'))).toEqual([]);
  });

  it('never reports stable from a status frame, whatever its bits', () => {
    const p = mt8217.createParser();
    for (let s = 0x40; s < 0x80; s++) {
      for (const r of p.push(Uint8Array.of(0x02, 0x3f, s, 0x0d))) expect(r.kind).not.toBe('weight');
    }
  });

  it('drops a status byte without bit 6 or with bit 7 (parity) set', () => {
    const p = mt8217.createParser();
    expect(p.push(Uint8Array.of(0x02, 0x3f, 0x01, 0x0d))).toEqual([]);
    expect(p.push(Uint8Array.of(0x02, 0x3f, 0xc1, 0x0d))).toEqual([]);
  });

  it('host commands are the single letters W Z T C', () => {
    expect(mt8217.commands).toEqual({ poll: b('W'), zero: b('Z'), tare: b('T'), clearTare: b('C') });
  });

  it('takes the first frame after Z/T/C as the answer and explains a refusal', () => {
    expect(mt8217.replyTo('tare', { type: 'reading', reading: weight(0, 3, 'kg', true, true) })).toEqual({ ok: true });
    const motion = mt8217.replyTo('zero', { type: 'reading', reading: { kind: 'error', code: MOTION_CODE } });
    expect(motion).toMatchObject({ ok: false, message: expect.stringMatching(/settles/) });
    const over = mt8217.replyTo('tare', { type: 'reading', reading: { kind: 'overload' } });
    expect(over).toMatchObject({ ok: false, message: expect.stringMatching(/remove the load/) });
  });
});
