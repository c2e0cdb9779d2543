import { CheckOutlined, SaveOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useParams } from 'react-router';
import type { PoDto, PoLineDto, ReceiptRow } from '../../../../src-shared/api/methods/procurement';
import { formatScaled } from '../../../../src-shared/quantity';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { DocumentHeader } from '../../components/DocumentHeader';
import { call } from '../../lib/api';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useBusyAction } from '../../lib/use-busy-action';
import { useQuery } from '../../lib/query';
import { showLinesError } from '../../lib/lines-error';
import { filterByLabel, nameOf, usePickers } from '../../lib/pickers';
import { money } from '../../lib/money';
import { parseYuan, yuanText } from '../../lib/money-entry';
import { sizeText } from '../../../../src-shared/pack-size';
import { BUYERS } from './PurchaseOrdersPage';
import { PoLinesEditor, lineAmount, type PoLineValues } from './PoLinesEditor';
import { PoPrint } from './PoPrint';
import { PO_STATUS_COLOR } from './po-status';

interface DraftValues {
  supplierId: string;
  expectedDay: Dayjs | null;
  note?: string;
  lines: PoLineValues[];
}

const EDITORS = ['manager', 'admin'] as const;

function toForm(po: PoDto): DraftValues {
  return {
    supplierId: po.supplierId,
    expectedDay: po.expectedDay ? dayjs(po.expectedDay) : null,
    note: po.note,
    lines: po.lines.map((l) => ({ itemId: l.itemId, packs: formatScaled(l.packs, 1000), price: yuanText(l.price) })),
  };
}

/** One purchase order: edit while a draft, then approve, print or export, close short or cancel; its receipts. */
export function PurchaseOrderPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const { session, can } = useSession();
  const q = useQuery('po.get', { id });
  const po = q.data;
  const draft = po?.status === 'draft';
  const [form] = Form.useForm<DraftValues>();
  const { busy, run } = useBusyAction((err) => showLinesError(err, message, form));
  const pickers = usePickers();
  const supplierId = Form.useWatch('supplierId', form) ?? po?.supplierId;
  const catalogue = useQuery(
    'suppliers.catalogue',
    { supplierId: supplierId ?? null },
    { enabled: draft && !!supplierId },
  );
  const suppliers = useQuery('suppliers.list', {}, { enabled: draft });
  const watchedLines = Form.useWatch('lines', form);

  // A refetch (after save, approve, or another user's change) resets the draft form to what is stored.
  useEffect(() => {
    if (po && po.status === 'draft') form.setFieldsValue(toForm(po));
  }, [po, form]);

  /** Saves the draft form; returns false when the form itself is incomplete. */
  const save = async (): Promise<boolean> => {
    let v: DraftValues;
    try {
      v = await form.validateFields();
    } catch {
      return false;
    }
    await call('po.update', {
      id,
      supplierId: v.supplierId,
      expectedDay: v.expectedDay ? v.expectedDay.format('YYYY-MM-DD') : null,
      note: v.note ?? '',
      lines: (v.lines ?? []).map((l) => ({
        itemId: l.itemId!,
        packs: l.packs ?? '',
        price: l.price?.trim() ? (parseYuan(l.price) ?? -1) : null,
      })),
    });
    return true;
  };

  const askReason = (title: string, ok: string, act: (reason: string) => Promise<string>) => {
    let reason = '';
    modal.confirm({
      title,
      okText: ok,
      okButtonProps: { danger: true, 'data-testid': 'po-reason-ok' } as { danger: boolean },
      cancelText: t('common.cancel'),
      content: <Input placeholder={t('po.reasonPrompt')} maxLength={200} onChange={(e) => (reason = e.target.value)} />,
      onOk: () => run('reason', () => act(reason)),
    });
  };

  const draftTotal = useMemo(() => (watchedLines ?? []).reduce((s, l) => s + (lineAmount(l) ?? 0), 0), [watchedLines]);

  if (!po) return q.error ? <Alert type="error" showIcon message={q.error.message} /> : null;
  const manager = can(EDITORS);
  const value = draft ? draftTotal : po.value;
  const below = po.minOrderValue > 0 && value < po.minOrderValue;
  const tz = session.store?.timezone;

  return (
    <div>
      <DocumentHeader
        back={{ to: '/purchase-orders', label: t('po.back') }}
        number={po.number}
        status={{ text: t(`po.status.${po.status}`), color: PO_STATUS_COLOR[po.status] }}
        testId="po"
        file={(format) => call('po.export', { id, format })}
        actions={
          <>
            {draft && can(BUYERS) && (
              <Button
                icon={<SaveOutlined />}
                loading={busy === 'save'}
                onClick={() =>
                  void run('save', async () => ((await save()) ? t('po.saved', { number: po.number }) : undefined))
                }
                data-testid="po-save"
              >
                {t('po.save')}
              </Button>
            )}
            {draft && manager && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'approve'}
                onClick={() =>
                  void run('approve', async () => {
                    if (!(await save())) return;
                    await call('po.approve', { id });
                    return t('po.approved', { number: po.number });
                  })
                }
                data-testid="po-approve"
              >
                {t('po.approve')}
              </Button>
            )}
            {(po.status === 'approved' || po.status === 'partial') && manager && (
              <Button
                onClick={() =>
                  askReason(t('po.closeShort'), t('po.closeShort'), async (reason) => {
                    await call('po.closeShort', { id, reason });
                    return t('po.closedShort', { number: po.number });
                  })
                }
                data-testid="po-close-short"
              >
                {t('po.closeShort')}
              </Button>
            )}
            {(draft || po.status === 'approved') && manager && (
              <Button
                danger
                onClick={() =>
                  askReason(t('po.cancel'), t('po.cancel'), async (reason) => {
                    await call('po.cancel', { id, reason });
                    return t('po.cancelled', { number: po.number });
                  })
                }
                data-testid="po-cancel"
              >
                {t('po.cancel')}
              </Button>
            )}
          </>
        }
        details={[
          { label: t('po.f.supplier'), value: `${po.supplierCode} ${po.supplierName}` },
          {
            label: t('po.doc.supplierContact'),
            value: [po.supplierContact, po.supplierPhone].filter(Boolean).join(' '),
          },
          {
            label: t('po.f.value'),
            value: (
              <>
                <b data-testid="po-value">{money(value)}</b>
                {po.receivedValue > 0 && ` · ${t('po.f.receivedValue')} ${money(po.receivedValue)}`}
              </>
            ),
          },
          { label: t('po.f.orderDay'), value: po.orderDay },
          { label: t('po.f.expectedDay'), value: po.expectedDay },
          { label: t('po.f.source'), value: t(`po.source.${po.source}`) },
          {
            label: t('po.f.createdBy'),
            value: `${po.createdBy ?? ''} ${formatStoreTime(po.createdAt, tz)}`,
          },
          {
            label: t('po.f.approved'),
            value: po.approvedAt && `${po.approvedBy ?? ''} ${formatStoreTime(po.approvedAt, tz)}`,
          },
          {
            label: t('po.f.closed'),
            value: po.closedAt && `${po.closedBy ?? ''} ${formatStoreTime(po.closedAt, tz)} ${po.closeReason}`,
          },
        ]}
      />
      {below && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('po.belowMinimum', { min: money(po.minOrderValue) })}
          data-testid="po-below-minimum"
        />
      )}

      {draft && can(BUYERS) ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Form<DraftValues> form={form} layout="vertical" data-testid="po-form">
            <Space wrap align="start">
              <Form.Item
                name="supplierId"
                label={t('po.f.supplier')}
                rules={[{ required: true }]}
                style={{ width: 320 }}
              >
                <Select
                  showSearch={{ filterOption: filterByLabel }}
                  options={(suppliers.data ?? [])
                    .filter((s) => s.active || s.id === po.supplierId)
                    .map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
                />
              </Form.Item>
              <Form.Item name="expectedDay" label={t('po.f.expectedDay')}>
                <DatePicker allowClear />
              </Form.Item>
              <Form.Item name="note" label={t('po.f.note')} style={{ width: 360 }}>
                <Input maxLength={500} />
              </Form.Item>
            </Space>
            {pickers.data && <PoLinesEditor pickers={pickers.data} catalogue={catalogue.data ?? []} saved={po.lines} />}
            <div style={{ textAlign: 'right', maxWidth: 900 }}>
              <Typography.Text strong data-testid="po-draft-total">
                {t('po.total', { value: money(draftTotal) })}
              </Typography.Text>
            </div>
          </Form>
        </Card>
      ) : (
        <PoLinesGrid po={po} locale={locale} />
      )}

      <Receipts rows={po.receipts} />
      <PoPrint po={po} />
    </div>
  );
}

function PoLinesGrid({ po, locale }: { po: PoDto; locale: 'zh-CN' | 'en' }) {
  const { t } = useI18n();
  const columns = useMemo<ColDef<PoLineDto>[]>(() => {
    const qty = (colId: string, header: string, get: (l: PoLineDto) => number): ColDef<PoLineDto> => ({
      colId,
      headerName: header,
      width: 96,
      type: 'rightAligned',
      valueGetter: (x) => (x.data ? get(x.data) : null),
      valueFormatter: (x) => (x.data ? sizeText(x.value as number, x.data.baseUnit) : ''),
    });
    return [
      { field: 'lineNo', headerName: t('po.col.lineNo'), width: 64 },
      { field: 'itemCode', headerName: t('po.col.itemCode'), width: 104 },
      {
        colId: 'name',
        headerName: t('po.col.item'),
        flex: 1,
        minWidth: 150,
        valueGetter: (x) => x.data && nameOf(x.data, locale),
      },
      { field: 'supplierCode', headerName: t('po.col.supplierCode'), width: 104 },
      {
        colId: 'packs',
        headerName: t('po.col.packs'),
        width: 90,
        type: 'rightAligned',
        valueGetter: (x) => x.data && `${formatScaled(x.data.packs, 1000)} ${x.data.packUnit}`,
      },
      {
        colId: 'packSize',
        headerName: t('po.col.packSize'),
        width: 90,
        valueGetter: (x) => x.data && sizeText(x.data.packQty, x.data.baseUnit),
      },
      {
        colId: 'price',
        headerName: t('po.col.price'),
        width: 100,
        type: 'rightAligned',
        valueGetter: (x) => x.data && money(x.data.price),
      },
      {
        colId: 'value',
        headerName: t('po.col.value'),
        width: 110,
        type: 'rightAligned',
        valueGetter: (x) => x.data && money(x.data.value),
      },
      qty('ordered', t('po.col.ordered'), (l) => l.qtyOrdered),
      qty('received', t('po.col.received'), (l) => l.qtyReceived),
      qty('open', t('po.col.open'), (l) => l.qtyOpen),
    ];
  }, [t, locale]);
  return (
    <DataGrid<PoLineDto>
      gridId="po-lines"
      rows={po.lines}
      columns={columns}
      getRowId={(r) => r.id}
      exportName={po.number}
      height={Math.min(420, 130 + po.lines.length * 34)}
    />
  );
}

/** The order's receipts, read-only: receiving itself happens on the receiving screen. */
function Receipts({ rows }: { rows: ReceiptRow[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('po.receipts')} style={{ marginTop: 12 }} data-testid="po-receipts">
      <Table<ReceiptRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('po.receipts.none') }}
        columns={[
          { title: t('po.receipt.number'), dataIndex: 'number' },
          { title: t('po.receipt.day'), dataIndex: 'day' },
          { title: t('po.receipt.status'), render: (_, r) => t(`po.receipt.status.${r.status}`) },
          { title: t('po.receipt.lines'), render: (_, r) => `${r.postedLines} / ${r.lines}` },
          { title: t('po.receipt.value'), align: 'right', render: (_, r) => money(r.value) },
        ]}
      />
    </Card>
  );
}
