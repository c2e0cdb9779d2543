import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { MessageKey } from '../../../../../src-shared/i18n';
import type { REPAIR_REPORTS } from '../../../../../src-shared/api/methods/repair-reports';
import { DataGrid } from '../../../components/DataGrid';
import { call } from '../../../lib/api';
import { downloadBase64 } from '../../../lib/download';
import { showApiError } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { cellValue, formatCell, toColDefs, type ReportColumn } from '../../reports/report-columns';

/**
 * Only the report prints: a plain table rendered straight under <body> (a
 * portal), so print hides every other child of body outright (hiding by
 * visibility lets tab labels and input borders that set their own show through).
 */
const PRINT_CSS = `
.repair-report-print { display: none; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body > *:not(.repair-report-print) { display: none !important; }
  .repair-report-print { display: block; color: #000; }
  .repair-report-print table { border-collapse: collapse; width: 100%; font-size: 9pt; }
  .repair-report-print th, .repair-report-print td { border: 1px solid #999; padding: 2px 4px; }
  .repair-report-print td.num { text-align: right; white-space: nowrap; }
  .repair-report-print tfoot td { font-weight: bold; }
}`;

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
      {createPortal(
        <div className="repair-report-print">
          <style>{PRINT_CSS}</style>
          <h2>{title}</h2>
          <p>{p.subtitle}</p>
          <table>
            <thead>
              <tr>
                {p.columns.map((c) => (
                  <th key={c.key}>{t(c.header)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(p.rows ?? []).map((r) => (
                <tr key={p.getRowId(r)}>
                  {p.columns.map((c) => (
                    <td key={c.key} className={c.type === 'text' ? undefined : 'num'}>
                      {formatCell(c.type, cellValue(c, r))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            {p.totals && (
              <tfoot>
                <tr>
                  {p.columns.map((c) => (
                    <td key={c.key} className={c.type === 'text' ? undefined : 'num'}>
                      {formatCell(c.type, cellValue(c, p.totals!))}
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>,
        document.body,
      )}
    </div>
  );
}
