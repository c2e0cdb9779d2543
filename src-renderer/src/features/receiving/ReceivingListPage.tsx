import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColDef } from 'ag-grid-community';
import { App, Button, Form, Modal, Segmented, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MethodOutput } from '../../../../src-shared/api';
import { amount } from '../../lib/money';
import { DataGrid } from '../../components/DataGrid';
import { call } from '../../lib/api';
import { showApiError } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';

type Row = MethodOutput<'receipts.list'>[number];

/** Open a receipt against an approved order (or without one), then receive it on the desk screen. */
function OpenModal(props: { open: boolean; withPo: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ poId?: string; supplierId?: string; areaId: string }>();
  const [busy, setBusy] = useState(false);
  const pos = useQuery('po.list', { status: ['approved', 'partial'] }, { enabled: props.open && props.withPo });
  const suppliers = useQuery('suppliers.list', {}, { enabled: props.open && !props.withPo });
  const pickers = useQuery('ops.pickers', {}, { enabled: props.open });
  const receivable = (pos.data ?? []).filter((p) => p.status === 'approved' || p.status === 'partial');
  // The first area is the usual one (the dock's cooler); the list arrives after the dialog opens.
  const firstArea = pickers.data?.areas[0]?.id;
  useEffect(() => {
    if (props.open && firstArea && !form.getFieldValue('areaId')) form.setFieldsValue({ areaId: firstArea });
  }, [props.open, firstArea, form]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const r = await call('receipts.open', {
        areaId: v.areaId,
        poId: v.poId ?? null,
        supplierId: v.supplierId ?? null,
      });
      props.onClose();
      navigate(`/receiving/${r.id}`);
    } catch (err) {
      showApiError(err, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={t(props.withPo ? 'receiving.openPo' : 'receiving.openNoPo')}
      onCancel={props.onClose}
      onOk={() => void submit()}
      okText={t('receiving.start')}
      okButtonProps={{ loading: busy, 'data-testid': 'receipt-open-ok' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {props.withPo ? (
          <Form.Item name="poId" label={t('receiving.po')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="receipt-po"
              options={receivable.map((p) => ({
                value: p.id,
                label: `${p.number} · ${p.supplierName} · ${p.orderDay}`,
              }))}
              notFoundContent={t('receiving.noApprovedPo')}
            />
          </Form.Item>
        ) : (
          <Form.Item name="supplierId" label={t('receiving.supplier')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="areaId" label={t('receiving.area')} rules={[{ required: true }]}>
          <Select
            data-testid="receipt-area"
            options={(pickers.data?.areas ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.nameZh}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Receipts: the open ones first (continue receiving), the finished ones for the record. */
export function ReceivingListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'open' | 'finished' | 'cancelled'>('open');
  const [dialog, setDialog] = useState<'po' | 'none' | null>(null);
  const receipts = useQuery('receipts.list', { status });
  const columns = useMemo<ColDef<Row>[]>(
    () => [
      { field: 'number', headerName: t('receiving.number'), width: 140 },
      { field: 'day', headerName: t('receiving.day'), width: 110 },
      { field: 'poNumber', headerName: t('receiving.po'), width: 140 },
      { field: 'supplierName', headerName: t('receiving.supplier'), width: 200 },
      { field: 'areaCode', headerName: t('receiving.area'), width: 90 },
      { field: 'postedLines', headerName: t('receiving.postedCount'), width: 110 },
      {
        colId: 'value',
        headerName: t('receiving.value'),
        width: 120,
        type: 'rightAligned',
        valueGetter: (p) => p.data && amount(p.data.value),
      },
      { field: 'openedBy', headerName: t('receiving.openedBy'), width: 120 },
    ],
    [t],
  );
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        <InboxOutlined /> {t('receiving.listTitle')}
      </Typography.Title>
      <DataGrid<Row>
        gridId="receipts"
        rows={receipts.data}
        loading={receipts.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="receipts"
        onRowDoubleClicked={(r) => navigate(`/receiving/${r.id}`)}
        toolbar={
          <Space wrap>
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              options={(['open', 'finished', 'cancelled'] as const).map((s) => ({
                value: s,
                label: t(`receiving.status.${s}`),
              }))}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('po')} data-testid="receive-po">
              {t('receiving.openPo')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('none')}>
              {t('receiving.openNoPo')}
            </Button>
          </Space>
        }
      />
      <OpenModal open={dialog !== null} withPo={dialog === 'po'} onClose={() => setDialog(null)} />
    </div>
  );
}
