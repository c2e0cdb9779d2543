import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ImportReport } from '../../../../src-shared/api/methods/items';
import { ApiError } from '../../../../src-shared/errors';
import { DataGrid } from '../../components/DataGrid';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation } from '../../lib/query';
import { FileDrop, type DroppedFile } from '../../components/FileDrop';

type Issue = ImportReport['errors'][number];

/** Pick a file, check it (dry run, nothing written), then import; the report lists every bad row. */
export function ImportModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const run = useMutation('items.import');
  const [file, setFile] = useState<DroppedFile | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const close = () => {
    setFile(null);
    setReport(null);
    setFileError(null);
    props.onClose();
  };

  const go = async (dryRun: boolean) => {
    if (!file) return;
    setFileError(null);
    try {
      const r = await run.mutate({ fileName: file.name, base64: file.base64, dryRun });
      setReport(r);
      if (r.applied) {
        void message.success(t('items.import.done', { rows: r.rows, created: r.created, updated: r.updated }));
        close();
      }
    } catch (err) {
      setReport(null);
      if (err instanceof ApiError && err.code === 'VALIDATION') setFileError(err.message);
      else showApiError(err, message);
    }
  };

  const columns = useMemo<ColDef<Issue & { id: string }>[]>(
    () => [
      { field: 'row', headerName: t('items.import.row'), width: 80, filter: 'agNumberColumnFilter' },
      { field: 'column', headerName: t('items.import.column'), width: 140 },
      { field: 'message', headerName: t('items.import.problem'), flex: 1, minWidth: 300 },
    ],
    [t],
  );
  const rows = useMemo(() => (report?.errors ?? []).map((e, i) => ({ ...e, id: String(i) })), [report]);

  return (
    <Modal
      open={props.open}
      title={t('items.import.title')}
      width={860}
      style={{ top: 16 }}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button disabled={!file} loading={run.pending} onClick={() => void go(true)} data-testid="import-check">
            {t('items.import.check')}
          </Button>
          <Button
            type="primary"
            disabled={!file || (report !== null && report.errors.length > 0)}
            loading={run.pending}
            onClick={() => void go(false)}
            data-testid="import-run"
          >
            {t('items.import.run')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('items.import.help')}
      </Typography.Paragraph>
      <FileDrop
        file={file}
        pickLabel={t('items.import.pick')}
        testId="import-file"
        onFile={(f) => {
          setFile(f);
          setReport(null);
          setFileError(null);
        }}
      />
      {fileError && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={fileError} data-testid="import-file-error" />
      )}
      {report && report.errors.length === 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('items.import.ok', { rows: report.rows, created: report.created, updated: report.updated })}
          data-testid="import-ok"
        />
      )}
      {report && report.errors.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="import-report">
          <Alert type="error" showIcon title={t('items.import.failed', { count: report.errors.length })} />
          <div style={{ marginTop: 8 }}>
            <DataGrid
              gridId="items-import-errors"
              rows={rows}
              columns={columns}
              getRowId={(r) => r.id}
              exportName="import-errors"
              height={260}
            />
          </div>
        </div>
      )}
    </Modal>
  );
}
