import { describe, expect, it } from 'vitest';
import { b, commonParserChecks, weight } from './test-support';
import { YaohuaReversedParser, yaohuaReversed } from './yaohua-reversed';

const unstable = (amount: number, decimals: number) => weight(amount, decimals, 'kg', false);

describe('Yaohua "=" reversed parser', () => {
  commonParserChecks(yaohuaReversed, [
    [b('=000.3000'), unstable(3000, 3)],
    [b('=00.1000-'), unstable(-100, 2)],
    [b('=00000000'), unstable(0, 0)],
    [b('=5.432100'), unstable(12345, 1)],
  ]);

  it('reads frames back to back with no terminator, resyncing on "="', () => {
    const p = yaohuaReversed.createParser();
    expect(p.push(b('=000.3000=00.1000-=000.3'))).toEqual([unstable(3000, 3), unstable(-100, 2)]);
    expect(p.push(b('=000.3000'))).toEqual([unstable(3000, 3)]);
  });

  it('drops two points, a point at either end, or a bad sign', () => {
    const p = yaohuaReversed.createParser();
    expect(p.push(b('=0.0.3000=.0003000=000300.0=000.300+=000.30 0'))).toEqual([]);
  });

  it('takes the unit from the settings', () => {
    expect(new YaohuaReversedParser('lb').push(b('=000.3000'))).toEqual([weight(3000, 3, 'lb', false)]);
  });
});
