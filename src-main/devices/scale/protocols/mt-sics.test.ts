import { describe, expect, it } from 'vitest';
import { mtSics } from './mt-sics';
import { b, commonParserChecks, weight } from './test-support';

describe('MT-SICS parser', () => {
  commonParserChecks(mtSics, [
    [b('S S     100.00 g\r\n'), weight(10000, 2, 'g')],
    [b('S D      12.5 kg\r\n'), weight(125, 1, 'kg', false)],
    [b('S S  -0.012 kg\r\n'), weight(-12, 3)],
    [b('S +\r\n'), { kind: 'overload' }],
    [b('S -\r\n'), { kind: 'underload' }],
    [b('S I\r\n'), { kind: 'error', code: 'S I' }],
    [b('S S 5.0 oz\r\n'), { kind: 'error', code: 'unit oz' }],
  ]);

  it('splits on runs of spaces: padding varies between devices', () => {
    const p = mtSics.createParser();
    expect(p.push(b('S S 1.5 kg\r\nS  S   1.5   kg\r\n'))).toEqual([weight(15, 1), weight(15, 1)]);
  });

  it('drops malformed replies whole', () => {
    const p = mtSics.createParser();
    expect(p.push(b('S S 1.0.0 g\r\nS X 1 g\r\nS S 1 g extra\r\nS S g\r\nS S 1 g\nS\r\n'))).toEqual([]);
  });

  it('reports ES/ET/EL as the refusal of the outstanding request', () => {
    const p = mtSics.createParser();
    expect(p.pushFrames(b('ES\r\nET\r\nEL\r\n'))).toEqual([
      { type: 'rejected', code: 'ES' },
      { type: 'rejected', code: 'ET' },
      { type: 'rejected', code: 'EL' },
    ]);
    expect(mtSics.replyTo('zero', { type: 'rejected', code: 'ES' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/protocol/),
    });
  });

  it('reads command acknowledgements and follows the tare for net', () => {
    const p = mtSics.createParser();
    expect(p.pushFrames(b('Z A\r\nZ I\r\n'))).toEqual([
      { type: 'ack', command: 'zero', ok: true, code: 'A' },
      { type: 'ack', command: 'zero', ok: false, code: 'I' },
    ]);
    expect(p.pushFrames(b('T S      0.500 kg\r\n'))).toEqual([{ type: 'ack', command: 'tare', ok: true, code: 'S' }]);
    expect(p.push(b('S S 0.000 kg\r\n'))).toEqual([weight(0, 3, 'kg', true, true)]);
    expect(p.pushFrames(b('TAC A\r\n'))).toEqual([{ type: 'ack', command: 'clearTare', ok: true, code: 'A' }]);
    expect(p.push(b('S S 0.500 kg\r\n'))).toEqual([weight(500, 3)]);
  });

  it('explains failed commands in words the user can act on', () => {
    const ack = (command: 'zero' | 'tare' | 'clearTare', code: string) =>
      mtSics.replyTo(command, { type: 'ack', command, ok: false, code });
    expect(ack('zero', 'I')).toMatchObject({ message: expect.stringMatching(/wait until it settles/) });
    expect(ack('zero', '+')).toMatchObject({ message: expect.stringMatching(/empty the platter/) });
    expect(ack('tare', '-')).toMatchObject({ message: expect.stringMatching(/container/) });
    expect(mtSics.replyTo('tare', { type: 'ack', command: 'zero', ok: true, code: 'A' })).toBeUndefined();
    expect(mtSics.replyTo('tare', { type: 'reading', reading: weight(1, 0) })).toBeUndefined();
  });

  it('sends SI to poll (S would block until stable), and Z, T, TAC', () => {
    expect(mtSics.commands).toEqual({ poll: b('SI\r\n'), zero: b('Z\r\n'), tare: b('T\r\n'), clearTare: b('TAC\r\n') });
  });
});
