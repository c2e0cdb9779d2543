import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { categoryName } from '../repair-format';
import { RepairReportLayout } from './RepairReportLayout';
import type { PeriodProps } from './period';

type Out = MethodOutput<'repairReports.costs'>;
type CostCols = Out['total'];
interface Row extends CostCols {
  id: string;
  equipmentId: string | null;
  code: string;
  name: string;
  category: string;
}

/** What maintenance cost per piece of equipment or category: parts at ledger cost, labour, vendor invoices. */
export function CostsReport({ period, periodPicker }: PeriodProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [view, setView] = useState<'equipment' | 'category'>('equipment');
  const q = useQuery('repairReports.costs', period);
  const columns = useMemo<ReportColumn<Row>[]>(() => {
    const figures: ReportColumn<Row>[] = [
      { key: 'workOrders', header: 'repairs.col.workOrders', type: 'int', width: 100 },
      { key: 'parts', header: 'repairs.col.parts', type: 'money' },
      { key: 'labour', header: 'repairs.col.labour', type: 'money' },
      { key: 'labourMinutes', header: 'repairs.col.labourMinutes', type: 'int' },
      { key: 'vendor', header: 'repairs.col.vendor', type: 'money' },
      { key: 'total', header: 'repairs.col.totalCost', type: 'money', width: 130 },
    ];
    const cat: ReportColumn<Row> = {
      key: 'category',
      header: 'repairs.col.category',
      type: 'text',
      width: view === 'category' ? 140 : 100,
      get: (r) => (r.id === '__total' ? r.category : categoryName(t, r.category)),
    };
    return view === 'equipment'
      ? [
          { key: 'code', header: 'repairs.col.code', type: 'text', width: 140, pinned: 'left' },
          { key: 'name', header: 'repairs.col.name', type: 'text', width: 190 },
          cat,
          ...figures,
        ]
      : [{ ...cat, pinned: 'left' }, ...figures];
  }, [view, t]);
  const rows = useMemo<Row[] | undefined>(
    () =>
      q.data &&
      (view === 'equipment'
        ? q.data.perEquipment.map((e) => ({ ...e, id: e.equipmentId }))
        : q.data.perCategory.map((c) => ({ ...c, id: c.category, equipmentId: null, code: '', name: '' }))),
    [q.data, view],
  );
  const totals = useMemo<Row | undefined>(() => {
    if (!q.data) return undefined;
    const label = t('repairs.col.total');
    return {
      ...q.data.total,
      id: '__total',
      equipmentId: null,
      code: view === 'equipment' ? label : '',
      name: '',
      category: view === 'category' ? label : '',
    };
  }, [q.data, view, t]);
  return (
    <RepairReportLayout<Row>
      report="costs"
      title="repairs.report.costs"
      subtitle={`${period.from} ~ ${period.to}`}
      from={period.from}
      to={period.to}
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
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'equipment' | 'category')}
            options={[
              { value: 'equipment', label: t('repairs.reports.perEquipment') },
              { value: 'category', label: t('repairs.reports.perCategory') },
            ]}
          />
        </>
      }
    />
  );
}
