import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { SupplierDto } from '../../../../src-shared/api/methods/procurement';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';
import { CatalogueDrawer } from './CatalogueDrawer';
import { amount, moneySymbol } from '../../lib/money';
import { SupplierModal } from './SupplierModal';

/** Suppliers with their purchasing terms; each one's catalogue opens in a drawer. */
export function SuppliersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const canEdit = can(['manager', 'admin']);
  // New suppliers come from HQ once the store is enrolled.
  const hq = useHqOwned();
  const q = useQuery('suppliers.list', {});
  const [editing, setEditing] = useState<{ supplier: SupplierDto | null } | null>(null);
  const [catalogueOf, setCatalogueOf] = useState<string | null>(null);
  // The drawer follows the list, so a rename shows in its title at once.
  const catalogueSupplier = q.data?.find((s) => s.id === catalogueOf) ?? null;

  const columns = useMemo<ColDef<SupplierDto>[]>(
    () => [
      { field: 'code', headerName: t('suppliers.f.code'), width: 110, pinned: 'left' },
      { field: 'name', headerName: t('suppliers.f.name'), flex: 1, minWidth: 220 },
      { field: 'contact', headerName: t('suppliers.f.contact'), width: 100 },
      { field: 'phone', headerName: t('suppliers.f.phone'), width: 130 },
      { field: 'leadTimeDays', headerName: t('suppliers.f.leadTime'), width: 110, filter: 'agNumberColumnFilter' },
      {
        colId: 'orderDays',
        headerName: t('suppliers.f.orderDays'),
        width: 160,
        valueGetter: (x) =>
          x.data &&
          (x.data.orderDays.length === 7
            ? t('suppliers.days.everyDay')
            : x.data.orderDays.map((d) => t(`weekday.${d}` as 'weekday.1')).join(' ')),
      },
      {
        colId: 'minOrder',
        headerName: t('suppliers.f.minOrder', { currency: moneySymbol() }),
        width: 120,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.minOrderValue,
        // The header names the currency: the cell is the figure.
        valueFormatter: (x) => (x.value ? amount(x.value as number) : ''),
      },
      { field: 'items', headerName: t('suppliers.f.items'), width: 90, filter: 'agNumberColumnFilter' },
      { field: 'openOrders', headerName: t('suppliers.f.openOrders'), width: 100, filter: 'agNumberColumnFilter' },
      {
        colId: 'status',
        headerName: t('suppliers.f.status'),
        width: 90,
        valueGetter: (x) => x.data && t(x.data.active ? 'suppliers.status.active' : 'suppliers.status.inactive'),
        cellRenderer: (p: ICellRendererParams<SupplierDto>) =>
          p.data && <Tag color={p.data.active ? 'green' : 'default'}>{p.value as string}</Tag>,
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 170,
        sortable: false,
        filter: false,
        cellRenderer: (p: ICellRendererParams<SupplierDto>) =>
          p.data && (
            <Space size={4}>
              {canEdit && (
                <Button size="small" onClick={() => setEditing({ supplier: p.data! })}>
                  {t('common.edit')}
                </Button>
              )}
              <Button size="small" onClick={() => setCatalogueOf(p.data!.id)} data-testid={`catalogue-${p.data.code}`}>
                {t('suppliers.catalogue.button')}
              </Button>
            </Space>
          ),
      },
    ],
    [t, canEdit],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('suppliers.title')}
      </Typography.Title>
      <DataGrid<SupplierDto>
        gridId="suppliers"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="suppliers"
        onRowDoubleClicked={(r) => (canEdit ? setEditing({ supplier: r }) : setCatalogueOf(r.id))}
        toolbar={
          canEdit &&
          hq === null && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ supplier: null })}
              data-testid="suppliers-add"
            >
              {t('suppliers.add')}
            </Button>
          )
        }
      />
      <SupplierModal open={editing !== null} supplier={editing?.supplier ?? null} onClose={() => setEditing(null)} />
      <CatalogueDrawer supplier={catalogueSupplier} canEdit={canEdit} onClose={() => setCatalogueOf(null)} />
    </div>
  );
}
