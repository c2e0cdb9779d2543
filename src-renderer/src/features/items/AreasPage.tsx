import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { CodeNameModal } from './MasterCodeModal';

type Area = MethodOutput<'areas.list'>[number];
const NEW = { sortOrder: 0 };

export function AreasPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { session } = useSession();
  const canEdit = session.user?.role === 'admin' || session.user?.role === 'manager';
  const areas = useQuery('areas.list', {});
  const create = useMutation('areas.create');
  const update = useMutation('areas.update');
  const [dialog, setDialog] = useState<{ area: Area | null } | null>(null);

  const columns = useMemo<ColDef<Area>[]>(() => {
    const toggle = async (a: Area) => {
      try {
        await update.mutate({ ...a, active: !a.active });
        void message.success(t('common.saved'));
      } catch (err) {
        showApiError(err, message);
      }
    };
    return [
      { field: 'code', headerName: t('items.f.code'), width: 120 },
      { field: 'nameZh', headerName: t('items.f.nameZh'), width: 160 },
      { field: 'nameEn', headerName: t('items.f.nameEn'), width: 180 },
      { field: 'sortOrder', headerName: t('items.f.sortOrder'), width: 100 },
      { field: 'items', headerName: t('items.f.itemCount'), width: 100 },
      {
        colId: 'status',
        headerName: t('items.f.status'),
        width: 100,
        valueGetter: (p) => p.data && t(p.data.active ? 'items.status.active' : 'items.status.inactive'),
        cellRenderer: (p: ICellRendererParams<Area>) =>
          p.data && <Tag color={p.data.active ? 'green' : 'default'}>{p.value as string}</Tag>,
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        filter: false,
        width: 180,
        hide: !canEdit,
        cellRenderer: (p: ICellRendererParams<Area>) =>
          p.data && (
            <Space size={4}>
              <Button size="small" onClick={() => setDialog({ area: p.data! })}>
                {t('common.edit')}
              </Button>
              <Button size="small" danger={p.data.active} onClick={() => void toggle(p.data!)}>
                {t(p.data.active ? 'items.deactivate' : 'items.activate')}
              </Button>
            </Space>
          ),
      },
    ];
  }, [t, canEdit, update, message]);

  const a = dialog?.area;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('items.areas.title')}
      </Typography.Title>
      <DataGrid<Area>
        gridId="storage-areas"
        rows={areas.data}
        loading={areas.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="storage-areas"
        onRowDoubleClicked={canEdit ? (r) => setDialog({ area: r }) : undefined}
        toolbar={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ area: null })}
              data-testid="areas-add"
            >
              {t('items.areas.add')}
            </Button>
          )
        }
      />
      <CodeNameModal
        open={dialog !== null}
        title={a ? t('items.areas.edit', { code: a.code }) : t('items.areas.add')}
        initialValues={a ?? NEW}
        testId="area-form"
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          if (a) await update.mutate({ ...v, id: a.id, active: a.active });
          else await create.mutate(v);
          return t('common.saved');
        }}
      />
    </div>
  );
}
