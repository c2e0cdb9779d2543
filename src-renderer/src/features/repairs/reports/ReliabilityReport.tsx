import { Segmented, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { categoryName, percentText } from '../repair-format';
import { RepairReportLayout } from './RepairReportLayout';
import type { PeriodProps } from './period';

type Out = MethodOutput<'repairReports.reliability'>;
type Figures = Out['total'];
/** Equipment and category rows in one shape, so one grid shows either view. */
interface Row extends Figures {
  id: string;
  equipmentId: string | null;
  code: string;
  name: string;
  category: string;
  equipment: number | null;
}

function figureColumns<T extends Figures>(): ReportColumn<T>[] {
  return [
    { key: 'failures', header: 'repairs.col.failures', type: 'int', width: 90 },
    { key: 'repairs', header: 'repairs.col.repairs', type: 'int', width: 110 },
    { key: 'mttrMinutes', header: 'repairs.col.mttrMinutes', type: 'int', width: 130 },
    { key: 'mtbfMinutes', header: 'repairs.col.mtbfMinutes', type: 'int', width: 130 },
    { key: 'downtimeMinutes', header: 'repairs.col.downtimeMinutes', type: 'int', width: 145 },
    { key: 'operatingMinutes', header: 'repairs.col.operatingMinutes', type: 'int', width: 150 },
    {
      key: 'availability',
      header: 'repairs.col.availability',
      type: 'int',
      width: 100,
      get: (r) => percentText(r.availabilityBp),
    },
  ];
}

/** MTTR, MTBF, downtime and availability per piece of equipment or per category over a period. */
export function ReliabilityReport({ period, periodPicker }: PeriodProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [view, setView] = useState<'equipment' | 'category'>('equipment');
  const [category, setCategory] = useState('');
  const pickers = useQuery('repairs.pickers', {});
  const q = useQuery('repairReports.reliability', { ...period, category: category || null });
  const columns = useMemo<ReportColumn<Row>[]>(
    () =>
      view === 'equipment'
        ? [
            { key: 'code', header: 'repairs.col.code', type: 'text', width: 140, pinned: 'left' },
            { key: 'name', header: 'repairs.col.name', type: 'text', width: 190 },
            {
              key: 'category',
              header: 'repairs.col.category',
              type: 'text',
              width: 100,
              get: (r) => categoryName(t, r.category),
            },
            ...figureColumns<Row>(),
          ]
        : [
            {
              key: 'category',
              header: 'repairs.col.category',
              type: 'text',
              width: 140,
              pinned: 'left',
              get: (r) => (r.id === '__total' ? r.category : categoryName(t, r.category)),
            },
            { key: 'equipment', header: 'repairs.col.equipmentCount', type: 'int', width: 90 },
            ...figureColumns<Row>(),
          ],
    [view, t],
  );
  const rows = useMemo<Row[] | undefined>(
    () =>
      q.data &&
      (view === 'equipment'
        ? q.data.perEquipment.map((e) => ({ ...e, id: e.equipmentId, equipment: null }))
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
      equipment: view === 'category' ? q.data.perCategory.reduce((s, c) => s + c.equipment, 0) : null,
    };
  }, [q.data, view, t]);
  return (
    <RepairReportLayout<Row>
      report="reliability"
      title="repairs.report.reliability"
      subtitle={`${period.from} ~ ${period.to}`}
      from={period.from}
      to={period.to}
      gridId={`repair-reliability-${view}`}
      columns={columns}
      rows={rows}
      totals={totals}
      loading={q.loading}
      getRowId={(r) => r.id}
      onRowDoubleClicked={(r) => r.equipmentId && navigate(`/equipment/${r.equipmentId}`)}
      hint={t('repairs.reports.mttrHint')}
      filters={
        <>
          {periodPicker}
          <Select
            value={category}
            onChange={setCategory}
            style={{ width: 130 }}
            aria-label={t('repairs.f.category')}
            options={[
              { value: '', label: t('repairs.filter.allCategories') },
              ...(pickers.data?.categories ?? []).map((c) => ({ value: c, label: categoryName(t, c) })),
            ]}
            data-testid="reliability-category"
          />
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'equipment' | 'category')}
            options={[
              { value: 'equipment', label: t('repairs.reports.perEquipment') },
              { value: 'category', label: t('repairs.reports.perCategory') },
            ]}
            data-testid="reliability-view"
          />
        </>
      }
    />
  );
}
