import {
  fillParams,
  isLocale,
  pickLocale,
  type Catalog,
  type Locale,
  type MessageKey,
} from '../../../src-shared/i18n/locales';

const STORAGE_KEY = 'backoffice.locale';

/** The saved choice on this device, else the OS/browser language. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}

/*
 * The texts of one language are loaded when it is first shown: the first
 * screen carries only the user's language (half the catalogue's bytes to
 * parse at every cold start, docs/benchmarks.md), and the other one is
 * fetched when someone switches to it.
 */
const loaders: Record<Locale, () => Promise<Catalog>> = {
  'zh-CN': () => import('../../../src-shared/i18n/zh-CN').then((m) => m.zhCN),
  en: () => import('../../../src-shared/i18n/en').then((m) => m.en),
};
const catalogs: Partial<Record<Locale, Catalog>> = {};
const loading: Partial<Record<Locale, Promise<Catalog>>> = {};

/** Loads a language's texts (once); the screens render in a language only after it has loaded. */
export function loadCatalog(locale: Locale): Promise<Catalog> {
  return (loading[locale] ??= loaders[locale]().then(
    (c) => (catalogs[locale] = c),
    (err: unknown) => {
      delete loading[locale]; // a later switch tries again
      throw err;
    },
  ));
}

/** A text in a loaded language; before it has loaded, the key itself (never shown: see loadCatalog). */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return fillParams(catalogs[locale]?.[key] ?? key, params);
}

/** Whether a key exists (names made from data, e.g. a category key, may have no text). */
export function hasMessage(key: string): key is MessageKey {
  const loaded = Object.values(catalogs)[0];
  return !!loaded && Object.prototype.hasOwnProperty.call(loaded, key);
}
