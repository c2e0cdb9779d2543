import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { itemColumns, totalsItem } from './item-columns';
import { ReportLayout } from '../../components/reports/ReportLayout';
import {
  PeriodFilters,
  monthStart,
  today,
  useDayParam,
  type AreaCategory,
} from '../../components/reports/ReportFilters';
import type { ReportColumn } from '../../components/reports/report-columns';

type Out = MethodOutput<'reports.summary'>;
type Row = Out['rows'][number];
type CatRow = Out['categories'][number];

const GROUPS = [
  'opening',
  'receipt',
  'transferIn',
  'transferOut',
  'usage',
  'waste',
  'adjust',
  'internal',
  'closing',
] as const;

/** 进销存: opening, what came in and went out by group, closing; per item or per category. */
export function SummaryPage() {
  const { t, locale } = useI18n();
  const [from, setFrom] = useDayParam('from', monthStart);
  const [to, setTo] = useDayParam('to', today);
  const [f, setF] = useState<AreaCategory>({ areaId: null, category: null });
  const [view, setView] = useState<'items' | 'categories'>('items');
  const q = useQuery('reports.summary', { from, to, areaId: f.areaId, category: f.category });

  const itemCols = useMemo<ReportColumn<Row>[]>(
    () => [
      ...itemColumns<Row>(locale),
      ...GROUPS.flatMap((g) => [
        { key: `${g}Qty`, header: `reports.col.${g}Qty` as const, type: 'qty' as const },
        { key: `${g}Value`, header: `reports.col.${g}Value` as const, type: 'money' as const },
      ]),
    ],
    [locale],
  );
  const catCols = useMemo<ReportColumn<CatRow>[]>(
    () => [
      {
        key: 'category',
        header: 'reports.col.category',
        type: 'text',
        width: 140,
        pinned: 'left',
        get: (r) => (locale === 'zh-CN' ? r.categoryZh : r.categoryEn),
      },
      { key: 'items', header: 'reports.col.items', type: 'int', width: 80 },
      ...GROUPS.map((g) => ({ key: `${g}Value`, header: `reports.col.${g}Value` as const, type: 'money' as const })),
    ],
    [locale],
  );
  const values = (rows: readonly Record<string, unknown>[]) =>
    Object.fromEntries(GROUPS.map((g) => [`${g}Value`, rows.reduce((s, r) => s + (r[`${g}Value`] as number), 0)]));
  const totals = useMemo(() => {
    if (!q.data) return undefined;
    const label = t('reports.total');
    const v = values(q.data.rows);
    return {
      item: { ...totalsItem(label), category: '', ...v } as unknown as Row,
      cat: {
        category: '__total',
        categoryZh: label,
        categoryEn: label,
        items: q.data.rows.length,
        ...v,
      } as unknown as CatRow,
    };
  }, [q.data, t]);

  const common = {
    title: 'reports.summary.title' as const,
    subtitle: t('reports.period', { from, to }),
    loading: q.loading,
    filters: (
      <PeriodFilters
        from={from}
        to={to}
        onRange={(a, b) => {
          setFrom(a);
          setTo(b);
        }}
        filters={f}
        onFilters={setF}
        view={view}
        onView={setView}
        views={[
          { value: 'items', label: t('reports.view.items') },
          { value: 'categories', label: t('reports.view.categories') },
        ]}
      />
    ),
  };
  return view === 'items' ? (
    <ReportLayout<Row>
      {...common}
      gridId="report-summary"
      exportName={`stock-summary-${from}-${to}`}
      columns={itemCols}
      rows={q.data?.rows}
      totals={totals?.item}
      getRowId={(r) => r.itemId}
    />
  ) : (
    <ReportLayout<CatRow>
      {...common}
      gridId="report-summary-categories"
      exportName={`stock-summary-categories-${from}-${to}`}
      columns={catCols}
      rows={q.data?.categories}
      totals={totals?.cat}
      getRowId={(r) => r.category}
    />
  );
}
