import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { formatStoreTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { categoryName, localName } from '../repair-format';
import { RepairReportLayout } from './RepairReportLayout';
import type { PeriodProps } from './period';

type Row = MethodOutput<'repairReports.repeats'>[number];

/** The same fault on the same equipment again within the repeat window: fixes that did not hold. */
export function RepeatsReport({ period, periodPicker }: PeriodProps) {
  const { t, locale } = useI18n();
  const { session } = useSession();
  const navigate = useNavigate();
  const q = useQuery('repairReports.repeats', period);
  const pickers = useQuery('repairs.pickers', {});
  const tz = session.store?.timezone;
  const columns = useMemo<ReportColumn<Row>[]>(
    () => [
      { key: 'code', header: 'repairs.col.code', type: 'text', width: 140, pinned: 'left' },
      { key: 'name', header: 'repairs.col.name', type: 'text', width: 180 },
      {
        key: 'category',
        header: 'repairs.col.category',
        type: 'text',
        width: 100,
        get: (r) => categoryName(t, r.category),
      },
      { key: 'faultCode', header: 'repairs.col.faultCode', type: 'text', width: 140 },
      {
        key: 'fault',
        header: 'repairs.col.fault',
        type: 'text',
        width: 170,
        get: (r) => localName({ nameZh: r.faultNameZh, nameEn: r.faultNameEn }, locale),
      },
      { key: 'failures', header: 'repairs.col.failures', type: 'int', width: 90 },
      { key: 'repeats', header: 'repairs.col.repeats', type: 'int', width: 90 },
      { key: 'numbers', header: 'repairs.col.numbers', type: 'text', width: 260, get: (r) => r.numbers.join(', ') },
      {
        key: 'lastAt',
        header: 'repairs.col.lastAt',
        type: 'text',
        width: 140,
        get: (r) => formatStoreTime(r.lastAt, tz),
      },
    ],
    [t, locale, tz],
  );
  const window = pickers.data?.settings.repeatWindowDays;
  return (
    <RepairReportLayout<Row>
      report="repeats"
      title="repairs.report.repeats"
      period={period}
      gridId="repair-repeats"
      columns={columns}
      rows={q.data}
      loading={q.loading}
      getRowId={(r) => `${r.equipmentId}:${r.faultCode}`}
      onRowDoubleClicked={(r) => navigate(`/equipment/${r.equipmentId}`)}
      hint={window ? t('repairs.reports.repeatWindow', { days: window }) : undefined}
      filters={periodPicker}
    />
  );
}
