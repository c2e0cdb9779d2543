import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { roundDiv } from '../../../../src-shared/quantity';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { itemColumns, totalsItem } from './item-columns';
import { ReportLayout } from '../../components/reports/ReportLayout';
import { AreaCategoryFilters, today, useDayParam, type AreaCategory } from '../../components/reports/ReportFilters';
import type { ReportColumn } from '../../components/reports/report-columns';

type Row = MethodOutput<'reports.valuation'>[number];

/** Quantity and value on hand at the end of any business day. */
export function ValuationPage() {
  const { t, locale } = useI18n();
  const [day, setDay] = useDayParam('day', today);
  const [f, setF] = useState<AreaCategory>({ areaId: null, category: null });
  const q = useQuery('reports.valuation', { day, areaId: f.areaId, category: f.category });
  const columns = useMemo<ReportColumn<Row>[]>(
    () => [
      ...itemColumns<Row>(locale),
      { key: 'qty', header: 'reports.col.qty', type: 'qty', width: 130 },
      {
        key: 'avgCost',
        header: 'reports.col.avgCost',
        type: 'money',
        width: 130,
        // Per base unit x 1000 (per kg, l or 1,000 pieces) would hide pennies; per base unit in money units.
        get: (r) => (r.itemId === '__total' || r.qty <= 0 ? null : roundDiv(r.value * 1000, r.qty)),
      },
      { key: 'value', header: 'reports.col.value', type: 'money', width: 140 },
    ],
    [locale],
  );
  const totals = useMemo(
    () =>
      q.data
        ? ({
            ...totalsItem(t('reports.total')),
            category: '',
            qty: 0,
            value: q.data.reduce((s, r) => s + r.value, 0),
          } as Row)
        : undefined,
    [q.data, t],
  );
  return (
    <ReportLayout<Row>
      title="reports.valuation.title"
      subtitle={t('reports.asOf', { day })}
      gridId="report-valuation"
      exportName={`valuation-${day}`}
      columns={columns}
      rows={q.data}
      totals={totals}
      loading={q.loading}
      getRowId={(r) => r.itemId}
      filters={
        <>
          <DatePicker
            allowClear={false}
            value={dayjs(day)}
            aria-label={t('reports.filter.day')}
            data-testid="report-day"
            onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
          />
          <AreaCategoryFilters value={f} onChange={setF} />
        </>
      }
    />
  );
}
