import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { isLocale, pickLocale, translate, type Locale, type MessageKey } from '../../../src-shared/i18n';
import { setApiLocale } from './api-client';

const STORAGE_KEY = 'backoffice.locale';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const Ctx = createContext<I18n | null>(null);

/** The saved choice on this device, else the OS/browser language. */
export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  return pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLocale(l);
    document.documentElement.lang = l;
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    setApiLocale(l);
    document.documentElement.lang = l;
    setState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT() {
  return useI18n().t;
}
