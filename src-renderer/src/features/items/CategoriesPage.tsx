import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { HqOwnedNote } from '../../components/HqOwnedNote';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';
import { CodeNameModal } from './MasterCodeModal';

type Category = MethodOutput<'categories.list'>[number];
const NEW = { sortOrder: 0 };

export function CategoriesPage() {
  const { t } = useI18n();
  const { session } = useSession();
  // Once enrolled, categories are HQ's whole: nothing to add or edit here.
  const hq = useHqOwned();
  const canEdit = (session.user?.role === 'admin' || session.user?.role === 'manager') && hq === null;
  const categories = useQuery('categories.list', {});
  const create = useMutation('categories.create');
  const update = useMutation('categories.update');
  const [dialog, setDialog] = useState<{ category: Category | null } | null>(null);

  const columns = useMemo<ColDef<Category>[]>(
    () => [
      { field: 'code', headerName: t('items.f.code'), width: 180 },
      { field: 'nameZh', headerName: t('items.f.nameZh'), width: 160 },
      { field: 'nameEn', headerName: t('items.f.nameEn'), width: 200 },
      { field: 'sortOrder', headerName: t('items.f.sortOrder'), width: 100 },
      { field: 'items', headerName: t('items.f.itemCount'), width: 100 },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        sortable: false,
        filter: false,
        width: 110,
        hide: !canEdit,
        cellRenderer: (p: ICellRendererParams<Category>) =>
          p.data && (
            <Button size="small" onClick={() => setDialog({ category: p.data! })}>
              {t('common.edit')}
            </Button>
          ),
      },
    ],
    [t, canEdit],
  );

  const c = dialog?.category;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('items.categories.title')}
      </Typography.Title>
      {hq !== null && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.categories')} />}
      <DataGrid<Category>
        gridId="item-categories"
        rows={categories.data}
        loading={categories.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="item-categories"
        onRowDoubleClicked={canEdit ? (r) => setDialog({ category: r }) : undefined}
        toolbar={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ category: null })}
              data-testid="categories-add"
            >
              {t('items.categories.add')}
            </Button>
          )
        }
      />
      <CodeNameModal
        open={dialog !== null}
        title={c ? t('items.categories.edit', { code: c.code }) : t('items.categories.add')}
        initialValues={c ?? NEW}
        codeHint={t('items.hint.categoryCode')}
        testId="category-form"
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          if (c) await update.mutate({ ...v, id: c.id });
          else await create.mutate(v);
          return t('common.saved');
        }}
      />
    </div>
  );
}
