import { describe, expect, it } from 'vitest';
import { en } from './en';
import { pickLocale, translate } from './index';
import { zhCN } from './zh-CN';

describe('i18n', () => {
  it('picks zh-CN for any Chinese tag and English otherwise', () => {
    expect(pickLocale(['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(pickLocale('zh-TW,zh;q=0.9')).toBe('zh-CN');
    expect(pickLocale(['en-US'])).toBe('en');
    expect(pickLocale(['fr-FR'])).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('zh-CN', 'error.LOCKED_OUT', { until: '2026-11-27 10:00' })).toContain('2026-11-27 10:00');
    expect(translate('en', 'common.rows')).toBe('{count} rows');
  });

  it('has a Chinese text for every key, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(zhCN[key], key).toBeTruthy();
      expect(names(zhCN[key]), key).toEqual(names(en[key]));
    }
  });
});
