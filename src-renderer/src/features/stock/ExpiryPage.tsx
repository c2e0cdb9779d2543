import type { ColDef } from 'ag-grid-community';
import { InputNumber, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { amount, money } from '../../lib/money';
import { DataGrid } from '../../components/DataGrid';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { nameOf, qtyTextLarge } from '../../lib/pickers';

type Row = MethodOutput<'ops.expiring'>['expiring'][number];

/** Lots expiring within N days (store setting by default) and stock already expired, with value. */
export function ExpiryPage() {
  const { t, locale } = useI18n();
  const [days, setDays] = useState<number | null>(null);
  const q = useQuery('ops.expiring', { days });
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'expiry', headerName: t('ops.col.expiry'), width: 120, sort: 'asc' },
      { field: 'daysLeft', headerName: t('ops.col.daysLeft'), width: 110, type: 'rightAligned' },
      { field: 'code', headerName: t('ops.col.code'), width: 110 },
      {
        colId: 'name',
        headerName: t('ops.col.item'),
        flex: 1,
        minWidth: 160,
        valueGetter: (x) => x.data && nameOf(x.data, locale),
      },
      { field: 'areaCode', headerName: t('ops.col.area'), width: 100 },
      { field: 'lot', headerName: t('ops.col.lot'), width: 120 },
      {
        colId: 'qty',
        headerName: t('ops.col.qty'),
        width: 130,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.qty,
        valueFormatter: (x) => (x.data ? qtyTextLarge(x.data.qty, x.data.baseUnit) : ''),
      },
      {
        field: 'value',
        headerName: t('ops.col.value'),
        width: 120,
        type: 'rightAligned',
        valueFormatter: (x) => amount(x.value as number),
      },
    ],
    [t, locale],
  );
  const grid = (id: string, rows: Row[] | undefined) => {
    const total = (rows ?? []).reduce((s, r) => s + r.value, 0);
    return (
      <DataGrid<Row>
        gridId={id}
        rows={rows}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => `${r.itemId}|${r.areaId}|${r.lot}`}
        exportName={id}
        height="calc(100vh - 250px)"
        toolbar={<Typography.Text strong>{t('ops.total', { value: money(total) })}</Typography.Text>}
      />
    );
  };
  return (
    <div>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('ops.expiry.title')}
        </Typography.Title>
        <Space>
          <Typography.Text>{t('ops.expiry.days')}</Typography.Text>
          <InputNumber
            min={0}
            max={3650}
            precision={0}
            value={days ?? q.data?.days}
            onChange={(v) => setDays(typeof v === 'number' ? v : null)}
            data-testid="expiry-days"
          />
        </Space>
      </Space>
      <Tabs
        items={[
          {
            key: 'expiring',
            label: t('ops.expiry.expiring', { count: q.data?.expiring.length ?? 0 }),
            children: grid('ops-expiring', q.data?.expiring),
          },
          {
            key: 'expired',
            label: t('ops.expiry.expired', { count: q.data?.expired.length ?? 0 }),
            children: grid('ops-expired', q.data?.expired),
          },
        ]}
      />
    </div>
  );
}
