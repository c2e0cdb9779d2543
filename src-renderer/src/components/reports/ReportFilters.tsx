import { DatePicker, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import dayjs from 'dayjs';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { storeMonthStart, storeToday } from '../../lib/store-day';

export interface AreaCategory {
  areaId: string | null;
  category: string | null;
}

/** Area and category pickers shared by the reports. */
export function AreaCategoryFilters(p: { value: AreaCategory; onChange: (v: AreaCategory) => void }) {
  const { t, locale } = useI18n();
  const q = useQuery('reports.filters', {});
  const name = (x: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);
  return (
    <>
      <Select
        style={{ width: 150 }}
        value={p.value.areaId ?? ''}
        onChange={(v) => p.onChange({ ...p.value, areaId: v || null })}
        aria-label={t('reports.filter.area')}
        data-testid="report-area"
        options={[
          { value: '', label: t('reports.filter.allAreas') },
          ...(q.data?.areas ?? []).map((a) => ({ value: a.id, label: `${a.code} ${name(a)}` })),
        ]}
      />
      <Select
        style={{ width: 140 }}
        value={p.value.category ?? ''}
        onChange={(v) => p.onChange({ ...p.value, category: v || null })}
        aria-label={t('reports.filter.category')}
        data-testid="report-category"
        options={[
          { value: '', label: t('reports.filter.allCategories') },
          ...(q.data?.categories ?? []).map((c) => ({ value: c.code, label: name(c) })),
        ]}
      />
    </>
  );
}

export function DayRangePicker(p: { from: string; to: string; onChange: (from: string, to: string) => void }) {
  const { t } = useI18n();
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[dayjs(p.from), dayjs(p.to)]}
      aria-label={t('reports.filter.range')}
      data-testid="report-range"
      onChange={(v) => v?.[0] && v[1] && p.onChange(v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD'))}
    />
  );
}

/** Report parameters may come in the URL (#/reports/summary?from=...&to=...), so a report can be bookmarked. */
export function urlParam(name: string): string | null {
  const q = window.location.hash.split('?')[1] ?? '';
  const v = new URLSearchParams(q).get(name);
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
}

/** A day parameter that follows the URL: opening a link (or a bookmark) to the open report updates it. */
export function useDayParam(name: string, fallback: () => string): [string, (v: string) => void] {
  const [value, setValue] = useState(() => urlParam(name) ?? fallback());
  useEffect(() => {
    const onHash = () => {
      const v = urlParam(name);
      if (v) setValue(v);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [name]);
  return [value, setValue];
}

/** Defaults of the report periods: the store's today and month, not the browser's. */
export const today = storeToday;
export const monthStart = storeMonthStart;

/** The filter bar of the period reports: date range, area and category, and a choice of grouping. */
export function PeriodFilters<V extends string>(p: {
  from: string;
  to: string;
  onRange: (from: string, to: string) => void;
  filters: AreaCategory;
  onFilters: (v: AreaCategory) => void;
  view: V;
  onView: (v: V) => void;
  views: { value: V; label: string }[];
}) {
  return (
    <>
      <DayRangePicker from={p.from} to={p.to} onChange={p.onRange} />
      <AreaCategoryFilters value={p.filters} onChange={p.onFilters} />
      <Segmented value={p.view} onChange={(v) => p.onView(v as V)} options={p.views} />
    </>
  );
}
