import { PlusOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Button, Drawer, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { CatalogueRow, SupplierDto } from '../../../../src-shared/api/methods/procurement';
import { DataGrid } from '../../components/DataGrid';
import { HqOwnedNote } from '../../components/HqOwnedNote';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { useHqOwned } from '../../lib/use-hq-owned';
import { nameOf, usePickers } from '../../lib/pickers';
import { CatalogueModal } from './CatalogueModal';
import { amount, money, moneySymbol } from '../../lib/money';
import { mulDiv } from '../../lib/money-entry';
import { sizeText } from '../../../../src-shared/pack-size';

/** A supplier's catalogue: what it sells us, in which pack, at which agreed price. */
export function CatalogueDrawer(props: { supplier: SupplierDto | null; canEdit: boolean; onClose(): void }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const s = props.supplier;
  const q = useQuery('suppliers.catalogue', { supplierId: s?.id ?? null }, { enabled: !!s });
  const pickers = usePickers();
  const remove = useMutation('suppliers.removeItem');
  const [dialog, setDialog] = useState<{ entry: CatalogueRow | null } | null>(null);
  // HQ adds, prices and removes an enrolled store's catalogue lines: the store only reads them.
  const hq = useHqOwned();
  const canEdit = props.canEdit && hq === null;

  const columns = useMemo<ColDef<CatalogueRow>[]>(() => {
    const confirmRemove = (r: CatalogueRow) =>
      modal.confirm({
        title: t('catalogue.remove'),
        content: t('catalogue.removeConfirm', { item: `${r.itemCode} ${nameOf(r, locale)}` }),
        okButtonProps: { danger: true },
        okText: t('catalogue.remove'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          try {
            await remove.mutate({ id: r.id });
          } catch (err) {
            showApiError(err, message);
          }
        },
      });
    return [
      { field: 'itemCode', headerName: t('po.col.itemCode'), width: 110, pinned: 'left' },
      {
        colId: 'name',
        headerName: t('po.col.item'),
        flex: 1,
        minWidth: 150,
        valueGetter: (x) => x.data && nameOf(x.data, locale),
      },
      { field: 'supplierCode', headerName: t('catalogue.f.supplierCode'), width: 120 },
      {
        colId: 'pack',
        headerName: t('catalogue.f.packUnit'),
        width: 130,
        valueGetter: (x) => x.data && `${x.data.packUnit} = ${sizeText(x.data.packQty, x.data.baseUnit)}`,
      },
      {
        colId: 'price',
        headerName: t('catalogue.f.price', { currency: moneySymbol() }),
        width: 120,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.price,
        // The header names the currency: the cell is the figure.
        valueFormatter: (x) => (x.value === null || x.value === undefined ? '' : amount(x.value as number)),
      },
      {
        colId: 'unitPrice',
        headerName: t('catalogue.f.unitPrice'),
        width: 120,
        type: 'rightAligned',
        // Per kg / l / piece, so offers in different packs compare at a glance.
        valueGetter: (x) => {
          if (!x.data) return '';
          const per = x.data.baseUnit === 'pc' ? 1000 : 1_000_000;
          const unit = x.data.baseUnit === 'g' ? 'kg' : x.data.baseUnit === 'ml' ? 'l' : 'pc';
          return `${money(mulDiv(x.data.price, per, x.data.packQty))}/${unit}`;
        },
      },
      {
        colId: 'preferred',
        headerName: t('catalogue.preferred'),
        width: 90,
        valueGetter: (x) => x.data && (x.data.preferred ? t('catalogue.preferred') : ''),
        cellRenderer: (p: ICellRendererParams<CatalogueRow>) =>
          p.data?.preferred && <Tag color="gold">{p.value as string}</Tag>,
      },
      {
        colId: 'status',
        headerName: t('suppliers.f.status'),
        width: 90,
        valueGetter: (x) => x.data && t(x.data.active ? 'suppliers.status.active' : 'suppliers.status.inactive'),
      },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 150,
        sortable: false,
        filter: false,
        hide: !canEdit,
        cellRenderer: (p: ICellRendererParams<CatalogueRow>) =>
          p.data && (
            <Space size={4}>
              <Button size="small" onClick={() => setDialog({ entry: p.data! })}>
                {t('common.edit')}
              </Button>
              <Button size="small" danger onClick={() => confirmRemove(p.data!)}>
                {t('catalogue.remove')}
              </Button>
            </Space>
          ),
      },
    ];
  }, [t, locale, canEdit, modal, message, remove]);

  return (
    <Drawer
      open={!!s}
      onClose={props.onClose}
      size={980}
      title={s && t('catalogue.title', { code: s.code, name: s.name })}
      destroyOnHidden
      data-testid="catalogue-drawer"
    >
      {hq !== null && <HqOwnedNote hq={hq} detail={t('sync.hqOwned.catalogue')} />}
      <DataGrid<CatalogueRow>
        gridId="supplier-catalogue"
        rows={s ? q.data : []}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName={`catalogue-${s?.code ?? ''}`}
        height="calc(100vh - 140px)"
        onRowDoubleClicked={canEdit ? (r) => setDialog({ entry: r }) : undefined}
        toolbar={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ entry: null })}
              data-testid="catalogue-add"
            >
              {t('catalogue.add')}
            </Button>
          )
        }
      />
      {s && (
        <CatalogueModal
          open={dialog !== null}
          supplierId={s.id}
          entry={dialog?.entry ?? null}
          pickers={pickers.data}
          onClose={() => setDialog(null)}
        />
      )}
    </Drawer>
  );
}
