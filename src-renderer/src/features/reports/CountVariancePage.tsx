import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useI18n } from '../../lib/i18n';
import { formatStoreTime } from '../../lib/format';
import { useQuery } from '../../lib/query';
import { itemColumns, totalsItem } from './item-columns';
import { ReportLayout } from '../../components/reports/ReportLayout';
import type { ReportColumn } from '../../components/reports/report-columns';

type Row = MethodOutput<'reports.countVariance'>[number];

/** Book, counted and variance (quantity and value) of one posted stocktake. */
export function CountVariancePage() {
  const { t, locale } = useI18n();
  const counts = useQuery('reports.postedCounts', {});
  const [picked, setPicked] = useState<string | null>(null);
  const countId = picked ?? counts.data?.[0]?.id ?? null;
  const q = useQuery('reports.countVariance', { countId: countId ?? '' }, { enabled: !!countId });
  const columns = useMemo<ReportColumn<Row>[]>(
    () => [
      ...itemColumns<Row>(locale),
      { key: 'areaCode', header: 'reports.col.area', type: 'text', width: 80 },
      { key: 'lot', header: 'reports.col.lot', type: 'text', width: 90 },
      { key: 'bookQty', header: 'reports.col.bookQty', type: 'qty' },
      { key: 'countedQty', header: 'reports.col.countedQty', type: 'qty' },
      { key: 'varianceQty', header: 'reports.col.varianceQty', type: 'qty' },
      { key: 'adjustQty', header: 'reports.col.adjustedQty', type: 'qty' },
      { key: 'adjustValue', header: 'reports.col.adjustedValue', type: 'money', width: 130 },
    ],
    [locale],
  );
  const current = counts.data?.find((c) => c.id === countId);
  const rows = useMemo(() => (countId ? q.data : []), [countId, q.data]);
  const totals = useMemo(
    () =>
      rows
        ? ({
            ...totalsItem(t('reports.total')),
            category: '',
            lineId: '__total',
            areaCode: '',
            lot: '',
            bookQty: null,
            countedQty: null,
            varianceQty: null,
            adjustQty: null,
            adjustValue: rows.reduce((s, r) => s + r.adjustValue, 0),
          } as unknown as Row)
        : undefined,
    [rows, t],
  );
  return (
    <ReportLayout<Row>
      title="reports.counts.title"
      subtitle={current ? `${current.number} · ${formatStoreTime(current.postedAt, undefined)}` : t('reports.noCounts')}
      gridId="report-count-variance"
      exportName={`count-variance-${current?.number ?? ''}`}
      columns={columns}
      rows={rows}
      totals={totals}
      loading={counts.loading || (!!countId && q.loading)}
      getRowId={(r) => r.lineId}
      filters={
        <Select
          style={{ width: 260 }}
          value={countId ?? undefined}
          placeholder={t('reports.filter.pickCount')}
          aria-label={t('reports.filter.count')}
          onChange={setPicked}
          options={(counts.data ?? []).map((c) => ({ value: c.id, label: `${c.number} (${c.lines})` }))}
        />
      }
    />
  );
}
