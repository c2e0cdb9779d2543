import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { App, Button, Form, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { PO_STATUS, type PoRow, type PoStatus } from '../../../../src-shared/api/methods/procurement';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useMutation, useQuery } from '../../lib/query';
import { filterByLabel } from '../../lib/pickers';
import { money } from '../../lib/money';
import { OPEN_STATUSES, PO_STATUS_COLOR } from './po-status';

type Filter = 'open' | 'all' | PoStatus;
export const BUYERS = ['clerk', 'manager', 'admin'] as const;

/** Purchase orders: filter by status, start one by hand or from the reorder suggestions. */
export function PurchaseOrdersPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('open');
  const [creating, setCreating] = useState(false);
  const status = filter === 'open' ? OPEN_STATUSES : filter === 'all' ? null : [filter];
  const q = useQuery('po.list', { status });
  const tz = session.store?.timezone;

  const columns = useMemo<ColDef<PoRow>[]>(
    () => [
      { field: 'number', headerName: t('po.f.number'), width: 140, pinned: 'left', sort: 'desc' },
      {
        colId: 'status',
        headerName: t('po.f.status'),
        width: 120,
        valueGetter: (x) => x.data && t(`po.status.${x.data.status}`),
        cellRenderer: (p: ICellRendererParams<PoRow>) =>
          p.data && <Tag color={PO_STATUS_COLOR[p.data.status]}>{p.value as string}</Tag>,
      },
      {
        colId: 'supplier',
        headerName: t('po.f.supplier'),
        flex: 1,
        minWidth: 220,
        valueGetter: (x) => x.data && `${x.data.supplierCode} ${x.data.supplierName}`,
      },
      { field: 'orderDay', headerName: t('po.f.orderDay'), width: 110 },
      { field: 'expectedDay', headerName: t('po.f.expectedDay'), width: 120 },
      { field: 'lines', headerName: t('po.f.lines'), width: 80, filter: 'agNumberColumnFilter' },
      {
        colId: 'value',
        headerName: t('po.f.value'),
        width: 120,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.value,
        valueFormatter: (x) => (x.value === undefined || x.value === null ? '' : money(x.value as number)),
      },
      {
        colId: 'received',
        headerName: t('po.f.receivedValue'),
        width: 120,
        type: 'rightAligned',
        valueGetter: (x) => x.data?.receivedValue,
        valueFormatter: (x) => (x.value ? money(x.value as number) : ''),
      },
      {
        colId: 'source',
        headerName: t('po.f.source'),
        width: 100,
        valueGetter: (x) => x.data && t(`po.source.${x.data.source}`),
      },
      {
        colId: 'createdAt',
        headerName: t('po.f.createdAt'),
        width: 140,
        valueGetter: (x) => x.data && formatStoreTime(x.data.createdAt, tz),
      },
    ],
    [t, tz],
  );

  const fromReorder = () =>
    modal.confirm({
      title: t('po.fromReorder'),
      content: t('po.fromReorder.confirm'),
      okText: t('po.fromReorder'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const out = await call('po.fromReorder', {});
          const lines = [
            out.orders.length
              ? t('po.fromReorder.done', {
                  numbers: out.orders.map((o) => `${o.number} (${o.supplierName})`).join(', '),
                })
              : t('po.fromReorder.none'),
            out.unassigned.length &&
              t('po.fromReorder.unassigned', { items: out.unassigned.map((u) => u.code).join(', ') }),
            out.onOrder.length && t('po.fromReorder.onOrder', { items: out.onOrder.join(', ') }),
          ].filter((x): x is string => !!x);
          modal.info({
            title: t('po.fromReorder'),
            width: 560,
            content: (
              <div data-testid="from-reorder-result">
                {lines.map((l) => (
                  <p key={l}>{l}</p>
                ))}
              </div>
            ),
          });
          setFilter('open');
        } catch (err) {
          showApiError(err, message);
        }
      },
    });

  const canBuy = can(BUYERS);
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('po.title')}
      </Typography.Title>
      <DataGrid<PoRow>
        gridId="purchase-orders"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="purchase-orders"
        onRowDoubleClicked={(r) => navigate(`/purchase-orders/${r.id}`)}
        toolbar={
          <>
            <Select<Filter>
              value={filter}
              onChange={setFilter}
              style={{ width: 150 }}
              data-testid="po-filter"
              options={[
                { value: 'open', label: t('po.filter.open') },
                { value: 'all', label: t('po.filter.all') },
                ...PO_STATUS.map((s) => ({ value: s, label: t(`po.status.${s}`) })),
              ]}
            />
            {canBuy && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="po-new">
                {t('po.new')}
              </Button>
            )}
            {canBuy && (
              <Button icon={<ThunderboltOutlined />} onClick={fromReorder} data-testid="po-from-reorder">
                {t('po.fromReorder')}
              </Button>
            )}
          </>
        }
      />
      <NewPoModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** Picks the supplier, creates an empty draft and opens it for its lines. */
function NewPoModal(props: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const suppliers = useQuery('suppliers.list', {}, { enabled: props.open });
  const create = useMutation('po.create');
  return (
    <FormModal<{ supplierId: string }>
      open={props.open}
      title={t('po.newTitle')}
      okText={t('po.new')}
      onSubmit={async (v) => {
        const po = await create.mutate({ supplierId: v.supplierId, lines: [] });
        navigate(`/purchase-orders/${po.id}`);
      }}
      onClose={props.onClose}
      testId="po-new-form"
      okTestId="po-new-ok"
    >
      <Form.Item
        name="supplierId"
        label={t('po.f.supplier')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          showSearch={{ filterOption: filterByLabel }}
          data-testid="po-new-supplier"
          options={(suppliers.data ?? [])
            .filter((s) => s.active)
            .map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}
