import { describe, expect, it } from 'vitest';
import { readUpdateFeedAuthorization } from '../../src-shared/sync/update-feed';
import { chooseUpdateFeed } from './update-feed';

const enrolled = {
  hqUrl: 'https://hq.example.com/chain/',
  storeId: '0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee',
  credential: 'c'.repeat(43),
};
const none = { hqUrl: null, storeId: null, credential: null };

describe('the update feed a store uses', () => {
  it("is HQ's once enrolled, on HQ's address, with the store's credential", () => {
    const feed = chooseUpdateFeed(enrolled, '/updates/v1/', 'https://typed.example/feed/');
    expect(feed).toMatchObject({ url: 'https://hq.example.com/chain/updates/v1/', source: 'hq' });
    expect(readUpdateFeedAuthorization((feed as { headers: Record<string, string> }).headers.Authorization)).toEqual({
      storeId: enrolled.storeId,
      credential: enrolled.credential,
    });
  });

  it('waits for HQ to name its feed (or say it serves none) rather than fall back to a typed URL', () => {
    expect(chooseUpdateFeed(enrolled, undefined, 'https://typed.example/feed/')).toBe('waitForHq');
    expect(chooseUpdateFeed(enrolled, null, 'https://typed.example/feed/')).toBeNull();
  });

  it('is the typed setting when not enrolled, http(s) only, no credential', () => {
    expect(chooseUpdateFeed(none, '/updates/v1/', ' https://typed.example/feed/ ')).toEqual({
      url: 'https://typed.example/feed/',
      headers: {},
      source: 'setting',
    });
    expect(chooseUpdateFeed(none, null, '')).toBeNull();
    expect(chooseUpdateFeed(none, null, 'file:///etc/passwd')).toBeNull();
  });
});
