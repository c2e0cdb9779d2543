import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { itemColumns, totalsItem } from './item-columns';
import { WasteEntries, type WasteEntriesTarget } from './WasteEntries';
import { ReportLayout } from '../../components/reports/ReportLayout';
import {
  PeriodFilters,
  monthStart,
  today,
  useDayParam,
  type AreaCategory,
} from '../../components/reports/ReportFilters';
import type { ReportColumn } from '../../components/reports/report-columns';

type Out = MethodOutput<'reports.waste'>;
type ItemRow = Out['byItem'][number];
type ReasonRow = Out['byReason'][number];

/** Waste by reason or by item and reason, with value, for a period. */
export function WastePage() {
  const { t, locale } = useI18n();
  const zh = locale === 'zh-CN';
  const [from, setFrom] = useDayParam('from', monthStart);
  const [to, setTo] = useDayParam('to', today);
  const [f, setF] = useState<AreaCategory>({ areaId: null, category: null });
  const [view, setView] = useState<'reasons' | 'items'>('reasons');
  const [entries, setEntries] = useState<WasteEntriesTarget | null>(null);
  const q = useQuery('reports.waste', { from, to, areaId: f.areaId, category: f.category });

  const reasonCols = useMemo<ReportColumn<ReasonRow>[]>(
    () => [
      { key: 'reason', header: 'reports.col.reason', type: 'text', width: 180, get: (r) => (zh ? r.nameZh : r.nameEn) },
      { key: 'moves', header: 'reports.col.moves', type: 'int', width: 100 },
      { key: 'items', header: 'reports.col.items', type: 'int', width: 100 },
      { key: 'value', header: 'reports.col.value', type: 'money', width: 140 },
    ],
    [zh],
  );
  const itemCols = useMemo<ReportColumn<ItemRow>[]>(
    () => [
      ...itemColumns<ItemRow>(locale),
      {
        key: 'reason',
        header: 'reports.col.reason',
        type: 'text',
        width: 130,
        get: (r) => (zh ? r.reasonZh : r.reasonEn),
      },
      { key: 'moves', header: 'reports.col.moves', type: 'int', width: 90 },
      { key: 'qty', header: 'reports.col.qty', type: 'qty', width: 120 },
      { key: 'value', header: 'reports.col.value', type: 'money', width: 130 },
    ],
    [locale, zh],
  );
  const label = t('reports.total');
  const sum = (rows: readonly { value: number; moves: number }[]) => ({
    value: rows.reduce((s, r) => s + r.value, 0),
    moves: rows.reduce((s, r) => s + r.moves, 0),
  });
  const filters = (
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
        { value: 'reasons', label: t('reports.view.reasons') },
        { value: 'items', label: t('reports.view.items') },
      ]}
    />
  );
  const common = {
    title: 'reports.waste.title' as const,
    subtitle: t('reports.period', { from, to }),
    loading: q.loading,
    filters,
  };
  const detail = (
    <WasteEntries target={entries} from={from} to={to} areaId={f.areaId ?? null} onClose={() => setEntries(null)} />
  );
  return view === 'reasons' ? (
    <ReportLayout<ReasonRow>
      {...common}
      gridId="report-waste-reasons"
      exportName={`waste-by-reason-${from}-${to}`}
      columns={reasonCols}
      rows={q.data?.byReason}
      totals={
        q.data
          ? { reason: '__total', nameZh: label, nameEn: label, items: q.data.byItem.length, ...sum(q.data.byReason) }
          : undefined
      }
      getRowId={(r) => r.reason}
    />
  ) : (
    <>
      <ReportLayout<ItemRow>
        {...common}
        gridId="report-waste-items"
        exportName={`waste-by-item-${from}-${to}`}
        columns={itemCols}
        rows={q.data?.byItem}
        totals={
          q.data
            ? ({
                ...totalsItem(label),
                category: '',
                reason: '',
                reasonZh: '',
                reasonEn: '',
                qty: null,
                ...sum(q.data.byItem),
              } as unknown as ItemRow)
            : undefined
        }
        getRowId={(r) => `${r.itemId}|${r.reason}`}
        hint={t('reports.waste.detailHint')}
        onRowDoubleClicked={(r) => {
          if (r.itemId === '__total') return;
          setEntries({
            itemId: r.itemId,
            itemName: `${r.code} ${zh ? r.nameZh : r.nameEn}`,
            reason: r.reason,
            reasonName: zh ? r.reasonZh : r.reasonEn,
          });
        }}
      />
      {detail}
    </>
  );
}
