import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { hqApi } from '../../../src-shared/hq-api';
import type { HqItemDto } from '../../../src-shared/hq-api/methods/master';
import { sizeText } from '../../../src-shared/pack-size';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { amount, moneySymbol } from '../../../src-renderer/src/lib/money';
import { useQuery } from '../lib/query';
import { useSession } from '../lib/session';
import { PriceModal, type CatalogueLine } from './PriceModal';

/** A supplier's catalogue at HQ: each item's pack and agreed price, which every store orders at. */
export function CataloguePage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const canEdit = can(hqApi['supplierItems.setPrice'].access);
  const suppliers = useQuery('suppliers.list', {});
  const items = useQuery('items.list', { search: '' });
  const [picked, setPicked] = useState<string | null>(null);
  const supplierId = picked ?? suppliers.data?.[0]?.id ?? null;
  const lines = useQuery('supplierItems.list', { supplierId: supplierId ?? '' }, { enabled: supplierId !== null });
  const [pricing, setPricing] = useState<CatalogueLine | null>(null);

  const byId = useMemo(() => new Map((items.data ?? []).map((i) => [i.id, i])), [items.data]);
  const rows = useMemo<CatalogueLine[] | undefined>(
    () => (supplierId === null ? [] : lines.data?.map((l) => ({ ...l, item: byId.get(l.itemId) ?? null }))),
    [lines.data, byId, supplierId],
  );
  const name = useCallback((i: HqItemDto | null) => (i ? (locale === 'zh-CN' ? i.nameZh : i.nameEn) : ''), [locale]);

  const columns = useMemo<ColDef<CatalogueLine>[]>(
    () => [
      {
        colId: 'itemCode',
        headerName: t('items.f.code'),
        width: 130,
        pinned: 'left',
        valueGetter: (p) => p.data?.item?.code ?? p.data?.itemId,
      },
      {
        colId: 'item',
        headerName: t('catalogue.f.item'),
        flex: 1,
        minWidth: 150,
        valueGetter: (p) => p.data && name(p.data.item),
      },
      { field: 'supplierCode', headerName: t('catalogue.f.supplierCode'), width: 170 },
      {
        colId: 'pack',
        headerName: t('catalogue.f.packUnit'),
        width: 140,
        valueGetter: (p) => p.data && `${p.data.packUnit} = ${sizeText(p.data.packQty, p.data.item?.baseUnit ?? '')}`,
      },
      {
        colId: 'price',
        headerName: t('catalogue.f.price', { currency: moneySymbol() }),
        width: 150,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        valueGetter: (p) => p.data?.price,
        valueFormatter: (p) => amount(p.value as number),
        cellRenderer: (p: ICellRendererParams<CatalogueLine>) =>
          p.data && <span data-testid={`price-${p.data.item?.code ?? p.data.id}`}>{p.valueFormatted}</span>,
      },
      {
        colId: 'preferred',
        headerName: t('catalogue.preferred'),
        width: 90,
        valueGetter: (p) => p.data && (p.data.preferred ? t('common.yes') : ''),
      },
      {
        colId: 'active',
        headerName: t('items.f.status'),
        width: 90,
        valueGetter: (p) => p.data && t(p.data.active ? 'items.status.active' : 'items.status.inactive'),
        cellRenderer: (p: ICellRendererParams<CatalogueLine>) =>
          p.data && <Tag color={p.data.active ? 'green' : 'default'}>{p.value as string}</Tag>,
      },
      ...(canEdit
        ? [
            {
              colId: 'actions',
              headerName: t('common.actions'),
              width: 140,
              // On a tablet the price button stays in sight without scrolling sideways.
              pinned: 'right',
              sortable: false,
              filter: false,
              cellRenderer: (p: ICellRendererParams<CatalogueLine>) =>
                p.data && (
                  <Button
                    size="small"
                    onClick={() => setPricing(p.data!)}
                    data-testid={`set-price-${p.data.item?.code ?? p.data.id}`}
                  >
                    {t('hq.catalogue.setPrice')}
                  </Button>
                ),
            } satisfies ColDef<CatalogueLine>,
          ]
        : []),
    ],
    [t, name, canEdit],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hq.catalogue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hq.master.syncNote')}</Typography.Paragraph>
      <DataGrid<CatalogueLine>
        gridId="hq-catalogue"
        rows={rows}
        loading={suppliers.loading || lines.loading || items.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="catalogue"
        onRowDoubleClicked={canEdit ? setPricing : undefined}
        toolbar={
          <Space>
            <Typography.Text>{t('hq.catalogue.supplier')}</Typography.Text>
            <Select
              value={supplierId}
              onChange={setPicked}
              showSearch
              optionFilterProp="label"
              options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
              style={{ minWidth: 240 }}
              data-testid="catalogue-supplier"
            />
          </Space>
        }
        height="calc(100vh - 230px)"
      />
      <PriceModal line={pricing} itemName={name(pricing?.item ?? null)} onClose={() => setPricing(null)} />
    </div>
  );
}
