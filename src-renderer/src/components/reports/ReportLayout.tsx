import { PrinterOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from '../../../../src-shared/i18n';
import { DataGrid } from '../DataGrid';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { downloadBase64 } from '../../lib/download';
import { showApiError } from '../../lib/form-errors';
import { cellValue, toColDefs, type ReportColumn } from './report-columns';
import { ReportPrint } from './ReportPrint';

export interface ReportLayoutProps<T> {
  title: MessageKey;
  /** The period or date the figures are for: shown, exported and printed. */
  subtitle: string;
  filters: ReactNode;
  gridId: string;
  exportName: string;
  columns: ReportColumn<T>[];
  rows: T[] | undefined;
  totals?: T;
  loading: boolean;
  getRowId: (row: T) => string;
  /** Opens the row's details; `hint` tells the user it can. */
  onRowDoubleClicked?: (row: T) => void;
  hint?: string;
  /** The report's own workbook from the backend; default: the rows on screen as a plain sheet. */
  xlsx?: () => Promise<{ fileName: string; base64: string }>;
  /** false when tabs above already name the report: the title then only heads the printout. */
  showTitle?: boolean;
}

/**
 * A report screen, inventory and maintenance alike: filters, the shared grid
 * with a totals row, CSV (the grid's), XLSX (built in the backend) and a print
 * layout (a plain table: the virtualised grid does not print).
 */
export function ReportLayout<T>(p: ReportLayoutProps<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const colDefs = useMemo(() => toColDefs(p.columns, t), [p.columns, t]);
  const title = t(p.title);

  const showTitle = p.showTitle ?? true;

  /** The rows on screen as a workbook built by the backend (reports.xlsx), named after the export name. */
  const plainXlsx = async () => {
    const pick = (r: T) => Object.fromEntries(p.columns.map((c) => [c.key, cellValue(c, r)]));
    const out = await call('reports.xlsx', {
      title,
      subtitle: p.subtitle,
      columns: p.columns.map((c) => ({ key: c.key, header: t(c.header), type: c.type })),
      rows: (p.rows ?? []).map(pick),
      totals: p.totals ? pick(p.totals) : null,
    });
    return { fileName: `${p.exportName}.xlsx`, base64: out.base64 };
  };

  const exportXlsx = async () => {
    if (!p.rows) return;
    setExporting(true);
    try {
      const out = await (p.xlsx ?? plainXlsx)();
      downloadBase64(out.fileName, out.base64, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    } catch (err) {
      showApiError(err, message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div>
      {showTitle ? (
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">
            {title}
          </Typography.Title>
          <Space size="middle">
            {p.hint && <Typography.Text type="secondary">{p.hint}</Typography.Text>}
            <Typography.Text type="secondary" data-testid="report-subtitle">
              {p.subtitle}
            </Typography.Text>
          </Space>
        </Space>
      ) : (
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 6 }} wrap>
          <Typography.Text type="secondary" data-testid="report-subtitle">
            {p.subtitle}
          </Typography.Text>
          {p.hint && <Typography.Text type="secondary">{p.hint}</Typography.Text>}
        </Space>
      )}
      <DataGrid<T>
        gridId={p.gridId}
        rows={p.rows}
        loading={p.loading}
        columns={colDefs}
        getRowId={p.getRowId}
        exportName={p.exportName}
        onRowDoubleClicked={p.onRowDoubleClicked}
        pinnedBottomRowData={p.totals ? [p.totals] : undefined}
        height={showTitle ? 'calc(100vh - 230px)' : 'calc(100vh - 250px)'}
        toolbar={
          <>
            {p.filters}
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void exportXlsx()}
              loading={exporting}
              disabled={!p.rows}
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
