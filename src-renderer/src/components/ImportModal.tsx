import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Modal, Space, Typography, type FormInstance } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../../../src-shared/errors';
import { showApiError } from '../lib/form-errors';
import { useI18n } from '../lib/i18n';
import { DataGrid } from './DataGrid';
import { FileDrop, type DroppedFile } from './FileDrop';

/** What every import answers: rows read, whether it was written, and each bad row's problem. */
export interface ImportOutcome {
  rows: number;
  applied: boolean;
  errors: { row: number; column: string; message: string }[];
}

type Issue = ImportOutcome['errors'][number] & { id: string };

/**
 * Importing a spreadsheet: pick a file, check it (a dry run, nothing
 * written), then import. Every bad row is listed with its column; a problem
 * with the file itself shows beside the file, one naming a field of the
 * caller's form (`children`) beside that field. The import's own texts come
 * from the caller; test ids are `${testId}-file`, `-check`, `-run`,
 * `-file-error`, `-ok` and `-report`.
 */
export function ImportModal<R extends ImportOutcome>(props: {
  open: boolean;
  onClose(): void;
  title: string;
  help: string;
  pickLabel: string;
  testId: string;
  /** Where the error list keeps its column layout. */
  gridId: string;
  /** Sends the file; resolves to null when the caller's own fields are not ready (nothing was sent). */
  send(file: DroppedFile, dryRun: boolean): Promise<R | null>;
  /** What a clean check says. */
  okText(report: R): string;
  /** After the import was written, before the modal closes (and resets the form). */
  onImported(report: R): void;
  /** The form of `children`, reset on close and given the errors that name its fields. */
  form?: FormInstance;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<DroppedFile | null>(null);
  const [report, setReport] = useState<R | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    props.form?.resetFields();
    setFile(null);
    setReport(null);
    setFileError(null);
    props.onClose();
  };

  const go = async (dryRun: boolean) => {
    if (!file) return;
    setFileError(null);
    setBusy(true);
    try {
      const r = await props.send(file, dryRun);
      if (!r) return;
      setReport(r);
      if (r.applied) {
        props.onImported(r);
        close();
      }
    } catch (err) {
      setReport(null);
      if (aboutTheFile(err)) setFileError(err.message);
      else showApiError(err, message, props.form);
    } finally {
      setBusy(false);
    }
  };

  const columns = useMemo<ColDef<Issue>[]>(
    () => [
      { field: 'row', headerName: t('import.row'), width: 80, filter: 'agNumberColumnFilter' },
      { field: 'column', headerName: t('import.column'), width: 140 },
      { field: 'message', headerName: t('import.problem'), flex: 1, minWidth: 300 },
    ],
    [t],
  );
  const rows = useMemo(() => (report?.errors ?? []).map((e, i) => ({ ...e, id: String(i) })), [report]);
  const id = props.testId;

  return (
    <Modal
      open={props.open}
      title={props.title}
      width={860}
      style={{ top: 16 }}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button disabled={!file} loading={busy} onClick={() => void go(true)} data-testid={`${id}-check`}>
            {t('import.check')}
          </Button>
          <Button
            type="primary"
            disabled={!file || (report !== null && report.errors.length > 0)}
            loading={busy}
            onClick={() => void go(false)}
            data-testid={`${id}-run`}
          >
            {t('import.run')}
          </Button>
        </Space>
      }
    >
      {props.children}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {props.help}
      </Typography.Paragraph>
      <FileDrop
        file={file}
        pickLabel={props.pickLabel}
        testId={`${id}-file`}
        onFile={(f) => {
          setFile(f);
          setReport(null);
          setFileError(null);
        }}
      />
      {fileError && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={fileError} data-testid={`${id}-file-error`} />
      )}
      {report && report.errors.length === 0 && !report.applied && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={props.okText(report)}
          data-testid={`${id}-ok`}
        />
      )}
      {report && report.errors.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid={`${id}-report`}>
          <Alert type="error" showIcon title={t('import.failed', { count: report.errors.length })} />
          <div style={{ marginTop: 8 }}>
            <DataGrid
              gridId={props.gridId}
              rows={rows}
              columns={columns}
              getRowId={(r) => r.id}
              exportName={`${id}-errors`}
              height={250}
            />
          </div>
        </div>
      )}
    </Modal>
  );
}

/** A refusal of the file as a whole: on the file field, or a bad input naming no field. */
function aboutTheFile(err: unknown): err is ApiError {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION') return false;
  const fields = err.data.fields ?? [];
  return fields.length === 0 || fields.some((f) => f.path === 'base64');
}
