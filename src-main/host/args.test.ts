import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './args';

describe('host arguments', () => {
  it('takes extra host names from repeated --allowed-host flags and BACKOFFICE_ALLOWED_HOSTS', () => {
    const args = parseHostArgs(['--allowed-host', 'bo.chain.example', '--allowed-host', '10.0.0.5'], {
      BACKOFFICE_ALLOWED_HOSTS: 'store-7.local, fe80::2 ,',
    });
    expect(args.allowedHosts).toEqual(['bo.chain.example', '10.0.0.5', 'store-7.local', 'fe80::2']);
    expect(parseHostArgs([], {}).allowedHosts).toEqual([]);
  });

  it('refuses an allowed host that is not a host name, naming it', () => {
    expect(() => parseHostArgs(['--allowed-host', 'http://x/'], {})).toThrow(/not "http:\/\/x\/"/);
    expect(() => parseHostArgs([], { BACKOFFICE_ALLOWED_HOSTS: 'a b' })).toThrow(/not "a b"/);
  });
});
