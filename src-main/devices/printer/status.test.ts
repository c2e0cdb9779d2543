import { describe, expect, it } from 'vitest';
import {
  describeFaults,
  parseTsplExtendedStatus,
  parseTsplStatusByte,
  parseZplHostStatus,
  statusQuery,
  tsplIsPrinting,
} from './status';

const zpl = (l1: string, l2: string, l3 = '1234,0') =>
  Buffer.from([l1, l2, l3].map((l) => `\x02${l}\x03\r\n`).join(''), 'latin1');
const L1 = (b = 0, c = 0, f = 0, j = 0, k = 0, l = 0) => `030,${b},${c},0240,000,${f},0,0,000,${j},${k},${l}`;
const L2 = (o = 0, p = 0) => `000,0,${o},${p},0,2,6,0,00000000,1,000`;

describe('TSPL ESC ! ? status byte', () => {
  it.each([
    [0x01, 'head_open'],
    [0x02, 'paper_jam'],
    [0x04, 'paper_out'],
    [0x08, 'ribbon_out'],
    [0x10, 'paused'],
    [0x40, 'cover_open'],
    [0x80, 'over_temp'],
  ] as const)('bit 0x%s -> %s', (byte, fault) => {
    expect(parseTsplStatusByte(byte)).toEqual({ ready: false, faults: [fault] });
  });

  it('0x00 is ready; printing (bit 5) is not a fault', () => {
    expect(parseTsplStatusByte(0x00)).toEqual({ ready: true, faults: [] });
    expect(parseTsplStatusByte(0x20)).toEqual({ ready: true, faults: [] });
    expect(tsplIsPrinting(0x20)).toBe(true);
    expect(tsplIsPrinting(0x04)).toBe(false);
  });

  it('several bits at once', () => {
    expect(parseTsplStatusByte(0x05)).toEqual({ ready: false, faults: ['head_open', 'paper_out'] });
    expect(parseTsplStatusByte(0xff).faults).toHaveLength(7);
  });
});

describe('TSPL ESC ! S extended status', () => {
  const ext = (c3: string, c4: string) => Buffer.from(`\x02@@${c3}${c4}\x03\r\n`, 'latin1');
  it.each([
    ['@', '@', []],
    ['@', 'A', ['paper_out']],
    ['@', 'B', ['paper_jam']],
    ['@', 'D', ['ribbon_out']],
    ['@', '`', ['head_open']],
    ['@', 'a', ['paper_out', 'head_open']],
    ['A', '@', ['over_temp']],
    ['H', '@', ['other']],
  ])('3rd %s, 4th %s', (c3, c4, faults) => {
    expect(parseTsplExtendedStatus(ext(c3, c4))).toEqual({ ready: faults.length === 0, faults });
  });

  it('rejects what is not an answer', () => {
    expect(parseTsplExtendedStatus(Buffer.from('\x02@@@'))).toBeNull();
    expect(parseTsplExtendedStatus(Buffer.from('hello!'))).toBeNull();
  });
});

describe('ZPL ~HS host status', () => {
  it('ready', () => {
    expect(parseZplHostStatus(zpl(L1(), L2()))).toEqual({ ready: true, faults: [] });
  });

  it.each([
    [L1(1), L2(), ['paper_out']],
    [L1(0, 1), L2(), ['paused']],
    [L1(0, 0, 1), L2(), ['buffer_full']],
    [L1(0, 0, 0, 1), L2(), ['other']],
    [L1(0, 0, 0, 0, 1), L2(), ['over_temp']],
    [L1(0, 0, 0, 0, 0, 1), L2(), ['over_temp']],
    [L1(), L2(1), ['head_open']],
    [L1(), L2(0, 1), ['ribbon_out']],
    [L1(1), L2(1), ['paper_out', 'head_open']],
  ])('%s / %s', (l1, l2, faults) => {
    expect(parseZplHostStatus(zpl(l1, l2))).toEqual({ ready: false, faults });
  });

  it('needs two complete lines', () => {
    expect(parseZplHostStatus(Buffer.from(`\x02${L1()}\x03\r\n`))).toBeNull();
    expect(parseZplHostStatus(zpl('030,1', L2()))).toBeNull();
  });
});

describe('status queries', () => {
  it('no answer is a fault, never ready', () => {
    for (const lang of ['tspl', 'zpl'] as const) {
      const q = statusQuery(lang);
      expect(q.parse(null)).toEqual({ ready: false, faults: ['no_answer'] });
      expect(q.parse(new Uint8Array())).toEqual({ ready: false, faults: ['no_answer'] });
    }
  });

  it('knows when an answer is complete', () => {
    const t = statusQuery('tspl');
    expect([...t.bytes]).toEqual([0x1b, 0x21, 0x3f]);
    expect(t.complete(Uint8Array.of(0))).toBe(true);
    const z = statusQuery('zpl');
    expect(Buffer.from(z.bytes).toString()).toBe('~HS');
    const full = zpl(L1(), L2());
    expect(z.complete(full.subarray(0, full.length - 5))).toBe(false);
    expect(z.complete(full)).toBe(true);
    // A garbled answer is a fault too.
    expect(z.parse(Buffer.from('\x02garbage\x03\x02x\x03\x02y\x03'))).toEqual({ ready: false, faults: ['other'] });
  });

  it('describes faults in words', () => {
    expect(describeFaults(['paper_out', 'head_open', 'no_answer'])).toBe(
      'out of paper, print head open, no answer to the status query',
    );
  });
});
