import { Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { percentText } from '../repair-format';
import { RepairReportLayout } from './RepairReportLayout';
import type { PeriodProps } from './period';

type Out = MethodOutput<'repairReports.sla'>;
/** `isTotal` marks the totals row (its label instead of a priority). */
type ByPriority = Out['byPriority'][number] & { isTotal?: boolean };
type Breach = Out['breaches'][number];

/** Share of decided clocks that kept their target (basis points), or null when none was decided. */
const share = (met: number, missed: number) => (met + missed ? Math.round((met * 10_000) / (met + missed)) : null);

/** SLA compliance per priority over a period, and the work orders that breached a target. */
export function SlaReport({ period, periodPicker }: PeriodProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const [view, setView] = useState<'priority' | 'breaches'>('priority');
  const q = useQuery('repairReports.sla', period);
  const tz = session.store?.timezone;
  const viewPicker = (
    <Segmented
      value={view}
      onChange={(v) => setView(v as 'priority' | 'breaches')}
      options={[
        { value: 'priority', label: t('repairs.reports.byPriority') },
        { value: 'breaches', label: t('repairs.reports.breaches', { n: q.data?.breaches.length ?? 0 }) },
      ]}
      data-testid="sla-view"
    />
  );
  const priorityColumns = useMemo<ReportColumn<ByPriority>[]>(
    () => [
      {
        key: 'priority',
        header: 'repairs.col.priority',
        type: 'text',
        width: 110,
        get: (r) => (r.isTotal ? t('repairs.col.total') : t(`repairs.priority.${r.priority}`)),
      },
      { key: 'workOrders', header: 'repairs.col.workOrders', type: 'int' },
      { key: 'responseMet', header: 'repairs.col.responseMet', type: 'int' },
      { key: 'responseMissed', header: 'repairs.col.responseMissed', type: 'int', width: 130 },
      {
        key: 'responseBp',
        header: 'repairs.col.responseCompliance',
        type: 'int',
        width: 150,
        get: (r) => percentText(r.responseBp),
      },
      { key: 'resolutionMet', header: 'repairs.col.resolutionMet', type: 'int', width: 130 },
      { key: 'resolutionMissed', header: 'repairs.col.resolutionMissed', type: 'int', width: 140 },
      {
        key: 'resolutionBp',
        header: 'repairs.col.resolutionCompliance',
        type: 'int',
        width: 160,
        get: (r) => percentText(r.resolutionBp),
      },
    ],
    [t],
  );
  const breachColumns = useMemo<ReportColumn<Breach>[]>(
    () => [
      { key: 'number', header: 'repairs.col.number', type: 'text', width: 140, pinned: 'left' },
      { key: 'equipmentCode', header: 'repairs.col.code', type: 'text', width: 140 },
      { key: 'equipmentName', header: 'repairs.col.name', type: 'text', width: 180 },
      {
        key: 'priority',
        header: 'repairs.col.priority',
        type: 'text',
        width: 90,
        get: (r) => t(`repairs.priority.${r.priority}`),
      },
      { key: 'clock', header: 'repairs.col.clock', type: 'text', width: 100, get: (r) => t(`repairs.sla.${r.clock}`) },
      { key: 'targetMinutes', header: 'repairs.col.targetMinutes', type: 'int', width: 120 },
      { key: 'overMinutes', header: 'repairs.col.overMinutes', type: 'int', width: 120 },
      {
        key: 'breachedAt',
        header: 'repairs.col.breachedAt',
        type: 'text',
        width: 140,
        get: (r) => formatStoreTime(r.breachedAt, tz),
      },
      {
        key: 'status',
        header: 'repairs.col.status',
        type: 'text',
        width: 100,
        get: (r) => t(`repairs.status.${r.status}`),
      },
    ],
    [t, tz],
  );
  const totals = useMemo<ByPriority | undefined>(() => {
    const rows = q.data?.byPriority;
    if (!rows) return undefined;
    const sum = (k: 'workOrders' | 'responseMet' | 'responseMissed' | 'resolutionMet' | 'resolutionMissed') =>
      rows.reduce((s, r) => s + r[k], 0);
    return {
      isTotal: true,
      priority: 'low',
      workOrders: sum('workOrders'),
      responseMet: sum('responseMet'),
      responseMissed: sum('responseMissed'),
      resolutionMet: sum('resolutionMet'),
      resolutionMissed: sum('resolutionMissed'),
      responseBp: share(sum('responseMet'), sum('responseMissed')),
      resolutionBp: share(sum('resolutionMet'), sum('resolutionMissed')),
    };
  }, [q.data]);
  const common = {
    report: 'sla' as const,
    title: 'repairs.report.sla' as const,
    period,
    loading: q.loading,
    filters: (
      <>
        {periodPicker}
        {viewPicker}
      </>
    ),
  };
  return view === 'priority' ? (
    <RepairReportLayout<ByPriority>
      {...common}
      gridId="repair-sla"
      columns={priorityColumns}
      rows={q.data?.byPriority}
      totals={totals}
      getRowId={(r) => (r.isTotal ? '__total' : r.priority)}
    />
  ) : (
    <RepairReportLayout<Breach>
      {...common}
      gridId="repair-sla-breaches"
      columns={breachColumns}
      rows={q.data?.breaches}
      getRowId={(r) => `${r.workOrderId}:${r.clock}`}
      onRowDoubleClicked={(r) => navigate(`/repairs/work-orders/${r.workOrderId}`)}
    />
  );
}
