import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../../../../src-shared/i18n';
import type { REPAIR_REPORTS } from '../../../../../src-shared/api/methods/repair-reports';
import { DataGrid } from '../../../components/DataGrid';
import { call } from '../../../lib/api';
import { downloadBase64 } from '../../../lib/download';
import { showApiError } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { toColDefs, type ReportColumn } from '../../reports/report-columns';
import { ReportPrint } from '../../reports/ReportPrint';

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
 * A maintenance report, laid out like the inventory reports (ReportLayout):
 * filters, the shared grid with a totals row, CSV, print of a plain table;
 * the XLSX is the backend's own workbook of the report (repairReports.xlsx).
 */
export function RepairReportLayout<T>(p: RepairReportProps<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const colDefs = useMemo(() => toColDefs(p.columns, t), [p.columns, t]);
  const title = t(p.title);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const out = await call('repairReports.xlsx', { report: p.report, from: p.from, to: p.to });
      downloadBase64(out.fileName, out.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (err) {
      showApiError(err, message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      {/* The tab above names the report; the title itself is for the printout. */}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 6 }} wrap>
        <Typography.Text type="secondary" data-testid="report-subtitle">
          {p.subtitle}
        </Typography.Text>
        {p.hint && <Typography.Text type="secondary">{p.hint}</Typography.Text>}
      </Space>
      <DataGrid<T>
        gridId={p.gridId}
        rows={p.rows}
        loading={p.loading}
        columns={colDefs}
        getRowId={p.getRowId}
        exportName={`${p.report}-${p.from ?? ''}-${p.to ?? ''}`.replace(/-+$/, '')}
        onRowDoubleClicked={p.onRowDoubleClicked}
        pinnedBottomRowData={p.totals ? [p.totals] : undefined}
        height="calc(100vh - 250px)"
        toolbar={
          <>
            {p.filters}
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void exportXlsx()}
              loading={exporting}
              data-testid={`${p.gridId}-xlsx`}
            >
              {t('reports.exportXlsx')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid={`${p.gridId}-print`}>
              {t('reports.print')}
            </Button>
          </>
        }
      />
      <ReportPrint
        title={title}
        subtitle={p.subtitle}
        columns={p.columns}
        rows={p.rows}
        totals={p.totals}
        getRowId={p.getRowId}
      />
    </div>
  );
}
