import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Descriptions, Typography } from 'antd';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';

type Backup = MethodOutput<'system.backups'>[number];
const REASONS = ['daily', 'manual', 'pre-migration', 'pre-restore'] as const;
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
              <Button
                type="primary"
                onClick={() => void runBackup()}
                loading={backupNow.pending}
                data-testid="backup-now"
              >
                {t('system.backupNow')}
              </Button>
            }
          />
        </>
      )}
    </div>
  );
}
