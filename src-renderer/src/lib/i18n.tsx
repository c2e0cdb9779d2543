import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale, MessageKey } from '../../../src-shared/i18n/locales';
import { setApiLocale } from './api-client';
import { initialLocale, loadCatalog, rememberLocale, translate } from './catalog';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Record<string, string | number>): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLocale(l);
    document.documentElement.lang = l;
    return l;
  });
  // The last language asked for: a slower first load of another one must not win over it.
  const wanted = useRef<Locale>(locale);
  const setLocale = useCallback((l: Locale) => {
    wanted.current = l;
    // The screen changes language once the new one's texts are in (a fetch of a few tens of ms the first time);
    // if they cannot be fetched (the host went away), it stays in the current one and the choice is not saved.
    void loadCatalog(l).then(
      () => {
        if (wanted.current !== l) return;
        rememberLocale(l);
        setApiLocale(l);
        document.documentElement.lang = l;
        setState(l);
      },
      () => undefined,
    );
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
