import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Alert, App, Button, Descriptions, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { ApiError } from '../../../../src-shared/errors';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { RestoreDialog } from './RestoreDialog';
import { uploadBackup } from './upload-backup';

type Backup = MethodOutput<'system.backups'>[number];
const REASONS = ['daily', 'manual', 'pre-migration', 'pre-restore', 'uploaded'] as const;
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const isReason = (r: string): r is (typeof REASONS)[number] => (REASONS as readonly string[]).includes(r);

export function SystemPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const tz = session.store?.timezone;
  const info = useQuery('system.info', {});
  const isAdmin = can(['admin']);
  const backups = useQuery('system.backups', {}, { enabled: isAdmin });
  const backupNow = useMutation('system.backupNow');
  const [restoring, setRestoring] = useState<string | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const columns = useMemo<ColDef<Backup>[]>(
    () => [
      {
        colId: 'at',
        headerName: t('system.backupAt'),
        width: 160,
        valueGetter: (p) => formatStoreTime(p.data?.at, tz),
        sort: 'desc',
      },
      {
        colId: 'reason',
        headerName: t('system.backupReason'),
        width: 140,
        valueGetter: (p) => p.data && (isReason(p.data.reason) ? t(`system.reason.${p.data.reason}`) : p.data.reason),
      },
      {
        colId: 'size',
        headerName: t('system.backupSize'),
        width: 120,
        valueGetter: (p) => p.data && `${(p.data.bytes / 1024).toFixed(0)} KB`,
      },
      { field: 'file', headerName: t('system.backupFile'), flex: 1, minWidth: 300 },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        filter: false,
        width: 110,
        pinned: 'right',
        cellRenderer: (p: ICellRendererParams<Backup>) =>
          p.data && (
            <Button size="small" danger onClick={() => setRestoring(fileName(p.data!.file))} data-testid="restore-row">
              {t('system.restore.choose')}
            </Button>
          ),
      },
    ],
    [t, tz],
  );

  const runBackup = async () => {
    try {
      const b = await backupNow.mutate({});
      void message.success(t('system.backupDone', { file: b.file }));
    } catch (err) {
      showApiError(err, message);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(0);
    try {
      setRestoring(await uploadBackup(file, setUploading));
    } catch (err) {
      // A refused file carries its reason on the file field: say it once.
      if (err instanceof ApiError && err.data.fields?.length) {
        void message.error(err.data.fields.map((f) => f.message).join(' '));
      } else showApiError(err, message);
    } finally {
      setUploading(null);
      if (picker.current) picker.current.value = '';
    }
  };

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('system.title')}
      </Typography.Title>
      {info.data && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }} data-testid="system-info">
          <Descriptions.Item label={t('system.version')}>{info.data.version}</Descriptions.Item>
          <Descriptions.Item label={t('system.host')}>{info.data.host}</Descriptions.Item>
          <Descriptions.Item label={t('system.dataDir')}>{info.data.dataDir}</Descriptions.Item>
          <Descriptions.Item label={t('system.dbFile')}>{info.data.dbFile}</Descriptions.Item>
          <Descriptions.Item label={t('system.schema')}>{info.data.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label={t('system.logFile')}>{info.data.logFile}</Descriptions.Item>
        </Descriptions>
      )}
      {isAdmin && (
        <>
          <Typography.Title level={5}>{t('system.backups')}</Typography.Title>
          <Alert type="info" showIcon title={t('system.restoreHint')} style={{ marginBottom: 8 }} />
          <DataGrid<Backup>
            gridId="backups"
            rows={backups.data}
            loading={backups.loading}
            columns={columns}
            getRowId={(b) => b.file}
            exportName="backups"
            height={320}
            toolbar={
              <Space>
                <Button
                  type="primary"
                  onClick={() => void runBackup()}
                  loading={backupNow.pending}
                  data-testid="backup-now"
                >
                  {t('system.backupNow')}
                </Button>
                <Button
                  onClick={() => picker.current?.click()}
                  loading={uploading !== null}
                  data-testid="restore-upload"
                >
                  {uploading === null
                    ? t('system.restore.upload')
                    : t('system.restore.uploading', { percent: uploading })}
                </Button>
                <input
                  ref={picker}
                  type="file"
                  accept=".sqlite,.db,application/vnd.sqlite3,application/octet-stream"
                  hidden
                  onChange={(e) => void upload(e.target.files?.[0])}
                  data-testid="restore-file"
                />
              </Space>
            }
          />
          {restoring && <RestoreDialog backup={restoring} tz={tz} onClose={() => setRestoring(null)} />}
        </>
      )}
    </div>
  );
}
