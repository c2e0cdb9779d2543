import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { ListPage } from '../../components/ListPage';
import { useI18n } from '../../lib/i18n';

type Item = MethodOutput<'items.list'>[number];

export function ItemsPage() {
  const { t } = useI18n();
  const columns = useMemo<ColDef<Item>[]>(
    () => [
      { field: 'code', headerName: t('items.code'), width: 120, pinned: 'left' },
      { field: 'nameZh', headerName: t('items.nameZh'), width: 160 },
      { field: 'nameEn', headerName: t('items.nameEn'), flex: 1, minWidth: 180 },
      { field: 'category', headerName: t('items.category'), width: 160 },
      { field: 'baseUnit', headerName: t('items.baseUnit'), width: 110 },
      {
        colId: 'active',
        headerName: t('items.active'),
        width: 90,
        valueGetter: (p) => p.data && t(p.data.active ? 'common.yes' : 'common.no'),
      },
    ],
    [t],
  );
  return <ListPage method="items.list" title="items.title" gridId="items" columns={columns} />;
}
