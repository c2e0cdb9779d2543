import { Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { REPAIR_REPORTS } from '../../../../../src-shared/api/methods/repair-reports';
import { useI18n } from '../../../lib/i18n';
import { DayRangePicker, today, useDayParam } from '../../../components/reports/ReportFilters';
import { AgingReport } from './AgingReport';
import { CostsReport } from './CostsReport';
import { ReliabilityReport } from './ReliabilityReport';
import { RepeatsReport } from './RepeatsReport';
import { SlaReport } from './SlaReport';
import { storeDayPlus } from '../../../lib/store-day';

type Report = (typeof REPAIR_REPORTS)[number];
const isReport = (v: string | undefined): v is Report => (REPAIR_REPORTS as readonly string[]).includes(v ?? '');

/** A year back to today: reliability needs a long window to mean anything. */
const yearAgo = () => storeDayPlus(-364);

/**
 * The maintenance reports, one tab each (#/repairs/reports/<report>, so a
 * report can be bookmarked; ?from=&to= set the period). The period is kept
 * when switching between them.
 */
export function ReportsPage() {
  const { report } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const current: Report = isReport(report) ? report : 'reliability';
  const [from, setFrom] = useDayParam('from', yearAgo);
  const [to, setTo] = useDayParam('to', today);
  const period = { from, to };
  const periodPicker = (
    <DayRangePicker
      from={from}
      to={to}
      onChange={(f, tt) => {
        setFrom(f);
        setTo(tt);
      }}
    />
  );
  const body = {
    reliability: <ReliabilityReport period={period} periodPicker={periodPicker} />,
    sla: <SlaReport period={period} periodPicker={periodPicker} />,
    repeats: <RepeatsReport period={period} periodPicker={periodPicker} />,
    costs: <CostsReport period={period} periodPicker={periodPicker} />,
    aging: <AgingReport />,
  }[current];
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 0 }}>
        {t('repairs.nav.reports')}
      </Typography.Title>
      <Tabs
        activeKey={current}
        onChange={(k) => navigate(`/repairs/reports/${k}`)}
        items={REPAIR_REPORTS.map((r) => ({ key: r, label: t(`repairs.report.${r}`) }))}
        style={{ marginBottom: 0 }}
        data-testid="repair-report-tabs"
      />
      {body}
    </div>
  );
}
