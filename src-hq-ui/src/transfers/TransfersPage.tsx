import { ReloadOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { ChainTransferDto } from '../../../src-shared/hq-api/methods/transfers';
import type { MessageKey } from '../../../src-shared/i18n';
import { DataGrid } from '../../../src-renderer/src/components/DataGrid';
import { useI18n } from '../../../src-renderer/src/lib/i18n';
import { amount, moneySymbol } from '../../../src-renderer/src/lib/money';
import { useQuery } from '../lib/query';
import { hqTime } from '../lib/time';

type Filter = 'all' | ChainTransferDto['status'];
const FILTERS: Filter[] = ['all', 'in_transit', 'received', 'unrouted'];
const STATUS_COLOR: Record<ChainTransferDto['status'], string> = {
  in_transit: 'blue',
  received: 'green',
  unrouted: 'red',
};

const maybeAmount = (v: number | null | undefined) => (v === null || v === undefined ? '' : amount(v));

/** Transfers between the chain's stores: what is in transit and its value, what arrived and the variance. */
export function TransfersPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const q = useQuery('transfers.list', { status: filter === 'all' ? null : filter });
  const totals = q.data?.totals;

  const columns = useMemo<ColDef<ChainTransferDto>[]>(
    () => [
      { field: 'number', headerName: t('hq.transfers.col.number'), width: 200, pinned: 'left' },
      {
        colId: 'from',
        headerName: t('hq.transfers.col.from'),
        width: 120,
        valueGetter: (p) => p.data && `${p.data.fromName} (${p.data.fromStore})`,
        tooltipValueGetter: (p) => p.value as string,
      },
      {
        colId: 'to',
        headerName: t('hq.transfers.col.to'),
        width: 120,
        valueGetter: (p) => p.data && (p.data.toName ? `${p.data.toName} (${p.data.toStore})` : p.data.toStore),
        tooltipValueGetter: (p) => p.value as string,
      },
      {
        colId: 'sentAt',
        headerName: t('hq.transfers.col.sentAt'),
        width: 150,
        valueGetter: (p) => p.data && hqTime(p.data.sentAt),
      },
      {
        colId: 'status',
        headerName: t('hq.transfers.col.status'),
        width: 90,
        valueGetter: (p) => p.data && t(`hq.transfers.status.${p.data.status}`),
        cellRenderer: (p: ICellRendererParams<ChainTransferDto>) =>
          p.data && (
            <Tag color={STATUS_COLOR[p.data.status]} data-testid={`hq-transfer-status-${p.data.number}`}>
              {p.value as string}
            </Tag>
          ),
      },
      { field: 'lines', headerName: t('hq.transfers.col.lines'), width: 60, type: 'rightAligned' },
      {
        colId: 'valueSent',
        headerName: t('hq.transfers.col.valueSent'),
        width: 110,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        valueGetter: (p) => p.data?.valueSent,
        valueFormatter: (p) => maybeAmount(p.value as number),
      },
      {
        colId: 'valueReceived',
        headerName: t('hq.transfers.col.valueReceived'),
        width: 110,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        valueGetter: (p) => p.data?.valueReceived,
        valueFormatter: (p) => maybeAmount(p.value as number | null),
      },
      {
        colId: 'variance',
        headerName: t('hq.transfers.col.variance'),
        width: 100,
        type: 'rightAligned',
        filter: 'agNumberColumnFilter',
        valueGetter: (p) => p.data?.variance,
        valueFormatter: (p) => maybeAmount(p.value as number | null),
        cellRenderer: (p: ICellRendererParams<ChainTransferDto>) =>
          p.data && (
            <span
              data-testid={`hq-transfer-variance-${p.data.number}`}
              style={p.data.variance ? { color: '#cf1322' } : undefined}
            >
              {p.valueFormatted}
            </span>
          ),
      },
      {
        colId: 'receivedAt',
        headerName: t('hq.transfers.col.receivedAt'),
        width: 150,
        valueGetter: (p) => p.data && hqTime(p.data.receivedAt),
      },
      {
        colId: 'problem',
        headerName: t('hq.transfers.col.problem'),
        flex: 1,
        minWidth: 200,
        valueGetter: (p) =>
          p.data?.problem
            ? t(`hq.transfers.problem.${p.data.problem}` as MessageKey, {
                to: p.data.toStore,
                from: p.data.fromName,
              })
            : '',
        tooltipValueGetter: (p) => p.value as string,
      },
    ],
    [t],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('hq.transfers.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('hq.transfers.hint')}</Typography.Paragraph>
      {totals && (
        <Space size="large" wrap style={{ marginBottom: 12 }} data-testid="hq-transfer-totals">
          <Statistic
            title={t('hq.transfers.totalInTransit', { count: totals.inTransitCount })}
            value={amount(totals.inTransitValue)}
            prefix={moneySymbol()}
            data-testid="hq-transfer-in-transit"
          />
          <Statistic
            title={t('hq.transfers.totalReceived', { count: totals.receivedCount })}
            value={amount(totals.receivedValue)}
            prefix={moneySymbol()}
          />
          <Statistic
            title={t('hq.transfers.totalVariance')}
            value={amount(totals.variance)}
            prefix={moneySymbol()}
            valueStyle={totals.variance ? { color: '#cf1322' } : undefined}
            data-testid="hq-transfer-variance"
          />
        </Space>
      )}
      <DataGrid<ChainTransferDto>
        gridId="hq-transfers"
        rows={q.data?.rows}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="transfers"
        toolbar={
          <>
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              options={FILTERS.map((f) => ({ value: f, label: t(`hq.transfers.filter.${f}`) }))}
              data-testid="hq-transfer-filter"
            />
            <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()} aria-label={t('common.refresh')} />
          </>
        }
      />
    </div>
  );
}
