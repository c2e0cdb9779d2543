import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Form, Modal, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { InvoiceImportReport } from '../../../../src-shared/api/methods/invoices';
import { ApiError } from '../../../../src-shared/errors';
import { DataGrid } from '../../components/DataGrid';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';
import { HeaderFields, type HeaderValues } from './HeaderFields';
import { FileDrop, type DroppedFile } from '../../components/FileDrop';
import { storeTodayValue } from '../../lib/store-day';

type Issue = InvoiceImportReport['errors'][number];

/**
 * The invoice's header typed in, its lines from a CSV or XLSX file: check
 * (nothing written), then import. Every bad row is listed with its column;
 * a bad header is shown next to its field.
 */
export function InvoiceImportModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<HeaderValues>();
  const run = useMutation('invoices.import');
  const [file, setFile] = useState<DroppedFile | null>(null);
  const [report, setReport] = useState<InvoiceImportReport | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setFile(null);
    setReport(null);
    setFileError(null);
    props.onClose();
  };

  const go = async (dryRun: boolean) => {
    if (!file) return;
    let v: HeaderValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setFileError(null);
    try {
      const r = await run.mutate({
        supplierId: v.supplierId,
        number: v.number,
        invoiceDay: v.invoiceDay.format('YYYY-MM-DD'),
        poId: v.poId ?? null,
        receiptId: v.receiptId ?? null,
        fileName: file.name,
        base64: file.base64,
        dryRun,
      });
      setReport(r);
      if (r.applied && r.invoiceId) {
        void message.success(t('invoices.import.done', { number: v.number }));
        close();
        navigate(`/invoices/${r.invoiceId}`);
      }
    } catch (err) {
      setReport(null);
      const onFile = err instanceof ApiError && err.data.fields?.some((f) => f.path === 'base64');
      if (onFile) setFileError((err as ApiError).message);
      else showApiError(err, message, form);
    }
  };

  const columns = useMemo<ColDef<Issue & { id: string }>[]>(
    () => [
      { field: 'row', headerName: t('items.import.row'), width: 80, filter: 'agNumberColumnFilter' },
      { field: 'column', headerName: t('items.import.column'), width: 130 },
      { field: 'message', headerName: t('items.import.problem'), flex: 1, minWidth: 300 },
    ],
    [t],
  );
  const rows = useMemo(() => (report?.errors ?? []).map((e, i) => ({ ...e, id: String(i) })), [report]);

  return (
    <Modal
      open={props.open}
      title={t('invoices.import.title')}
      width={860}
      style={{ top: 16 }}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            disabled={!file}
            loading={run.pending}
            onClick={() => void go(true)}
            data-testid="invoice-import-check"
          >
            {t('invoices.import.check')}
          </Button>
          <Button
            type="primary"
            disabled={!file || (report !== null && report.errors.length > 0)}
            loading={run.pending}
            onClick={() => void go(false)}
            data-testid="invoice-import-run"
          >
            {t('invoices.import.run')}
          </Button>
        </Space>
      }
    >
      <Form<HeaderValues>
        form={form}
        layout="vertical"
        initialValues={{ invoiceDay: storeTodayValue() }}
        data-testid="invoice-import-form"
      >
        <HeaderFields testPrefix="invoice-import" />
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('invoices.import.help')}
      </Typography.Paragraph>
      <FileDrop
        file={file}
        pickLabel={t('invoices.import.pick')}
        testId="invoice-import-file"
        onFile={(f) => {
          setFile(f);
          setReport(null);
          setFileError(null);
        }}
      />
      {fileError && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={fileError}
          data-testid="invoice-import-file-error"
        />
      )}
      {report && report.errors.length === 0 && !report.applied && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('invoices.import.ok', { rows: report.rows })}
          data-testid="invoice-import-ok"
        />
      )}
      {report && report.errors.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="invoice-import-report">
          <Alert type="error" showIcon title={t('invoices.import.failed', { count: report.errors.length })} />
          <div style={{ marginTop: 8 }}>
            <DataGrid
              gridId="invoice-import-errors"
              rows={rows}
              columns={columns}
              getRowId={(r) => r.id}
              exportName="invoice-import-errors"
              height={240}
            />
          </div>
        </div>
      )}
    </Modal>
  );
}
