import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';

/** Category pick list in the user's language, value = the category code. */
export function useCategoryOptions() {
  const { locale } = useI18n();
  const q = useQuery('categories.list', {});
  return useMemo(
    () => (q.data ?? []).map((c) => ({ value: c.code, label: locale === 'zh-CN' ? c.nameZh : c.nameEn })),
    [q.data, locale],
  );
}

/** Active areas (plus the one the item already has, even if inactive), in sort order. */
export function useAreaOptions(current?: string | null) {
  const { locale } = useI18n();
  const q = useQuery('areas.list', {});
  return useMemo(
    () =>
      (q.data ?? [])
        .filter((a) => a.active || a.id === current)
        .map((a) => ({ value: a.id, label: `${a.code} · ${locale === 'zh-CN' ? a.nameZh : a.nameEn}` })),
    [q.data, locale, current],
  );
}
