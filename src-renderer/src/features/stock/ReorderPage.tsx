import type { ColDef } from 'ag-grid-community';
import { Typography } from 'antd';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { DataGrid } from '../../components/DataGrid';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { nameOf, qtyText } from '../../lib/pickers';

type Row = MethodOutput<'ops.reorder'>[number];

/** Par-based reorder suggestions (purchase orders come with the receiving issue); CSV export via the grid. */
export function ReorderPage() {
  const { t, locale } = useI18n();
  const q = useQuery('ops.reorder', {});
  const qtyCol = (colId: string, header: string, get: (r: Row) => number | null): ColDef<Row> => ({
    colId,
    headerName: header,
    width: 130,
    type: 'rightAligned',
    valueGetter: (x) => (x.data ? get(x.data) : null),
    valueFormatter: (x) => (x.data && x.value !== null ? qtyText(x.value as number, x.data.baseUnit) : ''),
  });
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'code', headerName: t('ops.col.code'), width: 110, pinned: 'left' },
      {
        colId: 'name',
        headerName: t('ops.col.item'),
        flex: 1,
        minWidth: 160,
        valueGetter: (x) => x.data && nameOf(x.data, locale),
      },
      { field: 'category', headerName: t('ops.col.category'), width: 120 },
      qtyCol('onHand', t('ops.col.onHand'), (r) => r.onHand),
      qtyCol('reorderPoint', t('ops.col.reorderPoint'), (r) => r.reorderPoint),
      qtyCol('par', t('ops.col.par'), (r) => r.parLevel),
      {
        colId: 'packs',
        headerName: t('ops.col.packs'),
        width: 120,
        type: 'rightAligned',
        valueGetter: (x) => x.data && `${x.data.packs} ${x.data.packUnit}`,
      },
      qtyCol('suggested', t('ops.col.suggested'), (r) => r.suggestedQty),
    ],
    [t, locale],
  );
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('ops.reorder.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ops.reorder.hint')}</Typography.Paragraph>
      <DataGrid<Row>
        gridId="ops-reorder"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.itemId}
        exportName="reorder-suggestions"
        height="calc(100vh - 230px)"
      />
    </div>
  );
}
