import { describe, expect, it } from 'vitest';
import { hasMessage, loadCatalog, translate } from './catalog';

describe('the texts of one language, loaded when first shown', () => {
  it('has no texts of a language before it is loaded, and loads each language once', async () => {
    expect(translate('en', 'login.title')).toBe('login.title');
    expect(hasMessage('login.title')).toBe(false);
    const first = loadCatalog('en');
    expect(loadCatalog('en')).toBe(first);
    await first;
    expect(translate('en', 'login.title')).toBe('Sign in');
    expect(translate('en', 'home.welcome', { name: '张经理' })).toBe('Welcome, 张经理');
    // Loading English brought no Chinese: that one comes with a switch to it.
    expect(translate('zh-CN', 'login.title')).toBe('login.title');
    await loadCatalog('zh-CN');
    expect(translate('zh-CN', 'login.title')).toBe('登录');
    expect(hasMessage('login.title')).toBe(true);
    expect(hasMessage('repairs.category.no-such-category')).toBe(false);
  });
});
