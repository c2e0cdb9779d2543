import { en } from './en';
import { fillParams, type Catalog, type Locale, type MessageKey } from './locales';
import { zhCN } from './zh-CN';

export { fillParams, isLocale, LOCALES, pickLocale, type Catalog, type Locale, type MessageKey } from './locales';

/** Both catalogues, for the backend (errors, exports and labels in the caller's language). */
const catalogs: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Looks a key up and fills `{name}` placeholders; unknown placeholders stay visible. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return fillParams(catalogs[locale][key] ?? en[key], params);
}
