import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { ListPage } from '../../components/ListPage';
import { useI18n } from '../../lib/i18n';

type Equipment = MethodOutput<'equipment.list'>[number];

export function EquipmentPage() {
  const { t } = useI18n();
  const columns = useMemo<ColDef<Equipment>[]>(
    () => [
      { field: 'code', headerName: t('equipment.code'), width: 150 },
      { field: 'name', headerName: t('equipment.name'), flex: 1, minWidth: 180 },
      { field: 'category', headerName: t('equipment.category'), width: 140 },
      { field: 'location', headerName: t('equipment.location'), width: 140 },
      { field: 'make', headerName: t('equipment.make'), width: 130 },
      { field: 'model', headerName: t('equipment.model'), width: 150 },
    ],
    [t],
  );
  return <ListPage method="equipment.list" title="equipment.title" gridId="equipment" columns={columns} />;
}
