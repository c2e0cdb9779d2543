import type { ReactNode } from 'react';
import type { REPAIR_REPORTS } from '../../../../../src-shared/api/methods/repair-reports';
import type { MessageKey } from '../../../../../src-shared/i18n';
import { call } from '../../../lib/api';
import type { ReportColumn } from '../../../components/reports/report-columns';
import { ReportLayout } from '../../../components/reports/ReportLayout';

export interface RepairReportProps<T> {
  report: (typeof REPAIR_REPORTS)[number];
  title: MessageKey;
  subtitle: string;
  /** The period the XLSX covers (the aging report has none). */
  from: string | null;
  to: string | null;
  filters?: ReactNode;
  gridId: string;
  columns: ReportColumn<T>[];
  rows: T[] | undefined;
  totals?: T;
  loading: boolean;
  getRowId: (row: T) => string;
  onRowDoubleClicked?: (row: T) => void;
  hint?: string;
}

/**
 * A maintenance report: the inventory reports' layout under the report tabs
 * (which name it), with the backend's own workbook of the report
 * (repairReports.xlsx) rather than a sheet of the rows on screen.
 */
export function RepairReportLayout<T>({ report, from, to, filters, ...rest }: RepairReportProps<T>) {
  return (
    <ReportLayout<T>
      {...rest}
      filters={filters}
      showTitle={false}
      exportName={`${report}-${from ?? ''}-${to ?? ''}`.replace(/-+$/, '')}
      xlsx={() => call('repairReports.xlsx', { report, from, to })}
    />
  );
}
