import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqItemDto } from '../../../src-shared/hq-api/methods/master';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { HistoryDrawer, type HistoryTarget } from './HistoryDrawer';
import { ItemModal } from './ItemModal';

/** The chain's items: what every store receives as its item master. */
export function ItemsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const canEdit = can(hqApi['items.save'].access);
  const q = useQuery('items.list', { search: '' });
  const [editing, setEditing] = useState<{ item: HqItemDto | null } | null>(null);
  const [history, setHistory] = useState<HistoryTarget | null>(null);

  const columns = useMemo<ColDef<HqItemDto>[]>(
    () => [
      { field: 'code', headerName: t('items.f.code'), width: 130, pinned: 'left' },
      { field: 'nameZh', headerName: t('items.f.nameZh'), flex: 1, minWidth: 140 },
      { field: 'nameEn', headerName: t('items.f.nameEn'), flex: 1, minWidth: 140 },
      { field: 'category', headerName: t('items.f.category'), width: 110 },
      { field: 'baseUnit', headerName: t('items.f.baseUnit'), width: 100 },
      { field: 'shelfLifeDays', headerName: t('items.f.shelfLife'), width: 120, filter: 'agNumberColumnFilter' },
      {
        colId: 'lotTracked',
        headerName: t('items.f.lotTracked'),
        width: 100,
        valueGetter: (p) => p.data && t(p.data.lotTracked ? 'common.yes' : 'common.no'),
      },
      {
        colId: 'active',
        headerName: t('items.f.status'),
        width: 90,
        valueGetter: (p) => p.data && t(p.data.active ? 'items.status.active' : 'items.status.inactive'),
        cellRenderer: (p: ICellRendererParams<HqItemDto>) =>
          p.data && <Tag color={p.data.active ? 'green' : 'default'}>{p.value as string}</Tag>,
      },
      {
        colId: 'history',
        headerName: t('hqm.history'),
        width: 110,
        sortable: false,
        filter: false,
        cellRenderer: (p: ICellRendererParams<HqItemDto>) =>
          p.data && (
            <Button
              size="small"
              type="link"
              icon={<HistoryOutlined />}
              data-testid="row-history"
              onClick={() => setHistory({ table: 'items', key: { id: p.data!.id }, name: p.data!.code })}
            >
              {t('hqm.history')}
            </Button>
          ),
      },
    ],
    [t],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hq.items.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hq.master.syncNote')}</Typography.Paragraph>
      <DataGrid<HqItemDto>
        gridId="hq-items"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="items"
        onRowDoubleClicked={canEdit ? (item) => setEditing({ item }) : undefined}
        toolbar={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ item: null })}
              data-testid="item-add"
            >
              {t('hq.items.add')}
            </Button>
          )
        }
        height="calc(100vh - 230px)"
      />
      <HistoryDrawer target={history} onClose={() => setHistory(null)} />
      <ItemModal open={editing !== null} item={editing?.item ?? null} onClose={() => setEditing(null)} />
    </div>
  );
}
