import { useMemo } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { RepairReportLayout } from './RepairReportLayout';

type Out = MethodOutput<'repairReports.aging'>;
type Row = Omit<Out['buckets'][number], 'bucket'> & { bucket: string };

/** Open work orders by age and priority, as of now: how much is waiting, and for how long. */
export function AgingReport() {
  const { t } = useI18n();
  const { session } = useSession();
  const q = useQuery('repairReports.aging', {});
  const tz = session.store?.timezone;
  const columns = useMemo<ReportColumn<Row>[]>(
    () => [
      {
        key: 'bucket',
        header: 'repairs.col.age',
        type: 'text',
        width: 150,
        pinned: 'left',
        get: (r) => (r.bucket === '__total' ? t('repairs.col.total') : t(`repairs.age.${r.bucket as '1d'}`)),
      },
      { key: 'urgent', header: 'repairs.priority.urgent', type: 'int', width: 90 },
      { key: 'high', header: 'repairs.priority.high', type: 'int', width: 90 },
      { key: 'normal', header: 'repairs.priority.normal', type: 'int', width: 90 },
      { key: 'low', header: 'repairs.priority.low', type: 'int', width: 90 },
      { key: 'total', header: 'repairs.col.workOrders', type: 'int', width: 110 },
      { key: 'active', header: 'repairs.col.active', type: 'int', width: 140 },
    ],
    [t],
  );
  const totals = useMemo<Row | undefined>(() => {
    const b = q.data?.buckets;
    if (!b) return undefined;
    const sum = (k: 'urgent' | 'high' | 'normal' | 'low' | 'total' | 'active') => b.reduce((s, r) => s + r[k], 0);
    return {
      bucket: '__total',
      urgent: sum('urgent'),
      high: sum('high'),
      normal: sum('normal'),
      low: sum('low'),
      total: sum('total'),
      active: sum('active'),
    };
  }, [q.data]);
  const oldest = q.data?.oldest;
  const now = formatStoreTime(new Date().toISOString(), tz);
  return (
    <RepairReportLayout<Row>
      report="aging"
      title="repairs.report.aging"
      subtitle={
        oldest
          ? t('repairs.reports.agingSubtitle', {
              at: now,
              number: oldest.number,
              since: formatStoreTime(oldest.reportedAt, tz),
            })
          : now
      }
      period={null}
      gridId="repair-aging"
      columns={columns}
      rows={q.data?.buckets}
      totals={totals}
      loading={q.loading}
      getRowId={(r) => r.bucket}
    />
  );
}
