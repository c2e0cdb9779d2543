import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { Button, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { INVOICE_STATUS, type InvoiceRow, type InvoiceStatus } from '../../../../src-shared/api/methods/invoices';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { money } from '../../lib/money';
import { InvoiceImportModal } from './InvoiceImportModal';
import { CLAIM_STATUS_COLOR, CLERKS, INVOICE_STATUS_COLOR, OPEN_INVOICES } from './invoice-status';
import { NewInvoiceModal } from './NewInvoiceModal';

type Filter = 'open' | 'all' | InvoiceStatus;

const moneyCol = (colId: string, headerName: string, get: (r: InvoiceRow) => number | null): ColDef<InvoiceRow> => ({
  colId,
  headerName,
  width: 120,
  type: 'rightAligned',
  filter: 'agNumberColumnFilter',
  valueGetter: (x) => (x.data ? get(x.data) : null),
  valueFormatter: (x) => (x.value === undefined || x.value === null ? '' : money(x.value as number)),
});

/** Supplier invoices: filter by status, enter one from an order or a receipt, or import one from a file. */
export function InvoicesPage() {
  const { t } = useI18n();
  const { session, can } = useSession();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('open');
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const status = filter === 'open' ? OPEN_INVOICES : filter === 'all' ? null : [filter];
  const q = useQuery('invoices.list', { status });
  const tz = session.store?.timezone;

  const columns = useMemo<ColDef<InvoiceRow>[]>(
    () => [
      { field: 'number', headerName: t('invoices.f.number'), width: 130, pinned: 'left' },
      {
        colId: 'status',
        headerName: t('invoices.f.status'),
        width: 120,
        valueGetter: (x) => x.data && t(`invoices.status.${x.data.status}`),
        cellRenderer: (p: ICellRendererParams<InvoiceRow>) =>
          p.data && <Tag color={INVOICE_STATUS_COLOR[p.data.status]}>{p.value as string}</Tag>,
      },
      {
        colId: 'supplier',
        headerName: t('invoices.f.supplier'),
        flex: 1,
        minWidth: 200,
        valueGetter: (x) => x.data && `${x.data.supplierCode} ${x.data.supplierName}`,
      },
      { field: 'invoiceDay', headerName: t('invoices.f.invoiceDay'), width: 124, sort: 'desc' },
      { field: 'dueDay', headerName: t('invoices.f.dueDay'), width: 110 },
      {
        colId: 'po',
        headerName: t('invoices.f.po'),
        width: 150,
        valueGetter: (x) => x.data && [x.data.poNumber, x.data.receiptNumber].filter(Boolean).join(' / '),
      },
      moneyCol('gross', t('invoices.f.gross'), (r) => r.gross),
      {
        colId: 'claim',
        headerName: t('invoices.f.claim'),
        width: 240,
        valueGetter: (x) => x.data?.claimNumber && `${x.data.claimNumber} ${money(x.data.claimAmount ?? 0)}`,
        cellRenderer: (p: ICellRendererParams<InvoiceRow>) =>
          p.data?.claimStatus ? (
            <span>
              <Tag color={CLAIM_STATUS_COLOR[p.data.claimStatus]}>
                {t(`invoices.claim.status.${p.data.claimStatus}`)}
              </Tag>
              {p.value as string}
            </span>
          ) : null,
      },
      moneyCol('approved', t('invoices.f.approvedAmount'), (r) => r.approvedAmount),
      {
        colId: 'source',
        headerName: t('invoices.f.source'),
        width: 100,
        valueGetter: (x) => x.data && t(`invoices.source.${x.data.source}`),
      },
      {
        colId: 'createdAt',
        headerName: t('invoices.f.createdAt'),
        width: 140,
        valueGetter: (x) => x.data && formatStoreTime(x.data.createdAt, tz),
      },
    ],
    [t, tz],
  );

  const canEnter = can(CLERKS);
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('invoices.title')}
      </Typography.Title>
      <DataGrid<InvoiceRow>
        gridId="supplier-invoices"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="supplier-invoices"
        onRowDoubleClicked={(r) => navigate(`/invoices/${r.id}`)}
        toolbar={
          <>
            <Select<Filter>
              value={filter}
              onChange={setFilter}
              style={{ width: 150 }}
              data-testid="invoices-filter"
              options={[
                { value: 'open', label: t('invoices.filter.open') },
                { value: 'all', label: t('invoices.filter.all') },
                ...INVOICE_STATUS.map((s) => ({ value: s, label: t(`invoices.status.${s}`) })),
              ]}
            />
            {canEnter && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDialog('new')}
                data-testid="invoices-new"
              >
                {t('invoices.new')}
              </Button>
            )}
            {canEnter && (
              <Button icon={<UploadOutlined />} onClick={() => setDialog('import')} data-testid="invoices-import">
                {t('invoices.import')}
              </Button>
            )}
          </>
        }
      />
      <NewInvoiceModal open={dialog === 'new'} onClose={() => setDialog(null)} />
      <InvoiceImportModal open={dialog === 'import'} onClose={() => setDialog(null)} />
    </div>
  );
}
