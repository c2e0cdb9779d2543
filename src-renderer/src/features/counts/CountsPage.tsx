import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CountHeaderDto } from '../../../../src-shared/api/methods/counts';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { scopeText } from './scope-text';
import { StartCountModal } from './StartCountModal';

export const STATUS_COLOR = { open: 'blue', posted: 'green', cancelled: 'default' } as const;

export function CountsPage() {
  const { t, locale } = useI18n();
  const { session, can } = useSession();
  const tz = session.store?.timezone;
  const navigate = useNavigate();
  const counts = useQuery('counts.list', {});
  const options = useQuery('counts.scopeOptions', {});
  const [starting, setStarting] = useState(false);

  const columns = useMemo<ColDef<CountHeaderDto>[]>(
    () => [
      {
        field: 'number',
        headerName: t('counts.number'),
        width: 150,
        cellRenderer: (p: ICellRendererParams<CountHeaderDto>) =>
          p.data && (
            <Typography.Link onClick={() => navigate(`/counts/${p.data!.id}`)} data-testid={`count-${p.data.number}`}>
              {p.data.number}
            </Typography.Link>
          ),
      },
      {
        colId: 'status',
        headerName: t('counts.status'),
        width: 100,
        valueGetter: (p) => p.data && t(`counts.status.${p.data.status}`),
        cellRenderer: (p: ICellRendererParams<CountHeaderDto>) =>
          p.data && <Tag color={STATUS_COLOR[p.data.status]}>{t(`counts.status.${p.data.status}`)}</Tag>,
      },
      {
        colId: 'scope',
        headerName: t('counts.scope'),
        flex: 1,
        minWidth: 200,
        valueGetter: (p) => p.data && scopeText(p.data, options.data?.areas, options.data?.categories, locale, t),
      },
      {
        colId: 'blind',
        headerName: t('counts.blind'),
        width: 90,
        valueGetter: (p) => p.data && t(p.data.blind ? 'common.yes' : 'common.no'),
      },
      {
        colId: 'progress',
        headerName: t('counts.progress'),
        width: 110,
        valueGetter: (p) => p.data && t('counts.progressValue', { counted: p.data.counted, lines: p.data.lines }),
      },
      {
        colId: 'startedAt',
        headerName: t('counts.startedAt'),
        width: 150,
        sort: 'desc',
        valueGetter: (p) => formatStoreTime(p.data?.startedAt, tz),
      },
      { field: 'startedBy', headerName: t('counts.startedBy'), width: 120 },
      {
        colId: 'postedAt',
        headerName: t('counts.postedAt'),
        width: 150,
        valueGetter: (p) => formatStoreTime(p.data?.postedAt, tz),
      },
      { field: 'note', headerName: t('counts.note'), width: 160 },
    ],
    [t, tz, locale, navigate, options.data],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('counts.title')}
      </Typography.Title>
      <DataGrid<CountHeaderDto>
        gridId="counts.list"
        rows={counts.data}
        loading={counts.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="stocktakes"
        onRowDoubleClicked={(r) => navigate(`/counts/${r.id}`)}
        toolbar={
          can(['manager', 'admin']) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="count-start">
              {t('counts.start')}
            </Button>
          )
        }
      />
      <StartCountModal
        open={starting}
        onClose={() => setStarting(false)}
        onStarted={(id) => navigate(`/counts/${id}`)}
      />
    </div>
  );
}
