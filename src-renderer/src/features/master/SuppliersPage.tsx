import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { ListPage } from '../../components/ListPage';
import { useI18n } from '../../lib/i18n';

type Supplier = MethodOutput<'suppliers.list'>[number];

export function SuppliersPage() {
  const { t } = useI18n();
  const columns = useMemo<ColDef<Supplier>[]>(
    () => [
      { field: 'code', headerName: t('suppliers.code'), width: 120 },
      { field: 'name', headerName: t('suppliers.name'), flex: 1, minWidth: 220 },
      { field: 'contact', headerName: t('suppliers.contact'), width: 140 },
      { field: 'phone', headerName: t('suppliers.phone'), width: 160 },
    ],
    [t],
  );
  return <ListPage method="suppliers.list" title="suppliers.title" gridId="suppliers" columns={columns} />;
}
