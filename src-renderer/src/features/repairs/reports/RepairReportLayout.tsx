import type { REPAIR_REPORTS } from '../../../../../src-shared/api/methods/repair-reports';
import { call } from '../../../lib/api';
import { ReportLayout, type ReportLayoutProps } from '../../../components/reports/ReportLayout';
import type { Period } from './period';

export type RepairReportProps<T> = Omit<
  ReportLayoutProps<T>,
  'exportName' | 'xlsx' | 'showTitle' | 'subtitle' | 'filters'
> & {
  report: (typeof REPAIR_REPORTS)[number];
  /** The period shown, exported and put in the XLSX (the aging report has none). */
  period: Period | null;
  /** Default: the period. */
  subtitle?: string;
  filters?: ReportLayoutProps<T>['filters'];
};

/**
 * A maintenance report: the inventory reports' layout under the report tabs
 * (which name it), with the backend's own workbook of the report
 * (repairReports.xlsx) rather than a sheet of the rows on screen.
 */
export function RepairReportLayout<T>({ report, period, subtitle, filters, ...rest }: RepairReportProps<T>) {
  const from = period?.from ?? null;
  const to = period?.to ?? null;
  return (
    <ReportLayout<T>
      {...rest}
      filters={filters}
      subtitle={subtitle ?? (period ? `${period.from} ~ ${period.to}` : '')}
      showTitle={false}
      exportName={`${report}-${from ?? ''}-${to ?? ''}`.replace(/-+$/, '')}
      xlsx={() => call('repairReports.xlsx', { report, from, to })}
    />
  );
}
