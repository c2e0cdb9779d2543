import type { ColDef } from 'ag-grid-community';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../src-shared/api';
import { QTY_SCALE, formatQty, parseScaled } from '../../../../src-shared/quantity';
import { amount } from '../../lib/money';
import { useSession } from '../../app/session';
import { DataGrid } from '../../components/DataGrid';
import { FormModal } from '../../components/FormModal';
import { call } from '../../lib/api';
import { downloadText } from '../../lib/download';
import { showApiError } from '../../lib/form-errors';
import { formatStoreTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useQuery } from '../../lib/query';
import { DocLines, toApiLines, type LineValues } from '../../components/DocLines';
import { areaOptions, nameOf, usePickers, type Pickers } from '../../lib/pickers';

type Transfer = MethodOutput<'ops.transfers'>[number];

function OutFields({ pickers }: { pickers: Pickers }) {
  const { t, locale } = useI18n();
  const areaId = Form.useWatch('areaId') as string | undefined;
  return (
    <>
      <Space wrap>
        <Form.Item
          name="toStore"
          label={t('ops.transfers.toStore')}
          rules={[{ required: true, message: t('ops.form.required') }]}
        >
          <Input maxLength={20} style={{ width: 180 }} data-testid="transfer-to" />
        </Form.Item>
        <Form.Item
          name="areaId"
          label={t('ops.form.area')}
          rules={[{ required: true, message: t('ops.form.required') }]}
        >
          <Select options={areaOptions(pickers.areas, locale)} style={{ width: 220 }} />
        </Form.Item>
      </Space>
      <DocLines pickers={pickers} areaId={areaId} />
      <Form.Item name="note" label={t('ops.form.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </>
  );
}

/**
 * Transfers between stores: out (in transit), file export/import, confirming
 * what arrived, and cancelling a transfer out whose file has not left yet
 * (after the export the other store may have booked it: see cancelTransfer).
 */
export function TransfersPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const p = usePickers();
  const q = useQuery('ops.transfers', {});
  const [creating, setCreating] = useState(false);
  const [receiving, setReceiving] = useState<Transfer | null>(null);
  const [cancelling, setCancelling] = useState<Transfer | null>(null);
  const tz = session.store?.timezone;
  const canCancel = can(['manager', 'admin']);
  const arriving = q.data?.some((r) => r.arrivingFrom) ?? false;

  const exportFile = async (tr: Transfer) => {
    try {
      const f = await call('ops.transferExport', { id: tr.id });
      downloadText(f.fileName, f.content, 'application/json');
    } catch (err) {
      showApiError(err, message);
    }
  };
  const importFile = async (file: File) => {
    try {
      const r = await call('ops.transferImport', { content: await file.text() });
      void message.success(t('ops.transfers.imported', { number: r.number }));
    } catch (err) {
      showApiError(err, message);
    }
  };

  const columns = useMemo<ColDef<Transfer>[]>(
    () => [
      { field: 'number', headerName: t('ops.col.number'), width: 190, pinned: 'left' },
      {
        colId: 'direction',
        headerName: t('ops.col.direction'),
        width: 90,
        valueGetter: (x) => x.data && t(`ops.transfers.dir.${x.data.direction}`),
      },
      { field: 'fromStore', headerName: t('ops.col.from'), width: 110 },
      { field: 'toStore', headerName: t('ops.col.to'), width: 110 },
      {
        colId: 'status',
        headerName: t('ops.col.status'),
        // "Arriving from <store>" needs the room only while such a transfer is listed.
        width: arriving ? 200 : 100,
        tooltipValueGetter: (x) => x.value as string,
        valueGetter: (x) =>
          x.data &&
          (x.data.arrivingFrom
            ? t('transfersHq.arrivingFrom', { store: x.data.arrivingFrom })
            : t(`ops.transfers.status.${x.data.status}`)),
      },
      {
        colId: 'sent',
        headerName: t('ops.col.sent'),
        width: 150,
        valueGetter: (x) => x.data && formatStoreTime(x.data.sentAt, tz),
      },
      {
        colId: 'received',
        headerName: t('ops.col.received'),
        width: 150,
        valueGetter: (x) => x.data && formatStoreTime(x.data.receivedAt, tz),
      },
      {
        colId: 'exported',
        headerName: t('ops.col.exported'),
        width: 150,
        valueGetter: (x) => x.data && formatStoreTime(x.data.exportedAt, tz),
      },
      { colId: 'lines', headerName: t('ops.col.lines'), width: 80, valueGetter: (x) => x.data?.lines.length },
      {
        colId: 'value',
        headerName: t('ops.col.value'),
        width: 110,
        type: 'rightAligned',
        valueGetter: (x) => x.data && amount(x.data.lines.reduce((s, l) => s + l.valueSent, 0)),
      },
      { field: 'note', headerName: t('ops.col.note'), flex: 1, minWidth: 120 },
      {
        colId: 'actions',
        headerName: t('common.actions'),
        width: 190,
        pinned: 'right',
        sortable: false,
        filter: false,
        cellRenderer: (x: { data?: Transfer }) => {
          const r = x.data;
          if (!r) return null;
          if (r.direction === 'out') {
            if (r.status === 'cancelled') return null;
            const exportButton = (
              <Button
                size="small"
                onClick={r.exportedAt ? () => void exportFile(r) : undefined}
                data-testid={`transfer-export-${r.number}`}
              >
                {r.exportedAt ? t('ops.transfers.exportAgain') : t('ops.transfers.export')}
              </Button>
            );
            return (
              <Space size={4}>
                {r.exportedAt ? (
                  exportButton
                ) : (
                  // The first export ends the chance to cancel: say so before the file leaves.
                  <Popconfirm
                    title={t('ops.transfers.exportConfirm', { to: r.toStore })}
                    okText={t('ops.transfers.export')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void exportFile(r)}
                  >
                    {exportButton}
                  </Popconfirm>
                )}
                {canCancel && r.status === 'in_transit' && !r.exportedAt && !r.leftForHq && (
                  <Button
                    size="small"
                    danger
                    onClick={() => setCancelling(r)}
                    data-testid={`transfer-cancel-${r.number}`}
                  >
                    {t('ops.transfers.cancel')}
                  </Button>
                )}
              </Space>
            );
          }
          if (r.status !== 'in_transit') return null;
          return (
            <Button
              size="small"
              type="primary"
              onClick={() => setReceiving(r)}
              data-testid={`transfer-receive-${r.number}`}
            >
              {t('ops.transfers.receive')}
            </Button>
          );
        },
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the actions only need the current translations
    [t, tz, canCancel, arriving],
  );

  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('ops.transfers.title')}
      </Typography.Title>
      <DataGrid<Transfer>
        gridId="ops-transfers"
        rows={q.data}
        loading={q.loading}
        columns={columns}
        getRowId={(r) => r.id}
        exportName="transfers"
        toolbar={
          <>
            <Button type="primary" onClick={() => setCreating(true)} data-testid="transfer-new">
              {t('ops.transfers.new')}
            </Button>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(f) => {
                void importFile(f);
                return false;
              }}
            >
              <Button>{t('ops.transfers.import')}</Button>
            </Upload>
          </>
        }
      />
      {p.data && (
        <FormModal<{ toStore: string; areaId: string; note?: string; lines: LineValues[] }>
          open={creating}
          title={t('ops.transfers.new')}
          okText={t('ops.form.submit')}
          initialValues={{ lines: [{}] }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            const r = await call('ops.transferOut', {
              toStore: v.toStore,
              areaId: v.areaId,
              note: v.note || undefined,
              lines: toApiLines(v.lines),
            });
            return t('ops.transfers.created', { number: r.number });
          }}
        >
          <OutFields pickers={p.data} />
        </FormModal>
      )}
      <FormModal<{ note: string }>
        open={!!cancelling}
        title={t('ops.transfers.cancelTitle', { number: cancelling?.number ?? '' })}
        okText={t('ops.transfers.cancel')}
        onClose={() => setCancelling(null)}
        onSubmit={async (v) => {
          const tr = cancelling!;
          const r = await call('ops.transferCancel', { id: tr.id, note: v.note });
          return t('ops.transfers.cancelDone', { number: tr.number, moves: r.moves });
        }}
        testId="transfer-cancel-form"
        okTestId="transfer-cancel-ok"
      >
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('ops.transfers.cancelHint')} />
        <Form.Item
          name="note"
          label={t('ops.transfers.cancelNote')}
          rules={[{ required: true, whitespace: true, message: t('ops.form.required') }]}
        >
          <Input.TextArea rows={2} maxLength={200} data-testid="transfer-cancel-note" />
        </Form.Item>
      </FormModal>
      <FormModal<{ areaId: string; lines: { qty: string; note?: string }[] }>
        open={!!receiving}
        title={`${t('ops.transfers.receive')} ${receiving?.number ?? ''}`}
        initialValues={
          receiving ? { lines: receiving.lines.map((l) => ({ qty: formatQty(l.qtySent), note: '' })) } : undefined
        }
        onClose={() => setReceiving(null)}
        onSubmit={async (v) => {
          const tr = receiving!;
          await call('ops.transferReceive', {
            id: tr.id,
            areaId: v.areaId,
            lines: tr.lines.map((l, n) => ({
              lineId: l.id,
              qtyReceived: parseScaled(v.lines[n]?.qty ?? '', QTY_SCALE) ?? -1,
              note: v.lines[n]?.note || undefined,
            })),
          });
          return t('ops.transfers.receivedDone');
        }}
        testId="transfer-receive-form"
        okTestId="transfer-receive-ok"
      >
        <Form.Item
          name="areaId"
          label={t('ops.form.area')}
          rules={[{ required: true, message: t('ops.form.required') }]}
        >
          <Select options={areaOptions(p.data?.areas, locale)} data-testid="transfer-receive-area" />
        </Form.Item>
        {receiving?.lines.map((l, n) => (
          <Space key={l.id} align="start" wrap>
            <Form.Item
              name={['lines', n, 'qty']}
              label={`${l.itemCode} ${nameOf(l, locale)} ${l.lot}`}
              extra={t('ops.transfers.sentQty', { qty: formatQty(l.qtySent), unit: l.baseUnit })}
              rules={[{ required: true, message: t('ops.form.required') }]}
            >
              <Input addonAfter={l.baseUnit} style={{ width: 160 }} data-testid={`transfer-receive-qty-${n}`} />
            </Form.Item>
            <Form.Item name={['lines', n, 'note']} label={t('ops.transfers.lineNote')}>
              <Input maxLength={200} style={{ width: 220 }} data-testid={`transfer-receive-note-${n}`} />
            </Form.Item>
          </Space>
        ))}
      </FormModal>
    </div>
  );
}
