import { describe, expect, it } from 'vitest';
import { SCALE_PROTOCOL_INFO, SCALE_PROTOCOLS } from '../../../../src-shared/devices';
import { scaleFrame } from '../../../tools/sim/scale-frames';
import { codecFor } from './index';

describe('protocol registry', () => {
  it.each(SCALE_PROTOCOLS.map((p) => [p]))('%s: the shared protocol info matches the codec', (protocol) => {
    const codec = codecFor(protocol);
    const info = SCALE_PROTOCOL_INFO[protocol];
    expect(codec.protocol).toBe(protocol);
    expect(info.polled).toBe(codec.mode === 'polled');
    expect(info.commands).toBe(codec.commands.zero !== undefined);
    // A format without a stability flag must decode even a "stable" weight as unstable.
    const decoded = codec.createParser().push(
      scaleFrame(protocol, {
        kind: 'weight',
        weight: { amount: 1234, decimals: 3, unit: 'kg' },
        stable: true,
        net: false,
      })!,
    );
    expect(decoded).toMatchObject([{ kind: 'weight', stable: info.stabilityFlag }]);
  });
});
