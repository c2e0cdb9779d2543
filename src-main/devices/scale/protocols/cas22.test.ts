import { describe, expect, it } from 'vitest';
import { cas22 } from './cas22';
import { b, commonParserChecks, weight } from './test-support';

describe('CAS 22-byte parser', () => {
  commonParserChecks(cas22, [
    [b('ST,GS,1\xc5,000013.5 kg\r\n'), weight(135, 1)],
    [b('US,NT,1\x82,-0001.20 kg\r\n'), weight(-120, 2, 'kg', false, true)],
    [b('ST,GS,2\xc4,  1500.5  g\r\n'), weight(15005, 1, 'g')],
    [b('OL,GS,1\x80,         kg\r\n'), { kind: 'overload' }],
    [b('ST,NT,+0012.34kg\r\n'), weight(1234, 2, 'kg', true, true)],
  ]);

  it('drops a frame whose lamp byte lacks bit 7 or whose id is not a digit', () => {
    const p = cas22.createParser();
    expect(p.push(b('ST,GS,1\x45,000013.5 kg\r\nST,GS,X\xc5,000013.5 kg\r\n'))).toEqual([]);
  });

  it('takes the header, not the lamp, as the stability verdict', () => {
    expect(cas22.createParser().push(b('US,GS,1\xc4,000013.5 kg\r\n'))).toEqual([weight(135, 1, 'kg', false)]);
  });

  it('has no host commands', () => {
    expect(cas22.commands).toEqual({});
  });
});
