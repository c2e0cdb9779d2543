import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { CategorySelect } from '../CategorySelect';
import { percentText } from '../repair-format';
import { RepairReportLayout } from './RepairReportLayout';
import { rowsOfView, totalsOfView, viewColumns, ViewSwitch, type View, type ViewRow } from './equipment-views';
import type { PeriodProps } from './period';

type Out = MethodOutput<'repairReports.reliability'>;
type Figures = Out['total'];
/** Equipment and category rows in one shape, so one grid shows either view. */
type Row = Figures & ViewRow & { equipment: number | null };

const EQUIPMENT_COUNT: ReportColumn<Row> = {
  key: 'equipment',
  header: 'repairs.col.equipmentCount',
  type: 'int',
  width: 90,
};

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
  const [view, setView] = useState<View>('equipment');
  const [category, setCategory] = useState('');
  const q = useQuery('repairReports.reliability', { ...period, category: category || null });
  const columns = useMemo<ReportColumn<Row>[]>(
    () => [
      ...viewColumns<Row>(t, view),
      // The category view counts the equipment in each category, next to its name.
      ...(view === 'category' ? [EQUIPMENT_COUNT] : []),
      ...figureColumns<Row>(),
    ],
    [view, t],
  );
  // Category rows carry their equipment count; equipment rows have none.
  const rows = useMemo<Row[] | undefined>(
    () => q.data && rowsOfView(q.data, view).map((r) => ({ equipment: null, ...r })),
    [q.data, view],
  );
  const totals = useMemo<Row | undefined>(
    () =>
      q.data && {
        ...totalsOfView(q.data.total, view, t('repairs.col.total')),
        equipment: view === 'category' ? q.data.perCategory.reduce((s, c) => s + c.equipment, 0) : null,
      },
    [q.data, view, t],
  );
  return (
    <RepairReportLayout<Row>
      report="reliability"
      title="repairs.report.reliability"
      period={period}
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
          <CategorySelect value={category} onChange={setCategory} testId="reliability-category" />
          <ViewSwitch value={view} onChange={setView} testId="reliability-view" />
        </>
      }
    />
  );
}
