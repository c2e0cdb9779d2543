import { describe, expect, it } from 'vitest';
import { adContinuous } from './ad-continuous';
import { b, commonParserChecks, weight } from './test-support';

describe('A&D continuous parser', () => {
  commonParserChecks(adContinuous, [
    [b('ST,GS,+0012.34kg\r\n'), weight(1234, 2)],
    [b('US,NT,-0001.50kg\r\n'), weight(-150, 2, 'kg', false, true)],
    [b('ST,+0001.234 kg\r\n'), weight(1234, 3)],
    [b('ST,GS,    0.0,kg\r\n'), weight(0, 1)],
    [b('US,GS,+00150.5 g\r\n'), weight(1505, 1, 'g', false)],
    [b('OL,GS,        kg\r\n'), { kind: 'overload' }],
    [b('UL,GS,    0.0,kg\r\n'), { kind: 'underload' }],
    [b('LO,GS,        kg\r\n'), { kind: 'error', code: 'LO' }],
  ]);

  it('reads the documented example', () => {
    expect(adContinuous.createParser().push(b('ST,NT,+0012.34kg\r\n'))).toEqual([weight(1234, 2, 'kg', true, true)]);
  });

  it('ignores a tare readout but counts it as a valid frame', () => {
    expect(adContinuous.createParser().pushFrames(b('ST,TR,+0000.50kg\r\n'))).toEqual([{ type: 'info' }]);
  });

  it('drops blank or malformed data under a weight header', () => {
    const p = adContinuous.createParser();
    expect(p.push(b('ST,GS,        kg\r\nST,GS,+00-2.34kg\r\nST,XX,+0012.34kg\r\nST,GS,+0012.34k\xe7\r\n'))).toEqual(
      [],
    );
    expect(p.push(b('ST,GS,+0012.34kg\n'))).toEqual([]);
  });

  it('has no host commands', () => {
    expect(adContinuous.commands).toEqual({});
  });
});
