import { describe, expect, it } from 'vitest';
import type { StoreHealthDto } from '../../../src-shared/hq-api/methods/stores';
import { translate } from '../../../src-shared/i18n';
import { healthIssues, SILENT_AFTER_MS, SKEW_LIMIT_MS } from './health';
import { skewText } from './skew';

const NOW = Date.parse('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function store(over: Partial<StoreHealthDto>): StoreHealthDto {
  return {
    id: '0190',
    code: 'S1',
    name: 'Store',
    region: null,
    timeZone: 'Asia/Shanghai',
    status: 'active',
    codeExpiresAt: null,
    enrolledAt: ago(86_400_000 * 30),
    lastContactAt: ago(60_000),
    appVersion: '0.1.0',
    schemaVersion: 1,
    backlog: 0,
    refusedCount: 0,
    lastRefusal: null,
    clockSkewMs: 0,
    auditMismatch: false,
    deadLetters: 0,
    lateEntries: 0,
    ...over,
  };
}

describe("a store's health issues", () => {
  it('finds none for a store heard from a minute ago with nothing refused, lost, late or waiting', () => {
    expect(healthIssues(store({}), NOW)).toEqual([]);
  });

  it('lists each problem, the serious ones first', () => {
    expect(
      healthIssues(
        store({
          auditMismatch: true,
          refusedCount: 2,
          deadLetters: 1,
          backlog: 40,
          lateEntries: 3,
          lastContactAt: null,
        }),
        NOW,
      ),
    ).toEqual(['auditMismatch', 'refused', 'deadLetters', 'neverContacted', 'backlog', 'lateEntries']);
  });

  it('flags an enrolled store silent after a day, not before', () => {
    expect(healthIssues(store({ lastContactAt: ago(SILENT_AFTER_MS - 1000) }), NOW)).toEqual([]);
    expect(healthIssues(store({ lastContactAt: ago(SILENT_AFTER_MS + 1000) }), NOW)).toEqual(['silent']);
  });

  it('expects no contact from a store waiting to enroll, but flags its code once expired', () => {
    const pending = { status: 'pending' as const, lastContactAt: null, enrolledAt: null };
    expect(healthIssues(store({ ...pending, codeExpiresAt: ago(-60_000) }), NOW)).toEqual([]);
    expect(healthIssues(store({ ...pending, codeExpiresAt: ago(60_000) }), NOW)).toEqual(['codeExpired']);
  });

  it('expects nothing more of a revoked store, but keeps its rewritten audit chain on the list', () => {
    const revoked = { status: 'revoked' as const, lastContactAt: null, refusedCount: 4, backlog: 9 };
    expect(healthIssues(store(revoked), NOW)).toEqual([]);
    expect(healthIssues(store({ ...revoked, auditMismatch: true }), NOW)).toEqual(['auditMismatch']);
  });

  it("flags an enrolled store whose PC's clock is more than two minutes off, either way", () => {
    expect(healthIssues(store({ clockSkewMs: SKEW_LIMIT_MS }), NOW)).toEqual([]);
    expect(healthIssues(store({ clockSkewMs: -SKEW_LIMIT_MS - 1000 }), NOW)).toEqual(['clockSkew']);
    expect(healthIssues(store({ clockSkewMs: SKEW_LIMIT_MS + 1000 }), NOW)).toEqual(['clockSkew']);
    // Not heard from yet: nothing measured.
    expect(healthIssues(store({ clockSkewMs: null }), NOW)).toEqual([]);
  });
});

describe("a store clock's difference, as read", () => {
  const en = (ms: number) => skewText((k, p) => translate('en', k, p), ms);
  const zh = (ms: number) => skewText((k, p) => translate('zh-CN', k, p), ms);

  it('says how far and which way, in hours and minutes', () => {
    expect(en(-(62 * 60_000))).toBe("1 h 2 min behind HQ's clock");
    expect(en(5 * 60_000 + 20_000)).toBe("5 min ahead of HQ's clock");
    expect(zh(-(62 * 60_000))).toBe('比总部时钟慢 1 小时 2 分钟');
  });

  it('gives plain seconds under a minute', () => {
    expect(en(-4_400)).toBe('-4 s');
    expect(en(0)).toBe('0 s');
  });
});
