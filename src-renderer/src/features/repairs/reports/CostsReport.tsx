import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { RepairReportLayout } from './RepairReportLayout';
import { rowsOfView, totalsOfView, viewColumns, ViewSwitch, type View, type ViewRow } from './equipment-views';
import type { PeriodProps } from './period';

type Row = MethodOutput<'repairReports.costs'>['total'] & ViewRow;

const FIGURES: ReportColumn<Row>[] = [
  { key: 'workOrders', header: 'repairs.col.workOrders', type: 'int', width: 100 },
  { key: 'parts', header: 'repairs.col.parts', type: 'money' },
  { key: 'labour', header: 'repairs.col.labour', type: 'money' },
  { key: 'labourMinutes', header: 'repairs.col.labourMinutes', type: 'int' },
  { key: 'vendor', header: 'repairs.col.vendor', type: 'money' },
  { key: 'total', header: 'repairs.col.totalCost', type: 'money', width: 130 },
];

/** What maintenance cost per piece of equipment or category: parts at ledger cost, labour, vendor invoices. */
export function CostsReport({ period, periodPicker }: PeriodProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [view, setView] = useState<View>('equipment');
  const q = useQuery('repairReports.costs', period);
  const columns = useMemo(() => [...viewColumns<Row>(t, view), ...FIGURES], [view, t]);
  const rows = useMemo<Row[] | undefined>(() => q.data && rowsOfView(q.data, view), [q.data, view]);
  const totals = useMemo<Row | undefined>(
    () => q.data && totalsOfView(q.data.total, view, t('repairs.col.total')),
    [q.data, view, t],
  );
  return (
    <RepairReportLayout<Row>
      report="costs"
      title="repairs.report.costs"
      period={period}
      gridId={`repair-costs-${view}`}
      columns={columns}
      rows={rows}
      totals={totals}
      loading={q.loading}
      getRowId={(r) => r.id}
      onRowDoubleClicked={(r) => r.equipmentId && navigate(`/equipment/${r.equipmentId}`)}
      filters={
        <>
          {periodPicker}
          <ViewSwitch value={view} onChange={setView} />
        </>
      }
    />
  );
}
