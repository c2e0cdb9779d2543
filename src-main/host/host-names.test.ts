import { describe, expect, it } from 'vitest';
import { configuredHostName, createHostNameCheck, hostOf } from './host-names';

describe('host names of this PC', () => {
  it('reads a Host header as a browser sends it, refusing what is not a host', () => {
    expect(hostOf('Store-PC.local:4780')).toBe('store-pc.local');
    expect(hostOf('localhost.')).toBe('localhost');
    expect(hostOf('[::1]:4780')).toBe('[::1]');
    expect(hostOf('[::ffff:127.0.0.1]')).toBe('[::ffff:7f00:1]');
    for (const bad of [
      '',
      'a b',
      'evil@localhost',
      'localhost/x',
      'localhost?x',
      'localhost#x',
      '[zz]',
      ':80',
      'localhost%2e',
    ]) {
      expect([bad, hostOf(bad)]).toEqual([bad, null]);
    }
    expect(configuredHostName('fe80::1')).toBe('[fe80::1]');
    expect(configuredHostName('  ')).toBeNull();
  });

  it('follows the interface addresses as they change, re-reading at most once a second', () => {
    let addresses = ['192.168.1.20', 'fe80::1%eth0'];
    let reads = 0;
    let now = 0;
    const check = createHostNameCheck({
      configured: ['pos.chain.example'],
      hostname: () => 'Kitchen-PC.chain.example',
      addresses: () => {
        reads++;
        return addresses;
      },
      now: () => now,
    });
    expect(check.allows('192.168.1.20:4780')).toBe(true);
    expect(check.allows('[fe80::1]:4780')).toBe(true);
    expect(check.allows('kitchen-pc:4780')).toBe(true);
    expect(check.allows('kitchen-pc.local')).toBe(true);
    expect(check.allows('kitchen-pc.chain.example')).toBe(true);
    expect(check.allows('pos.chain.example')).toBe(true);
    expect(check.allows('127.8.9.10')).toBe(true);
    expect(check.allows(undefined)).toBe(false);
    // DHCP hands out a new address: it is answered once a second has passed
    addresses = ['192.168.1.77'];
    expect(check.allows('192.168.1.77')).toBe(false);
    const before = reads;
    for (let i = 0; i < 100; i++) check.allows('attacker.example');
    expect(reads).toBe(before);
    now += 1_001;
    expect(check.allows('192.168.1.77')).toBe(true);
    expect(check.allows('192.168.1.20')).toBe(false);
  });
});
