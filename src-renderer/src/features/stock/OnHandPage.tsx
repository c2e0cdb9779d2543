import type { ColDef } from 'ag-grid-community';
import { WarningOutlined } from '@ant-design/icons';
import { Alert, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../../src-shared/api';
import { amount, money } from '../../lib/money';
import { DataGrid } from '../../components/DataGrid';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { areaOptions, filterByLabel, nameOf, qtyTextLarge, usePickers } from '../../lib/pickers';

type Row = MethodOutput<'stock.onHand'>[number];

/** Stock on hand per item, area and lot: a lookup in the balances, valued at the moving average. */
export function OnHandPage() {
  const { t, locale } = useI18n();
  const [areaId, setAreaId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const p = usePickers();
  const q = useQuery('stock.onHand', { areaId, category });
  const exp = useQuery('ops.expiring', {});
  const allowNegative = p.data?.negativeStock === 'allow';
  const categories = useMemo(
    () => [...new Set((p.data?.items ?? []).map((i) => i.category))].sort().map((c) => ({ value: c, label: c })),
    [p.data],
  );
  const total = (q.data ?? []).reduce((s, r) => s + r.value, 0);
  const alerts = (exp.data?.expiring.length ?? 0) + (exp.data?.expired.length ?? 0);
  const red = (r: Row | undefined) => (r?.negative ? { color: '#cf1322', fontWeight: 600 } : undefined);

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
      { field: 'areaCode', headerName: t('ops.col.area'), width: 100 },
      { field: 'lot', headerName: t('ops.col.lot'), width: 110 },
      { field: 'expiry', headerName: t('ops.col.expiry'), width: 120 },
      {
        colId: 'qty',
        headerName: t('ops.col.qty'),
        width: 140,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.qty,
        valueFormatter: (x) => (x.data ? qtyTextLarge(x.data.qty, x.data.baseUnit) : ''),
        cellStyle: (x) => (allowNegative ? red(x.data) : undefined) ?? null,
      },
      {
        field: 'value',
        headerName: t('ops.col.value'),
        width: 130,
        type: 'rightAligned',
        valueFormatter: (x) => amount(x.value as number),
      },
    ],
    [t, locale, allowNegative],
  );

  return (
    <div>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('ops.nav.onHand')}
        </Typography.Title>
        {alerts > 0 && (
          <Link to="/stock/expiry" data-testid="expiry-badge">
            <Tag icon={<WarningOutlined />} color="warning">
              {t('ops.expiryBadge', { count: alerts })}
            </Tag>
          </Link>
        )}
      </Space>
      {allowNegative && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('ops.negativeHint')} />}
      <DataGrid<Row>
        gridId="ops-on-hand"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => `${r.itemId}|${r.areaId}|${r.lot}`}
        exportName="stock-on-hand"
        height={allowNegative ? 'calc(100vh - 250px)' : undefined}
        toolbar={
          <>
            <Select
              allowClear
              showSearch={{ filterOption: filterByLabel }}
              style={{ width: 200 }}
              placeholder={t('ops.filter.area')}
              options={areaOptions(p.data?.areas, locale)}
              value={areaId}
              onChange={(v) => setAreaId(v ?? null)}
              data-testid="onhand-area"
            />
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('ops.filter.category')}
              options={categories}
              value={category}
              onChange={(v) => setCategory(v ?? null)}
            />
            <Typography.Text strong data-testid="onhand-total">
              {t('ops.total', { value: money(total) })}
            </Typography.Text>
          </>
        }
      />
    </div>
  );
}
