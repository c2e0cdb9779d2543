import type { ColDef } from 'ag-grid-community';
import { Typography } from 'antd';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { hasMessage } from '../../lib/catalog';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { PlanView } from './PlanView';

type Run = MethodOutput<'sync.history'>[number];
type Letter = MethodOutput<'sync.deadLetters'>[number];

export function RunHistory() {
  const { t } = useI18n();
  const { session } = useSession();
  const tz = session.store?.timezone;
  const runs = useQuery('sync.history', { limit: 200 });
  const columns = useMemo<ColDef<Run>[]>(
    () => [
      {
        colId: 'startedAt',
        headerName: t('sync.run.startedAt'),
        width: 160,
        valueGetter: (p) => formatStoreTime(p.data?.startedAt, tz),
      },
      {
        colId: 'trigger',
        headerName: t('sync.run.trigger'),
        width: 120,
        valueGetter: (p) => p.data && t(`sync.trigger.${p.data.trigger}`),
      },
      {
        colId: 'result',
        headerName: t('sync.run.result'),
        width: 130,
        valueGetter: (p) => p.data && t(`sync.result.${p.data.result}`),
      },
      { field: 'sent', headerName: t('sync.run.sent'), width: 90, type: 'rightAligned' },
      { field: 'received', headerName: t('sync.run.received'), width: 90, type: 'rightAligned' },
      { field: 'deadLetters', headerName: t('sync.run.deadLetters'), width: 100, type: 'rightAligned' },
      {
        colId: 'message',
        headerName: t('sync.run.message'),
        flex: 1,
        minWidth: 240,
        valueGetter: (p) => p.data && [p.data.code, p.data.message].filter(Boolean).join(': '),
      },
    ],
    [t, tz],
  );
  return (
    <DataGrid
      gridId="sync-history"
      rows={runs.data}
      loading={runs.loading}
      columns={columns}
      getRowId={(r) => String(r.id)}
      exportName="sync-history"
      height={360}
    />
  );
}

export function DeadLetterList() {
  const { t } = useI18n();
  const { session } = useSession();
  const tz = session.store?.timezone;
  const letters = useQuery('sync.deadLetters', { limit: 500 });
  const columns = useMemo<ColDef<Letter>[]>(
    () => [
      { colId: 'at', headerName: t('sync.dl.at'), width: 160, valueGetter: (p) => formatStoreTime(p.data?.at, tz) },
      {
        colId: 'direction',
        headerName: t('sync.dl.direction'),
        width: 100,
        valueGetter: (p) => p.data && t(p.data.direction === 'up' ? 'sync.dl.up' : 'sync.dl.down'),
      },
      {
        colId: 'table',
        headerName: t('sync.dl.table'),
        width: 140,
        valueGetter: (p) => {
          const key = `sync.table.${p.data?.table ?? ''}`;
          return p.data && (hasMessage(key) ? t(key) : p.data.table);
        },
      },
      { field: 'rowId', headerName: t('sync.dl.row'), width: 280 },
      { field: 'reason', headerName: t('sync.dl.reason'), flex: 1, minWidth: 300 },
    ],
    [t, tz],
  );
  return (
    <DataGrid
      gridId="sync-dead-letters"
      rows={letters.data}
      loading={letters.loading}
      columns={columns}
      getRowId={(r) => String(r.id)}
      exportName="sync-not-accepted"
      height={360}
    />
  );
}

export function EnrollmentReport() {
  const { t } = useI18n();
  const { session } = useSession();
  const report = useQuery('sync.enrollment', {});
  const r = report.data;
  if (!r) return <Typography.Text type="secondary">{t('sync.report.none')}</Typography.Text>;
  return (
    <>
      <Typography.Paragraph>
        {t('sync.report.summary', {
          hq: r.hqName,
          code: r.hqStoreCode,
          at: formatStoreTime(r.at, session.store?.timezone),
        })}
      </Typography.Paragraph>
      <PlanView plans={r.plans} />
    </>
  );
}
