import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { MethodOutput } from '../../../../../src-shared/api';
import { useSession } from '../../../app/session';
import { FormModal } from '../../../components/FormModal';
import { call } from '../../../lib/api';
import { downloadBase64 } from '../../../lib/download';
import { showApiError } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useQuery } from '../../../lib/query';
import { money, moneySymbol } from '../../../lib/money';
import { parseYuan, PRICE_PATTERN } from '../../../lib/money-entry';
import { filterByLabel } from '../../../lib/pickers';
import { FilePick, type PickedFile } from '../FilePick';
import { EDITORS } from '../repair-format';
import { ReversalCell, VoidModal } from './reversal';
import { storeTodayValue } from '../../../lib/store-day';

type Detail = MethodOutput<'repairs.get'>;
type Invoice = Detail['invoices'][number];

interface Values {
  vendorId?: string;
  invoiceNo: string;
  day: Dayjs;
  amount: string;
  note?: string;
  file?: PickedFile | null;
}

/** Service vendors' invoices for this work order (managers), with a scan of each. */
export function InvoicesCard({ wo }: { wo: Detail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<Invoice | null>(null);
  const vendors = useQuery('vendors.list', {}, { enabled: adding });
  const editor = can(EDITORS);
  const initial = useMemo<Partial<Values>>(
    () => ({ vendorId: wo.vendorId ?? undefined, day: storeTodayValue(), file: null }),
    [wo.vendorId],
  );
  const openFile = async (id: string) => {
    try {
      const a = await call('attachments.get', { id });
      downloadBase64(a.fileName, a.base64, a.mime);
    } catch (err) {
      showApiError(err, message);
    }
  };
  return (
    <Card
      size="small"
      title={t('repairs.detail.invoices')}
      extra={
        editor &&
        wo.canAddCosts && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="wo-add-invoice">
            {t('repairs.invoice.add')}
          </Button>
        )
      }
      data-testid="wo-invoices"
    >
      <Table<Invoice>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={wo.invoices}
        locale={{ emptyText: t('repairs.invoice.none') }}
        columns={[
          { title: t('repairs.f.vendor'), dataIndex: 'vendorName' },
          { title: t('repairs.invoice.no'), dataIndex: 'invoiceNo', width: 120 },
          { title: t('repairs.labour.day'), dataIndex: 'day', width: 100 },
          { title: t('repairs.invoice.amount'), align: 'right', width: 110, render: (_, i) => money(i.amount) },
          {
            title: '',
            width: 150,
            render: (_, i) => (
              <>
                {i.attachmentId && (
                  <Button size="small" type="link" onClick={() => void openFile(i.attachmentId!)}>
                    {t('repairs.invoice.scan')}
                  </Button>
                )}
                <ReversalCell entry={i} canVoid={editor && wo.canAddCosts} onVoid={() => setVoiding(i)} />
              </>
            ),
          },
        ]}
      />
      <FormModal<Values>
        open={adding}
        title={t('repairs.invoice.addTitle', { number: wo.number })}
        initialValues={initial}
        onSubmit={async (v) => {
          await call('repairs.addInvoice', {
            id: wo.id,
            vendorId: v.vendorId ?? '',
            invoiceNo: v.invoiceNo,
            day: v.day.format('YYYY-MM-DD'),
            // A bad amount goes to the server as 0 so the message comes back on the field.
            amount: parseYuan(v.amount) ?? 0,
            note: v.note ?? '',
            file: v.file ?? null,
          });
          return t('repairs.invoice.added');
        }}
        onClose={() => setAdding(false)}
        testId="invoice-form"
      >
        <Form.Item
          name="vendorId"
          label={t('repairs.f.vendor')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            showSearch={{ filterOption: filterByLabel }}
            options={(vendors.data ?? []).map((v) => ({ value: v.id, label: `${v.code} ${v.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="invoiceNo"
          label={t('repairs.invoice.no')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="day"
          label={t('repairs.labour.day')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('repairs.invoice.amount')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: PRICE_PATTERN, message: t('po.v.priceFormat') },
          ]}
        >
          <Input inputMode="decimal" prefix={moneySymbol()} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('repairs.f.note')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="file" label={t('repairs.invoice.scan')}>
          <FilePick />
        </Form.Item>
      </FormModal>
      <VoidModal
        open={voiding !== null}
        title={t('repairs.invoice.voidTitle', { invoice: voiding?.invoiceNo ?? '' })}
        onVoid={(note) => call('repairs.voidInvoice', { invoiceId: voiding!.id, note })}
        onClose={() => setVoiding(null)}
      />
    </Card>
  );
}
